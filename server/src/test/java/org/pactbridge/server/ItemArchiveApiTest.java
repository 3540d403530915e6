package org.pactbridge.server;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.user.Role;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfWriter;

/**
 * {@code POST /api/v1/items/{id}/exports} and {@code POST /api/v1/items/imports} on a real node over HTTP:
 * a permit answers the archive, a refusal a problem with the decision's reason codes; an import answers the
 * item with both labels and the assertions' status, which its page then shows; a tampered archive is a 422
 * naming the part, and nothing is stored. The title is in no answer but the item's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemArchiveApiTest {
  private static final String TITLE = "Sohae launch pad, Hwasong-18 readiness";

  private final TestNode node = TestNode.start(TestNode.Db.H2);
  private final String korOriginator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
  private final String korOfficer = node.user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
  private final HttpClient client = HttpClient.newHttpClient();

  @TempDir Path dir;

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String marking) {
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"" + marking + "\",\"topics\":[\"dprk-missile\"],\"content\":\"the body\",\"title\":\"" + TITLE + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private HttpResponse<byte[]> send(String path, String token, String contentType, byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.server.port() + path))
        .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> export(String id, String to) throws IOException, InterruptedException {
    return send("/api/v1/items/" + id + "/exports", korOfficer, "application/json", ("{\"to\":\"" + to + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  @Test
  void aPermitAnswersTheArchiveWhichImportsAndShowsBothLabels() throws Exception {
    String id = register("//KOR II//REL TO USA, JPN");
    HttpResponse<byte[]> exported = export(id, "USA");
    assertThat(exported.statusCode()).as(new String(exported.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(exported.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/zip"));
    assertThat(exported.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"item-" + id + "-USA.tdf\"");
    assertThat(new String(exported.body(), StandardCharsets.ISO_8859_1)).startsWith("PK").doesNotContain(TITLE).doesNotContain("the body");
    Path file = dir.resolve("exported.tdf");
    Files.write(file, exported.body());
    try (TdfArchive archive = TdfArchive.open(file)) {
      assertThat(archive.keyAccess().get(0).url()).isEqualTo("http://127.0.0.1:" + node.server.port() + "/kas");
      assertThat(archive.findAlternativeLabel().orElseThrow().recipient().value()).isEqualTo("USA");
    }

    HttpResponse<byte[]> imported = send("/api/v1/items/imports", korOfficer, "application/zip", exported.body());
    assertThat(imported.statusCode()).as(new String(imported.body(), StandardCharsets.UTF_8)).isEqualTo(201);
    JsonNode item = json(imported);
    assertThat(item.path("level").asText()).isEqualTo("KOR:II");
    assertThat(item.path("archive").path("alternative").path("recipient").asText()).isEqualTo("USA");
    assertThat(new String(imported.body(), StandardCharsets.UTF_8)).doesNotContain(TITLE);

    JsonNode page = node.get("/api/v1/items/" + item.path("id").asText(), korOriginator).json();
    assertThat(page.path("title").asText()).isEqualTo(TITLE);
    assertThat(page.path("archive").path("originatorLabel").asText()).contains("originatorConfidentialityLabel");
    assertThat(page.path("archive").path("alternativeLabel").asText()).contains("alternativeConfidentialityLabel");
    assertThat(page.path("archive").path("assertions").findValuesAsText("id"))
        .containsExactly(TdfWriter.ORIGINATOR_LABEL_ID, TdfWriter.ALTERNATIVE_LABEL_ID);
    assertThat(page.path("archive").path("assertions").findValuesAsText("status")).containsOnly("VERIFIED");
    assertThat(node.get("/api/v1/items/" + id, korOriginator).json().has("archive")).as("an item registered here has no archive").isFalse();

    HttpResponse<byte[]> again = send("/api/v1/items/imports", korOfficer, "application/zip", exported.body());
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(json(again).path("code").asText()).isEqualTo("ALREADY_IMPORTED");
  }

  @Test
  void aRefusalIsAProblemWithTheDecisionsReasonCodes() throws Exception {
    String id = register("//KOR II//REL TO JPN");
    HttpResponse<byte[]> refused = export(id, "USA");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = json(refused);
    assertThat(problem.path("code").asText()).isEqualTo("DENY");
    assertThat(problem.path("outcome").asText()).isEqualTo("DENY");
    assertThat(problem.path("reasons").toString()).contains("NOT_RELEASABLE_TO");
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(TITLE);
    HttpResponse<byte[]> byAnalyst = send("/api/v1/items/" + id + "/exports", node.user("kor-analyst", "KOR", "I", Role.ANALYST),
        "application/json", "{\"to\":\"USA\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(byAnalyst.statusCode()).isEqualTo(403);
    assertThat(json(byAnalyst).path("code").asText()).isEqualTo("FORBIDDEN");
  }

  @Test
  void aTamperedArchiveIsRefusedNamingThePartAndNothingIsStored() throws Exception {
    String id = register("//KOR II//REL TO USA");
    byte[] bytes = export(id, "USA").body();
    // the payload is the first entry: its data follows the local header (30 bytes), the name and the extra field
    int data = 30 + TdfWriter.PAYLOAD_ENTRY.length() + ((bytes[28] & 0xff) | (bytes[29] & 0xff) << 8);
    bytes[data + 13] ^= 0x01; // the first byte of ciphertext after the 12-byte IV
    int before = node.get("/api/v1/items?limit=1000", korOriginator).json().size();
    HttpResponse<byte[]> refused = send("/api/v1/items/imports", korOfficer, "application/zip", bytes);
    assertThat(refused.statusCode()).isEqualTo(422);
    JsonNode problem = json(refused);
    assertThat(problem.path("code").asText()).isEqualTo("SEGMENT_INTEGRITY");
    assertThat(problem.path("part").asText()).isEqualTo("segment 0");
    assertThat(node.get("/api/v1/items?limit=1000", korOriginator).json().size()).isEqualTo(before);
    HttpResponse<byte[]> notZip = send("/api/v1/items/imports", korOfficer, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(notZip.statusCode()).isEqualTo(415);
  }
}
