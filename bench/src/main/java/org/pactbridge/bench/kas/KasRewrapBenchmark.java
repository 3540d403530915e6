package org.pactbridge.bench.kas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.LevelRef;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.SigningKey;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfContent;
import org.pactbridge.tdf.TdfWriter;
import org.pactbridge.world.WorldLoader;

/**
 * The key access service under load: rewraps per second over real HTTP against a real node (KOR, H2 in
 * memory, reference world; each rewrap verifies the token, checks the replay cache, unwraps with RSA-OAEP,
 * checks the policy binding, runs the release engine for a USA analyst, appends the audit entry and wraps
 * to the client key), beside the bare crypto floor of one rewrap measured in the same run: RSA-OAEP
 * unwrap (SHA-256), the token's RS256 signature check, and the RSA-OAEP wrap to the client key.
 *
 * <p>Tokens are signed before each iteration (a client's cost, not the service's), each with its own
 * {@code jti}; a benchmark thread takes the next one, signing afresh only if the pool runs out. Both
 * benchmarks run in throughput mode (the rate) and sample mode (the p99).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'kas.KasRewrapBenchmark'}
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class KasRewrapBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OAEPParameterSpec OAEP_SHA256 =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static final int POOL = 3000;

  private NodeServer node;
  private Path dir;
  private HttpClient http;
  private URI rewrap;
  private String bearer;
  private KeyPair client;
  private String keyAccessJson;
  private String policy;
  private String[] bodies;
  private final AtomicInteger next = new AtomicInteger();
  // the floor's material
  private KeyPair kasPair;
  private byte[] wrappedShare;
  private byte[] signingInput;
  private byte[] signature;

  @Setup(Level.Trial)
  public void start() throws Exception {
    System.setProperty("pactbridge.log.level", "warn");
    dir = Files.createTempDirectory("kas-bench");
    String db = "jdbc:h2:mem:kas-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    node = NodeServer.start(ServerConfig.of(WorldLoader.reference(), PartyCode.of("KOR"), db, dir.resolve("keys"), 0));
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String base = "http://127.0.0.1:" + node.port();
    rewrap = URI.create(base + "/kas/v1/rewrap");
    String admin = node.firstStartAdmin().orElseThrow().secret();
    JsonNode user = call(base + "/api/v1/users", admin,
        "{\"name\":\"usa-analyst\",\"nationality\":\"USA\",\"clearance\":\"SECRET\",\"needToKnow\":[\"dprk-missile\"],\"roles\":[\"analyst\"]}");
    bearer = call(base + "/api/v1/users/" + user.get("id").asText() + "/tokens", admin, "{}").get("token").asText();
    JsonNode key = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/kas/v1/public-key")).build(),
        HttpResponse.BodyHandlers.ofString()).body());
    KasKey kas = new KasKey(key.get("url").asText(), key.get("kid").asText(), RewrapToken.parsePem(key.get("publicKey").asText()));
    client = rsa();
    Path archive = dir.resolve("item.tdf");
    PartyCode kor = PartyCode.of("KOR");
    PolicyLabel label = new PolicyLabel(List.of(kor), new LevelRef(kor, "II"), Releasability.relTo(List.of("USA")), false,
        Set.of(Topic.of("dprk-missile")));
    AlternativeLabel alternative = new AlternativeLabel(PartyCode.of("USA"), new LevelRef(PartyCode.of("USA"), "SECRET"),
        AgreementId.of("ROK-USA-GSOMIA-1987"), Instant.parse("2026-01-01T00:00:00Z"));
    try (OutputStream out = Files.newOutputStream(archive)) {
      TdfWriter.of(List.of(kas), new SigningKey("assertion-bench", rsa().getPrivate())).write(
          new TdfContent(label, List.of(), ItemTitle.NONE, "text/plain", "<label/>", alternative),
          new ByteArrayInputStream("bench".getBytes(StandardCharsets.UTF_8)), out);
    }
    try (TdfArchive opened = TdfArchive.open(archive)) {
      keyAccessJson = opened.manifest().path("encryptionInformation").path("keyAccess").get(0).toString();
      policy = opened.policyBase64();
    }
    // one rewrap must succeed before anything is timed
    HttpResponse<String> first = post(RewrapToken.requestBody(sign()));
    if (first.statusCode() != 200) {
      throw new IllegalStateException("the node refused the benchmark's rewrap: " + first.body());
    }

    kasPair = rsa();
    Cipher wrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
    wrap.init(Cipher.ENCRYPT_MODE, kasPair.getPublic(), OAEP_SHA256);
    wrappedShare = wrap.doFinal(new byte[32]);
    String token = sign();
    signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
    signature = java.util.Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
  }

  @Setup(Level.Iteration)
  public void signTokens() {
    bodies = IntStream.range(0, POOL).parallel().mapToObj(i -> RewrapToken.requestBody(sign())).toArray(String[]::new);
    next.set(0);
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    node.close();
  }

  /** One rewrap over HTTP, as a client of the node's KAS sends it (the answer's status is checked, its key not unwrapped). */
  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  @Threads(4)
  public int rewrapOverHttp() throws Exception {
    int index = next.getAndIncrement();
    String body = index < bodies.length ? bodies[index] : RewrapToken.requestBody(sign());
    HttpResponse<String> response = post(body);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("rewrap refused: " + response.statusCode());
    }
    return response.body().length();
  }

  /** The crypto floor of one rewrap: RSA-OAEP unwrap, the token's RS256 check, RSA-OAEP wrap to the client key. */
  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  @Threads(2)
  public int cryptoFloor() throws GeneralSecurityException {
    Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
    unwrap.init(Cipher.DECRYPT_MODE, kasPair.getPrivate(), OAEP_SHA256);
    byte[] share = unwrap.doFinal(wrappedShare);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(client.getPublic());
    verifier.update(signingInput);
    if (!verifier.verify(signature)) {
      throw new IllegalStateException("the floor's token does not verify");
    }
    return RewrapToken.wrapForClient(client.getPublic(), share).length();
  }

  private String sign() {
    return RewrapToken.sign(keyAccessJson, policy, client.getPublic(), client.getPrivate(), Instant.now());
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(rewrap).header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode call(String url, String token, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException("set-up call refused: " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
