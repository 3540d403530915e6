package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;
import org.slf4j.LoggerFactory;

/**
 * Issue 15, finding 6: an error quotes at most a short, escaped excerpt of the input; field sizes and
 * list lengths are refused before any work; no stack trace reaches a log at INFO or above. Before, a
 * 4 MB field came back twice in an 8 MB error body, and under concurrency the heap ran out with stack
 * traces on standard error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorEchoSecurityTest {
  private static final String MARK = "CONTENT-";
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private String analyst() {
    return node.tokens.get(Role.ANALYST);
  }

  private static String repeat(int characters) {
    return MARK.repeat(characters / MARK.length() + 1).substring(0, characters);
  }

  private static void assertShortProblem(TestNode.Response response, int status, String code) {
    assertThat(response.status()).as(response.body().length() > 600 ? response.body().substring(0, 600) : response.body()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.body().length()).as("problem body size").isLessThan(1200);
    // The longest quote allowed is a path's 120 characters.
    assertThat(response.body()).doesNotContain(MARK.repeat(16));
  }

  @Test
  void aFourMegabyteFieldIsRefusedByItsSizeAndNotEchoed() {
    TestNode.Response response = node.post("/api/v1/decisions", analyst(),
        "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"" + repeat(4 * 1024 * 1024 - 100) + "\"}");
    assertShortProblem(response, 400, "FIELD_TOO_LONG");
    assertThat(response.json().get("pointer").asText()).isEqualTo("/to");
    assertThat(response.json().get("detail").asText()).isEqualTo("the string at /to has 4194204 characters; the limit is 4096");
  }

  @Test
  void listsAndFieldNamesHaveLimitsToo() {
    StringBuilder topics = new StringBuilder();
    for (int i = 0; i < 1001; i++) {
      topics.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
    }
    TestNode.Response list = node.post("/api/v1/decisions", analyst(), "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"topics\":[" + topics + "]}");
    assertShortProblem(list, 400, "LIST_TOO_LONG");
    assertThat(list.json().get("detail").asText()).isEqualTo("the list at /topics has 1001 elements; the limit is 1000");

    TestNode.Response name = node.post("/api/v1/decisions", analyst(), "{\"" + repeat(5000) + "\":1}");
    assertShortProblem(name, 400, "FIELD_NAME_TOO_LONG");

    TestNode.Response batch = node.post("/api/v1/decisions", analyst(),
        "{\"requests\":[" + "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"},".repeat(10_000) + "{}]}");
    assertShortProblem(batch, 400, "BATCH_TOO_LARGE");
    assertThat(batch.json().get("detail").asText()).isEqualTo("the batch holds 10001 requests; the limit is 10000");
  }

  @Test
  void inputQuotedInAnErrorIsAShortEscapedExcerpt() {
    // Under the field limit, but too long to repeat whole; with a terminal escape sequence in it.
    String party = "\u001b[2J" + repeat(3000);
    TestNode.Response response = node.post("/api/v1/decisions", analyst(), "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"\\u001b[2J"
        + party.substring(4) + "\"}");
    assertShortProblem(response, 400, "UNKNOWN_PARTY");
    String detail = response.json().get("detail").asText();
    assertThat(detail).startsWith("unknown party '\\u001b[2JCONTENT-CONTENT-CONTENT-CONTENT… (3004 characters)'").doesNotContain("\u001b");
    assertThat(response.json().get("token").asText()).isEqualTo("\\u001b[2JCONTENT-CONTENT-CONTENT-CONTENT… (3004 characters)");

    TestNode.Response path = node.get("/api/v1/parties/" + repeat(3000), analyst());
    assertShortProblem(path, 400, "UNKNOWN_PARTY");
    assertThat(path.json().get("instance").asText()).endsWith("… (3016 characters)");
  }

  @Test
  void manyLargeBadRequestsAtOnceGetSmallAnswersAndNoStackTraceIsLogged() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String body = "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"marking\":\"" + repeat(4 * 1024 * 1024 - 200) + "\"}";
      List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(client.sendAsync(HttpRequest.newBuilder(URI.create(node.url("/api/v1/decisions")))
            .header("Authorization", "Bearer " + analyst()).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
      }
      for (CompletableFuture<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body().length()).isLessThan(1200);
        assertThat(response.body()).contains("FIELD_TOO_LONG").doesNotContain(MARK.repeat(16));
      }
      assertThat(node.get("/health", null).status()).isEqualTo(200);
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("\tat ").doesNotContain(MARK.repeat(16));
  }

  @Test
  void aThrowableLoggedAtInfoOrAboveIsItsClassNamesOnly() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      // What Jetty's thread pool and Javalin log when a handler runs out of memory or throws.
      LoggerFactory.getLogger("org.eclipse.jetty.util.thread.QueuedThreadPool").warn("Job failed", new OutOfMemoryError("Java heap space"));
      LoggerFactory.getLogger("io.javalin.Javalin").error("Exception occurred while servicing http-request",
          new IllegalStateException("Unrecognized token 'TOP-SECRET-CONTENT'", new java.io.IOException("inner")));
      LoggerFactory.getLogger("org.eclipse.jetty.server.HttpChannel").info("forged?\n[main] ERROR fake - line");
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("WARN org.eclipse.jetty.util.thread.QueuedThreadPool - Job failed [java.lang.OutOfMemoryError]")
        .contains("ERROR io.javalin.Javalin - Exception occurred while servicing http-request [java.lang.IllegalStateException, caused by java.io.IOException]")
        .contains("INFO org.eclipse.jetty.server.HttpChannel - forged?\\u000a[main] ERROR fake - line")
        .doesNotContain("\tat ").doesNotContain("TOP-SECRET-CONTENT").doesNotContain("Java heap space");
    assertThat(log.lines()).hasSize(3);
  }
}
