package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.user.Role;

/**
 * The decision batch read and answered as streams ({@link DecisionBatch}): the JSON form answers the
 * same bytes as the engine and the shared writer give in process, JSON Lines answers one decision a
 * line, the listener receives the SHA-256 of the bodies exactly as sent and received, and every limit
 * is still a problem+json before any byte of the answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionBatchStreamTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();
  private final ReleaseEngine engine = new ReleaseEngine(TestNode.REFERENCE);
  private final AtomicReference<BatchAnswered> last = new AtomicReference<>();
  private final HttpClient http = HttpClient.newHttpClient();

  DecisionBatchStreamTest() {
    node.server.onBatchAnswered(last::set);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  /** A mix of request forms: fields, marking, holder, topics, consents; every outcome. */
  private static List<String> requests(int count) {
    String[] forms = {
        "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-01-05\"}",
        "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}",
        "{\"originator\":\"KOR\",\"level\":\"II\",\"holder\":\"USA\",\"to\":\"JPN\",\"topics\":\"dprk-missile\",\"at\":\"2015-06-01\"}",
        "{\"originator\":\"KOR\",\"level\":\"II\",\"holder\":\"USA\",\"to\":\"JPN\",\"topics\":[\"dprk-missile\"],\"consents\":[\"KOR\"],\"at\":\"2015-06-01\"}",
        "{\"marking\":\"//KOR II//REL TO USA\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}",
        "{\"originator\":[\"USA\"],\"level\":\"SECRET\",\"to\":\"KOR\",\"orcon\":true,\"at\":\"2019-11-01\"}",
    };
    List<String> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(forms[i % forms.length]);
    }
    return list;
  }

  /** What the engine and the shared writer give for {@code requests} in process, in the JSON form or as lines. */
  private byte[] inProcess(List<String> requests, boolean lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
      out.setRootValueSeparator(null);
      if (!lines) {
        out.writeStartObject();
        out.writeArrayFieldStart("decisions");
      }
      for (String request : requests) {
        DecisionBody body = Bodies.read(request.getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class));
        ApiWriter.decision(out, engine.decide(body.toRequest(TestNode.REFERENCE, Instant.now())));
        if (lines) {
          out.writeRaw('\n');
        }
      }
      if (!lines) {
        out.writeEndArray();
        out.writeEndObject();
      }
    }
    return bytes.toByteArray();
  }

  private HttpResponse<byte[]> post(byte[] body, String contentType) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/decisions")))
        .header("Authorization", "Bearer " + node.tokens.get(Role.ANALYST)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] sha256(byte[] bytes) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(bytes);
  }

  @Test
  void theJsonFormAnswersTheBytesTheEngineAndWriterGiveInProcess() throws Exception {
    List<String> requests = requests(300);
    byte[] body = ("{\"requests\":[" + String.join(",", requests) + "]}").getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = post(body, "application/json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(new String(inProcess(requests, false), StandardCharsets.UTF_8));
    JsonNode decisions = Json.MAPPER.readTree(response.body()).get("decisions");
    assertThat(decisions).hasSize(300);
    assertThat(decisions.findValuesAsText("decision")).contains("PERMIT", "DENY", "CONSENT_REQUIRED");

    BatchAnswered batch = last.get();
    assertThat(batch.count()).isEqualTo(300);
    assertThat(batch.mediaType()).isEqualTo("application/json");
    assertThat(batch.requestBytes()).isEqualTo(body.length);
    assertThat(batch.requestSha256()).isEqualTo(sha256(body));
    assertThat(batch.responseBytes()).isEqualTo(response.body().length);
    assertThat(batch.responseSha256()).isEqualTo(sha256(response.body()));
    long permits = 0;
    for (JsonNode decision : decisions) {
      permits += decision.get("decision").asText().equals("PERMIT") ? 1 : 0;
    }
    assertThat(batch.outcomes().get(Outcome.PERMIT)).isEqualTo((int) permits);
    assertThat(batch.outcomes().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
    assertThat(batch.caller().name()).isEqualTo("analyst-1");
  }

  @Test
  void whitespaceAndAFirstFieldFarIntoTheBodyStillReadAsABatch() throws Exception {
    List<String> requests = requests(3);
    byte[] body = (" ".repeat(3000) + "{\n  \"requests\" : [" + String.join(",\n", requests) + "]\n}\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = post(body, "application/json; charset=utf-8");
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(response.body()).isEqualTo(inProcess(requests, false));
    assertThat(last.get().requestSha256()).isEqualTo(sha256(body));
  }

  @Test
  void jsonLinesAnswerOneDecisionALine() throws Exception {
    List<String> requests = requests(50);
    byte[] body = (String.join("\n", requests) + "\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> response = post(body, DecisionBatch.NDJSON);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(DecisionBatch.NDJSON);
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(new String(inProcess(requests, true), StandardCharsets.UTF_8));
    assertThat(text.split("\n")).hasSize(50);
    assertThat(Json.MAPPER.readTree(text.split("\n")[1]).get("decision").asText()).isEqualTo("PERMIT");
    assertThat(last.get().mediaType()).isEqualTo(DecisionBatch.NDJSON);
    assertThat(last.get().requestSha256()).isEqualTo(sha256(body));
    assertThat(last.get().responseSha256()).isEqualTo(sha256(response.body()));
  }

  @Test
  void aBadLineRefusesTheBatchNamingItsIndexAndLine() throws Exception {
    List<String> lines = new ArrayList<>(requests(4));
    lines.set(2, "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-13-45\"}");
    HttpResponse<byte[]> response = post(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), DecisionBatch.NDJSON);
    JsonNode problem = problem(response, 400, "MALFORMED_DATE");
    assertThat(problem.get("detail").asText()).startsWith("requests[2] (line 3): ");
    assertThat(problem.get("index").asInt()).isEqualTo(2);
    assertThat(problem.get("line").asInt()).isEqualTo(3);

    JsonNode wrongType = problem(post("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"}\n{\"to\":392}".getBytes(StandardCharsets.UTF_8),
        DecisionBatch.NDJSON), 400, "WRONG_TYPE");
    assertThat(wrongType.get("pointer").asText()).isEqualTo("/to");
    problem(post("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"}\n[1]".getBytes(StandardCharsets.UTF_8), DecisionBatch.NDJSON), 400,
        "WRONG_TYPE");
    problem(post("{\"originator\":\"KOR\",\n\"level\": II}".getBytes(StandardCharsets.UTF_8), DecisionBatch.NDJSON), 400, "MALFORMED_JSON");
    problem(post(new byte[0], DecisionBatch.NDJSON), 400, "EMPTY_BODY");
  }

  @Test
  void theJsonFormRefusesWithThePointersOfTheWholeBody() throws Exception {
    JsonNode wrongType = problem(post("{\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"},{\"to\":392}]}"
        .getBytes(StandardCharsets.UTF_8), "application/json"), 400, "WRONG_TYPE");
    assertThat(wrongType.get("pointer").asText()).isEqualTo("/requests/1/to");
    JsonNode unknown = problem(post("{\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"colour\":\"red\"}]}"
        .getBytes(StandardCharsets.UTF_8), "application/json"), 400, "UNKNOWN_FIELD");
    assertThat(unknown.get("pointer").asText()).isEqualTo("/requests/0/colour");
    JsonNode tooLong = problem(post(("{\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"" + "J".repeat(5000) + "\"}]}")
        .getBytes(StandardCharsets.UTF_8), "application/json"), 400, "FIELD_TOO_LONG");
    assertThat(tooLong.get("pointer").asText()).isEqualTo("/requests/0/to");
    problem(post("{\"requests\":[],\"extra\":1}".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "UNKNOWN_FIELD");
    problem(post("{\"requests\":[null]}".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "WRONG_TYPE");
    problem(post("{\"requests\":[],\"requests\":[]}".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "MALFORMED_JSON");
    problem(post("{\"requests\":[]} {}".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "MALFORMED_JSON");
    problem(post("{\"requests\":[{\"originator\":\"KOR\"".getBytes(StandardCharsets.UTF_8), "application/json"), 400, "MALFORMED_JSON");
    // an empty batch and one request given without the array, as the strict reader always took them
    assertThat(Json.MAPPER.readTree(post("{\"requests\":[]}".getBytes(StandardCharsets.UTF_8), "application/json").body()).get("decisions"))
        .isEmpty();
    assertThat(Json.MAPPER.readTree(post(("{\"requests\":" + requests(1).get(0) + "}").getBytes(StandardCharsets.UTF_8), "application/json")
        .body()).get("decisions")).hasSize(1);
  }

  @Test
  void aBatchOverTheLimitIsRefusedWithItsCountInEitherForm() throws Exception {
    String one = "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"}";
    JsonNode lines = problem(post((one + "\n").repeat(10_001).getBytes(StandardCharsets.UTF_8), DecisionBatch.NDJSON), 400, "BATCH_TOO_LARGE");
    assertThat(lines.get("detail").asText()).isEqualTo("the batch holds 10001 requests; the limit is 10000");
    JsonNode json = problem(post(("{\"requests\":[" + (one + ",").repeat(10_002) + one + "]}").getBytes(StandardCharsets.UTF_8),
        "application/json"), 400, "BATCH_TOO_LARGE");
    assertThat(json.get("detail").asText()).isEqualTo("the batch holds 10003 requests; the limit is 10000");
  }

  @Test
  void aBodyOverTheLimitSentWithoutALengthIsCutOffWhileStreaming() throws Exception {
    String one = "{\"originator\":\"KOR\"," + " ".repeat(4000) + "\"level\":\"II\",\"to\":\"JPN\"}\n"; // valid, and 4 KiB
    byte[] body = one.repeat((int) (ServerConfig.DEFAULT_MAX_BODY / one.length()) + 10).getBytes(StandardCharsets.UTF_8);
    for (String type : List.of(DecisionBatch.NDJSON, "application/json")) {
      byte[] sent = type.equals(DecisionBatch.NDJSON) ? body : ("{\"requests\":[" + new String(body, StandardCharsets.UTF_8).replace("}\n{", "},{")
          .strip() + "]}").getBytes(StandardCharsets.UTF_8);
      HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(node.url("/api/v1/decisions")))
          .header("Authorization", "Bearer " + node.tokens.get(Role.ANALYST)).header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sent))).build(), HttpResponse.BodyHandlers.ofByteArray());
      problem(response, 413, "BODY_TOO_LARGE");
    }
  }

  @Test
  void aListenerThatFailsLeavesTheClientWithoutACompleteAnswer() {
    node.server.onBatchAnswered(batch -> {
      throw new IllegalStateException("the audit log is down");
    });
    try {
      byte[] body = ("{\"requests\":[" + String.join(",", requests(2000)) + "]}").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> {
        HttpResponse<byte[]> response = post(body, "application/json");
        Json.MAPPER.readTree(response.body()); // a cut answer is not JSON
      }).isInstanceOf(IOException.class);
    } finally {
      node.server.onBatchAnswered(last::set);
    }
  }

  private static JsonNode problem(HttpResponse<byte[]> response, int status, String code) throws IOException {
    String text = new String(response.body(), StandardCharsets.UTF_8);
    assertThat(response.statusCode()).as(text).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).as(text).startsWith("application/problem+json");
    JsonNode problem = Json.MAPPER.readTree(text);
    assertThat(problem.get("code").asText()).as(text).isEqualTo(code);
    return problem;
  }
}
