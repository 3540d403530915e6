package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;
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
import org.pactbridge.tdf.TdfContent;
import org.pactbridge.tdf.TdfWriter;
import org.pactbridge.world.WorldLoader;

/**
 * {@code tdf decrypt} against a real node over HTTP ({@code --kas}) and on the node's own store, and
 * {@code keys list|rotate|retire}, end to end on an H2 file: permit, refusal (exit 3 with the reasons),
 * a flipped payload byte (exit 4 naming the segment), nothing written unless the whole archive verified,
 * a rotated key still opening until it is retired.
 */
class TdfDecryptAndKeysCommandTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final String SECRET_TEXT = "convoy route: Pyongtaek to Osan, 0300, three vehicles ".repeat(4);

  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private String[] with(String db, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = db;
    all[args.length + 2] = "--keys";
    all[args.length + 3] = dir.resolve("keys").toString();
    return all;
  }

  private JsonNode call(String method, String url, String token, String body) throws Exception {
    return call(http, method, url, token, body);
  }

  private static JsonNode call(HttpClient http, String method, String url, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
    return Json.MAPPER.readTree(response.body());
  }

  /** Creates a user over the API and writes their token to a file, which is how the command is given it. */
  private Path tokenFile(String base, String admin, String name, String nation, String clearance) throws Exception {
    JsonNode user = call("POST", base + "/api/v1/users", admin, "{\"name\":\"" + name + "\",\"nationality\":\"" + nation + "\",\"clearance\":\""
        + clearance + "\",\"needToKnow\":[\"dprk-missile\"],\"roles\":[\"analyst\"]}");
    JsonNode token = call("POST", base + "/api/v1/users/" + user.get("id").asText() + "/tokens", admin, "{}");
    Path file = dir.resolve(name + ".token");
    Files.writeString(file, token.get("token").asText());
    return file;
  }

  private Path archive(KasKey kas, Releasability releasability, String name) throws Exception {
    PolicyLabel label = new PolicyLabel(List.of(KOR), new LevelRef(KOR, "II"), releasability, false, Set.of(Topic.of("dprk-missile")));
    AlternativeLabel alternative = new AlternativeLabel(PartyCode.of("USA"), new LevelRef(PartyCode.of("USA"), "SECRET"),
        AgreementId.of("ROK-USA-GSOMIA-1987"), Instant.parse("2026-01-01T00:00:00Z"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      TdfWriter.of(List.of(kas), new SigningKey("assertion-test", generator.generateKeyPair().getPrivate())).write(
          new TdfContent(label, List.of(), ItemTitle.NONE, "text/plain", "<label/>", alternative),
          new ByteArrayInputStream(SECRET_TEXT.getBytes(StandardCharsets.UTF_8)), out);
    }
    return file;
  }

  private void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
  }

  @Test
  void decryptOverHttpsTrustsTheGivenTrustStoreAndNothingElse() throws Exception {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext",
        "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", "changeit");
    keytool("-exportcert", "-alias", "server", "-keystore", "server.p12", "-storepass", "changeit", "-file", "server.cer");
    // a trust store of certificates only, without a password (PACTBRIDGE_TRUST_PASSWORD unset)
    keytool("-J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE", "-J-Dkeystore.pkcs12.macAlgorithm=NONE", "-importcert", "-noprompt",
        "-alias", "server", "-file", "server.cer", "-keystore", "trust.p12", "-storetype", "PKCS12", "-storepass", "changeit");
    String db = "jdbc:h2:mem:tls-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ServerConfig config = ServerConfig.of(WorldLoader.reference(), KOR, db, dir.resolve("keys"), 0)
        .withTls(new ServerConfig.Tls(dir.resolve("server.p12"), "changeit", null, null));
    try (NodeServer node = NodeServer.start(config)) {
      String base = "https://127.0.0.1:" + node.port();
      javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      try (java.io.InputStream in = Files.newInputStream(dir.resolve("trust.p12"))) {
        store.load(in, null);
      }
      trust.init(store);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      HttpClient https = HttpClient.newBuilder().sslContext(context).build();
      String admin = node.firstStartAdmin().orElseThrow().secret();
      JsonNode key = call(https, "GET", base + "/kas/v1/public-key", null, null);
      assertThat(key.get("url").asText()).isEqualTo(base + "/kas");
      KasKey kas = new KasKey(key.get("url").asText(), key.get("kid").asText(), RewrapToken.parsePem(key.get("publicKey").asText()));
      Path archive = archive(kas, Releasability.open(), "tls.tdf");
      JsonNode user = call(https, "POST", base + "/api/v1/users", admin,
          "{\"name\":\"usa-tls\",\"nationality\":\"USA\",\"clearance\":\"SECRET\",\"needToKnow\":[\"dprk-missile\"],\"roles\":[\"analyst\"]}");
      Path token = dir.resolve("usa-tls.token");
      Files.writeString(token, call(https, "POST", base + "/api/v1/users/" + user.get("id").asText() + "/tokens", admin, "{}").get("token").asText());

      Path plain = dir.resolve("tls.txt");
      Cli untrusted = Cli.run("tdf", "decrypt", archive.toString(), "--out", plain.toString(), "--kas", base + "/kas", "--token-file", token.toString());
      assertThat(untrusted.status()).as("the JDK's trust does not know this node's certificate").isEqualTo(2);
      assertThat(plain).doesNotExist();
      Cli trusted = Cli.run("tdf", "decrypt", archive.toString(), "--out", plain.toString(), "--kas", base + "/kas", "--token-file", token.toString(),
          "--trust-store", dir.resolve("trust.p12").toString());
      assertThat(trusted.status()).as(trusted.err()).isZero();
      assertThat(Files.readString(plain)).isEqualTo(SECRET_TEXT);
    }
  }

  @Test
  void decryptOverHttpAndLocallyAndTheKeysLifecycle() throws Exception {
    String db = "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge");
    Path usaOpen;
    Path relToUsa;
    try (NodeServer node = NodeServer.start(ServerConfig.of(WorldLoader.reference(), KOR, db, dir.resolve("keys"), 0))) {
      String base = "http://127.0.0.1:" + node.port();
      String admin = node.firstStartAdmin().orElseThrow().secret();
      JsonNode key = call("GET", base + "/kas/v1/public-key", null, null);
      KasKey kas = new KasKey(key.get("url").asText(), key.get("kid").asText(), RewrapToken.parsePem(key.get("publicKey").asText()));
      usaOpen = archive(kas, Releasability.open(), "open.tdf");
      relToUsa = archive(kas, Releasability.relTo(List.of("USA")), "rel-to-usa.tdf");
      Path usa = tokenFile(base, admin, "usa-analyst", "USA", "SECRET");
      Path jpn = tokenFile(base, admin, "jpn-analyst", "JPN", "KIMITSU");

      Path plain = dir.resolve("plain.txt");
      Cli opened = Cli.run("tdf", "decrypt", usaOpen.toString(), "--out", plain.toString(), "--kas", base + "/kas", "--token-file", usa.toString());
      assertThat(opened.status()).as(opened.err()).isZero();
      assertThat(Files.readString(plain)).isEqualTo(SECRET_TEXT);
      assertThat(opened.out()).contains("AGREEMENT_IN_FORCE").doesNotContain("convoy");

      Path refusedOut = dir.resolve("refused.txt");
      Cli refused = Cli.run("tdf", "decrypt", relToUsa.toString(), "--out", refusedOut.toString(), "--kas", base + "/kas", "--token-file",
          jpn.toString());
      assertThat(refused.status()).isEqualTo(3);
      assertThat(refused.err()).contains("refused: NOT_RELEASABLE_TO");
      assertThat(refusedOut).doesNotExist();

      byte[] bytes = Files.readAllBytes(usaOpen);
      bytes[120] ^= 1; // inside the first segment's ciphertext: the payload entry comes first, after its local header and the IV
      Path flipped = dir.resolve("flipped.tdf");
      Files.write(flipped, bytes);
      Path flippedOut = dir.resolve("flipped.txt");
      Cli integrity = Cli.run("tdf", "decrypt", flipped.toString(), "--out", flippedOut.toString(), "--kas", base + "/kas", "--token-file",
          usa.toString());
      assertThat(integrity.status()).as(integrity.err()).isEqualTo(4);
      assertThat(integrity.err()).contains("SEGMENT_INTEGRITY").contains("segment 0");
      assertThat(flippedOut).doesNotExist();
      try (var listing = Files.list(dir)) {
        assertThat(listing.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
      }

      Cli noToken = Cli.run("tdf", "decrypt", usaOpen.toString(), "--out", plain.toString(), "--kas", base + "/kas");
      assertThat(noToken.status()).isEqualTo(2);
      assertThat(noToken.err()).contains("PACTBRIDGE_TOKEN");
    }

    // the node is stopped: its own store decides, as its operator, the node's party asking
    Path local = dir.resolve("local.txt");
    Cli locally = Cli.run(with(db, "tdf", "decrypt", usaOpen.toString(), "--out", local.toString(), "--party", "KOR"));
    assertThat(locally.status()).as(locally.err()).isZero();
    assertThat(Files.readString(local)).isEqualTo(SECRET_TEXT);
    assertThat(Cli.run(with(db, "tdf", "decrypt", usaOpen.toString(), "--out", local.toString())).status()).isEqualTo(2);

    JsonNode keys = Json.MAPPER.readTree(Cli.run(with(db, "keys", "list", "--json")).out());
    String oldKas = null;
    for (JsonNode entry : keys) {
      if (entry.get("purpose").asText().equals("KAS")) {
        oldKas = entry.get("kid").asText();
        assertThat(entry.get("status").asText()).isEqualTo("active");
      }
    }
    assertThat(oldKas).isNotNull();
    Cli rotated = Cli.run(with(db, "keys", "rotate", "--kas"));
    assertThat(rotated.status()).as(rotated.err()).isZero();
    assertThat(rotated.out()).contains("rotated the KAS key");
    assertThat(Cli.run(with(db, "keys", "list")).out()).contains(oldKas).contains("superseded");
    assertThat(Cli.run(with(db, "tdf", "decrypt", usaOpen.toString(), "--out", local.toString(), "--party", "KOR")).status())
        .as("a superseded key still unwraps").isZero();
    assertThat(Cli.run(with(db, "keys", "rotate")).status()).isEqualTo(2);
    Cli retired = Cli.run(with(db, "keys", "retire", oldKas));
    assertThat(retired.status()).as(retired.err()).isZero();
    Path afterRetire = dir.resolve("after-retire.txt");
    Cli unknown = Cli.run(with(db, "tdf", "decrypt", usaOpen.toString(), "--out", afterRetire.toString(), "--party", "KOR"));
    assertThat(unknown.status()).isEqualTo(3);
    assertThat(unknown.err()).contains("UNKNOWN_KEY");
    assertThat(afterRetire).doesNotExist();
    assertThat(Cli.run(with(db, "keys", "retire", oldKas)).status()).isEqualTo(2);

    Cli verified = Cli.run(with(db, "audit", "verify"));
    assertThat(verified.status()).as(verified.err()).isZero();
  }
}
