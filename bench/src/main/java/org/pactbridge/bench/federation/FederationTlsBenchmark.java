package org.pactbridge.bench.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.server.FederationTrust;
import org.pactbridge.server.HttpPeerChannel;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.PartyPki;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.world.WorldLoader;

/**
 * The bare mutual-TLS request rate of the federation listener, the peer figure for issue 20's transfer
 * benchmark: a real KOR node (H2 in memory, reference world) whose federation listener is called by USA
 * (PKIs made by {@code pki init}'s code) for {@code GET /federation/v1/hello}, which does no work beyond the
 * listener's own checks (certificate issued by a peer's CA, dates, CRL, party, agreement) and a small JSON
 * answer.
 *
 * <ul>
 *   <li>{@code keepAlive}: one client, {@link HttpPeerChannel} (the JDK's HTTP client, TLS 1.3), one
 *       connection kept alive across requests;
 *   <li>{@code newConnection}: one client opening a new TLS 1.3 connection for each request (full handshake
 *       with both certificates, ECDHE and ECDSA P-256 on both sides; no resumption), HTTP/1.1 with
 *       {@code Connection: close}.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'federation.FederationTlsBenchmark'}
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class FederationTlsBenchmark {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");

  private Path dir;
  private NodeServer kor;
  private PeerChannel channel;
  private SSLContext usaContext;
  private int port;
  private byte[] request;

  @Setup
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("pactbridge-fed-bench");
    Path korPki = dir.resolve("kor");
    Path usaPki = dir.resolve("usa");
    PartyPki.init(KOR, korPki, List.of(), Instant.now());
    PartyPki.init(USA, usaPki, List.of(), Instant.now());
    Path korPeers = dir.resolve("kor-peers.yaml");
    Files.copy(usaPki.resolve(PartyPki.CA_CERT), dir.resolve("usa-ca.pem"));
    Files.copy(korPki.resolve(PartyPki.CA_CERT), dir.resolve("kor-ca.pem"));
    Files.writeString(korPeers, "peers:\n  USA:\n    url: https://127.0.0.1:1\n    ca: usa-ca.pem\n");
    ServerConfig config = ServerConfig.of(WorldLoader.reference(), KOR, "jdbc:h2:mem:fed-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        Files.createDirectories(dir.resolve("keys")), 0).withFederation(new ServerConfig.Federation("127.0.0.1", 0, korPki, korPeers));
    kor = NodeServer.start(config);
    port = kor.federationPort();
    Path usaPeers = dir.resolve("usa-peers.yaml");
    Files.writeString(usaPeers, "peers:\n  KOR:\n    url: https://127.0.0.1:" + port + "\n    ca: kor-ca.pem\n");
    channel = new HttpPeerChannel(new FederationTrust(USA, usaPki, usaPeers), Clock.systemUTC());
    usaContext = context(usaPki, korPki.resolve(PartyPki.CA_CERT));
    request = ("GET /federation/v1/hello HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    if (keepAlive() != 200 || newConnection() != 200) {
      throw new IllegalStateException("the federation listener did not accept USA");
    }
  }

  /** USA's key and chain, trusting KOR's CA alone, TLS 1.3. */
  private static SSLContext context(Path pki, Path trustedCa) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("node", PartyPki.readPrivateKey(pki.resolve(PartyPki.TLS_KEY)), new char[0],
        PartyPki.readCertificates(pki.resolve(PartyPki.TLS_CERT)).toArray(X509Certificate[]::new));
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, new char[0]);
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("ca", PartyPki.readCertificates(trustedCa).get(0));
    TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    return context;
  }

  @TearDown
  public void tearDown() throws IOException {
    kor.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  public int keepAlive() throws Exception {
    return channel.get(KOR, "/federation/v1/hello").status();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  public int newConnection() throws IOException {
    try (SSLSocket socket = (SSLSocket) usaContext.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.3"});
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] answer = in.readAllBytes();
      String head = new String(answer, 0, Math.min(answer.length, 12), StandardCharsets.US_ASCII);
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    }
  }
}
