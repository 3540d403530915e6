package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;

/**
 * The embedded H2 store is single-process: with a real {@code pactbridge serve} process holding it,
 * the store commands, run as processes of their own, say so and point to {@code --node URL}; with
 * {@code --node} and {@code PACTBRIDGE_TOKEN} they do the same through the running node's API (item
 * add and list, tdf export and import, audit verify), as the token's user. Commands without an API
 * equivalent say they have no {@code --node} mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeModeCommandTest {
  @TempDir
  static Path home;

  private NodeProcess serve;
  private String node;
  private String admin;
  private String originator;
  private String auditor;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void startServe() throws Exception {
    serve = NodeProcess.start(home.resolve("node"), List.of("--port", "0"), Map.of(), Duration.ofSeconds(180));
    node = serve.url().toString();
    admin = serve.adminToken().orElseThrow(() -> new AssertionError("serve printed no first-start token"));
    originator = tokenFor("originator-1", "originator");
    auditor = tokenFor("auditor-1", "auditor");
  }

  @AfterAll
  void stopServe() {
    if (serve != null) {
      serve.close();
    }
  }

  private String tokenFor(String name, String role) throws Exception {
    JsonNode user = call("/api/v1/users", "{\"name\":\"" + name + "\",\"nationality\":\"KOR\",\"clearance\":\"I\",\"needToKnow\":[\"dprk-missile\"],"
        + "\"roles\":[\"" + role + "\"]}");
    return call("/api/v1/users/" + user.get("id").asText() + "/tokens", "{}").get("token").asText();
  }

  private JsonNode call(String path, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node + path)).header("Authorization", "Bearer " + admin)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return Json.MAPPER.readTree(response.body());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A pactbridge command run as its own process with this data folder and, if given, a token. */
  private record Run(int status, String out, String err) {}

  private Run run(String token, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PACTBRIDGE_HOME", home.resolve("node").toString());
    environment.remove(RemoteNode.TOKEN_VARIABLE);
    if (token != null) {
      environment.put(RemoteNode.TOKEN_VARIABLE, token);
    }
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Path content(String text) throws IOException {
    Path file = Files.createTempFile(home, "content", ".txt");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void aStoreCommandOnTheHeldDatabaseSaysSoAndOffersNode() throws Exception {
    Run add = run(null, "item", "add", "--marking", "//KOR II//REL TO USA", "--file", content("report").toString());
    assertThat(add.status()).as(add.err()).isEqualTo(2);
    assertThat(add.err().strip().lines()).hasSize(1);
    assertThat(add.err()).contains("is in use by another process", "pactbridge serve", "--node URL", "PACTBRIDGE_TOKEN");

    Run keys = run(null, "keys", "list");
    assertThat(keys.status()).isEqualTo(2);
    assertThat(keys.err()).contains("is in use by another process", "has no --node mode", "stop the node first");
  }

  @Test
  void itemAddListExportImportAndAuditVerifyGoThroughTheRunningNode() throws Exception {
    Run add = run(originator, "item", "add", "--node", node, "--originator", "KOR", "--level", "II", "--rel-to", "USA", "--topics", "dprk-missile",
        "--title", "Launch window", "--file", content("the launch report").toString());
    assertThat(add.status()).as(add.err()).isZero();
    Matcher registered = Pattern.compile("registered item ([0-9a-f-]{36}): KOR:II REL TO USA, 17 bytes, sha256 ([0-9a-f]{64}), titled, signed by the node at "
        + Pattern.quote(node)).matcher(add.out());
    assertThat(registered.find()).as(add.out()).isTrue();
    String id = registered.group(1);
    assertThat(add.out()).doesNotContain("Launch window", "the launch report");

    Run list = run(originator, "item", "list", "--node", node);
    assertThat(list.status()).as(list.err()).isZero();
    assertThat(list.out()).contains(id, "KOR:II", "REL TO USA", "dprk-missile");

    Path archive = home.resolve("item.tdf");
    Run export = run(originator, "tdf", "export", "--node", node, "--item", id, "--to", "USA", "--out", archive.toString());
    assertThat(export.status()).as(export.err() + export.out()).isZero();
    assertThat(export.out()).startsWith("PERMIT  item " + id + " -> USA");
    byte[] zip = Files.readAllBytes(archive);
    assertThat(new String(zip, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

    Path refused = home.resolve("refused.tdf");
    Run denied = run(originator, "tdf", "export", "--node", node, "--item", id, "--to", "JPN", "--out", refused.toString());
    assertThat(denied.status()).as(denied.err() + denied.out()).isEqualTo(3);
    assertThat(denied.out()).containsPattern("^(DENY|CONSENT_REQUIRED)  item " + id + " -> JPN").contains("nothing written");
    assertThat(refused).doesNotExist();

    // the archive imported through the node (written for its own KAS, it checks whole): a new item; the same archive again is refused
    Run imported = run(originator, "tdf", "import", "--node", node, archive.toString());
    assertThat(imported.status()).as(imported.err()).isZero();
    assertThat(imported.out()).containsPattern("^imported item [0-9a-f-]{36}: KOR:II REL TO USA, sha256 [0-9a-f]{64}, policy ")
        .doesNotContain("imported item " + id);
    Run again = run(originator, "tdf", "import", "--node", node, archive.toString());
    assertThat(again.status()).isEqualTo(2);
    assertThat(again.err()).contains("the node refused (409 ALREADY_IMPORTED)");

    Run verify = run(auditor, "audit", "verify", "--node", node);
    assertThat(verify.status()).as(verify.err()).isZero();
    assertThat(verify.out()).matches("(?s)OK: \\d+ entries, head [0-9a-f]{64}, \\d+ signed checkpoints?\\R");

    Run wrongRole = run(originator, "audit", "verify", "--node", node);
    assertThat(wrongRole.status()).isEqualTo(2);
    assertThat(wrongRole.err()).contains("the node refused (403 FORBIDDEN)");
  }

  @Test
  void nodeModeNeedsATokenAndNoDatabaseOptions() throws Exception {
    Run noToken = run(null, "audit", "verify", "--node", node);
    assertThat(noToken.status()).isEqualTo(2);
    assertThat(noToken.err()).contains("--node needs an API token in the environment variable PACTBRIDGE_TOKEN");
    Run both = run(auditor, "audit", "verify", "--node", node, "--db", "jdbc:h2:file:/tmp/x");
    assertThat(both.status()).isEqualTo(2);
    assertThat(both.err()).contains("--db and --keys are for opening the database directly");
    Run badToken = run("pbt_not-a-token", "audit", "verify", "--node", node);
    assertThat(badToken.status()).isEqualTo(2);
    assertThat(badToken.err()).contains("the node refused (401");
    Run binary = run(originator, "item", "add", "--node", node, "--marking", "//KOR II", "--file", binaryFile().toString());
    assertThat(binary.status()).isEqualTo(2);
    assertThat(binary.err()).contains("is not UTF-8 text");
  }

  private Path binaryFile() throws IOException {
    Path file = Files.createTempFile(home, "binary", ".bin");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    return file;
  }
}
