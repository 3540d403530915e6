package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.party.PartyCode;

/**
 * Issue 15, finding 10: the HTTPS listener speaks TLS 1.3, and TLS 1.2 with AEAD suites only; TLS 1.1
 * and TLS 1.2 with CBC suites are refused in the handshake; HSTS goes out over TLS; and plain HTTP on
 * an address other than loopback does not start without {@code insecureHttp}. Real TLS on a random port,
 * with an EC key made by keytool for the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsListenerSecurityTest {
  private static final String PASSWORD = "changeit";

  private Path dir;
  private NodeServer server;
  private SSLContext trusting;

  @BeforeAll
  void start() throws Exception {
    dir = Files.createTempDirectory("pactbridge-tls-policy");
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
        "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASSWORD);
    keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD, "-file", "server.cer");
    keytool("-importcert", "-noprompt", "-alias", "server", "-file", "server.cer", "-keystore", "trust.p12", "-storetype", "PKCS12",
        "-storepass", PASSWORD);
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), "jdbc:h2:mem:tls-policy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        TestNode.keyDir(), 0).withTls(new ServerConfig.Tls(dir.resolve("server.p12"), PASSWORD, null, null));
    server = NodeServer.start(config);
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("trust.p12"))) {
      trust.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    trusting = SSLContext.getInstance("TLS");
    trusting.init(null, trustManagers.getTrustManagers(), null);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Handshakes with only {@code protocol} and {@code suites} offered; returns the suite agreed. */
  private String handshake(String protocol, String... suites) throws IOException {
    try (SSLSocket socket = (SSLSocket) trusting.getSocketFactory().createSocket("127.0.0.1", server.port())) {
      socket.setEnabledProtocols(new String[] {protocol});
      socket.setEnabledCipherSuites(suites);
      socket.startHandshake();
      return socket.getSession().getProtocol() + " " + socket.getSession().getCipherSuite();
    }
  }

  @Test
  void tls13IsSpokenAndTheAnswerCarriesHsts() throws Exception {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {"TLSv1.3"});
    HttpClient client = HttpClient.newBuilder().sslContext(trusting).sslParameters(parameters).build();
    HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
    assertThat(health.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    assertThat(handshake("TLSv1.3", "TLS_AES_128_GCM_SHA256")).isEqualTo("TLSv1.3 TLS_AES_128_GCM_SHA256");
  }

  @Test
  void tls12IsSpokenWithAeadSuites() throws IOException {
    assertThat(handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256")).isEqualTo("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
    assertThat(handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"))
        .isEqualTo("TLSv1.2 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
  }

  @Test
  void tls12WithCbcSuitesIsRefused() {
    assertThatThrownBy(() -> handshake("TLSv1.2", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
        "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA")).isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void tls11IsRefused() throws IOException {
    // The JDK's client will not even offer TLS 1.1, so the hello is written by hand.
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.getOutputStream().write(clientHello(0x0302));
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int contentType;
      try {
        contentType = in.readUnsignedByte();
      } catch (EOFException closed) {
        contentType = -1;
      }
      assertThat(contentType).as("an alert (21) or a closed connection, not a ServerHello (22)").isIn(21, -1);
      if (contentType == 21) {
        in.readUnsignedShort();
        in.readUnsignedShort();
        assertThat(in.readUnsignedByte()).as("alert level: fatal").isEqualTo(2);
        assertThat(in.readUnsignedByte()).as("alert: protocol_version or handshake_failure").isIn(70, 40);
      }
    }
  }

  @Test
  void plainHttpOnANonLoopbackAddressDoesNotStartUnlessAllowed() {
    ServerConfig open = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), "jdbc:h2:mem:open-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        TestNode.keyDir(), 0).withHost("0.0.0.0", false);
    assertThatThrownBy(() -> NodeServer.start(open)).isInstanceOf(ServerException.class)
        .hasMessage("refusing plain HTTP on 0.0.0.0, which is not a loopback address: tokens and item content would cross the network in clear."
            + " Serve HTTPS with --tls-keystore, bind to 127.0.0.1, or accept the risk with --insecure-http");
    try (NodeServer allowed = NodeServer.start(open.withHost("0.0.0.0", true))) {
      assertThat(allowed.port()).isPositive();
    }
    assertThat(open.withHost("localhost", false).listenerRefusal()).isEmpty();
    assertThat(open.withHost("::1", false).listenerRefusal()).isEmpty();
  }

  /** A TLS ClientHello record offering only {@code version} (0x0302: TLS 1.1) and CBC suites, without supported_versions. */
  private static byte[] clientHello(int version) {
    ByteArrayOutputStream hello = new ByteArrayOutputStream();
    hello.write(version >> 8);
    hello.write(version & 0xff);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    hello.writeBytes(random);
    hello.write(0);
    int[] suites = {0xC009, 0xC00A, 0xC013, 0xC014, 0x002F, 0x0035};
    hello.write(0);
    hello.write(suites.length * 2);
    for (int suite : suites) {
      hello.write(suite >> 8);
      hello.write(suite & 0xff);
    }
    hello.write(1);
    hello.write(0);
    byte[] extensions = {0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17, 0x00, 0x0b, 0x00, 0x02, 0x01, 0x00};
    hello.write(0);
    hello.write(extensions.length);
    hello.writeBytes(extensions);
    byte[] body = hello.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.writeBytes(new byte[] {0x16, 0x03, 0x01, (byte) ((body.length + 4) >> 8), (byte) (body.length + 4)});
    record.writeBytes(new byte[] {0x01, 0x00, (byte) (body.length >> 8), (byte) body.length});
    record.writeBytes(body);
    return record.toByteArray();
  }

  private void keytool(String... args) throws Exception {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }
}
