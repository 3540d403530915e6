package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.user.Role;

/**
 * Issue 15, finding 12: HEAD is authenticated and role-checked like GET (Javalin answered it 200 without
 * running the route); Jetty's own error pages are problem+json; a method a route does not take is 405
 * with {@code Allow}, not 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpEdgesSecurityTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private int port() {
    return node.server.port();
  }

  private static JsonNode problem(RawHttp.Answer answer) throws IOException {
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonNode json = Json.MAPPER.readTree(answer.body());
    assertThat(json.get("status").asInt()).isEqualTo(answer.status());
    return json;
  }

  @Test
  void headRunsAuthenticationAndRolesLikeGet() {
    assertThat(RawHttp.send(port(), "HEAD /api/v1/users HTTP/1.1").status()).isEqualTo(401);
    assertThat(RawHttp.send(port(), "HEAD /api/v1/users HTTP/1.1\r\nAuthorization: Bearer pbt_not-a-token").status()).isEqualTo(401);
    assertThat(RawHttp.send(port(), "HEAD /api/v1/users HTTP/1.1\r\nAuthorization: Bearer " + node.tokens.get(Role.ANALYST)).status()).isEqualTo(403);
    RawHttp.Answer admin = RawHttp.send(port(), "HEAD /api/v1/users HTTP/1.1\r\nAuthorization: Bearer " + node.adminToken);
    assertThat(admin.status()).isEqualTo(200);
    assertThat(admin.body()).isEmpty();
    assertThat(RawHttp.send(port(), "HEAD /health HTTP/1.1").status()).isEqualTo(200);
  }

  @Test
  void aMalformedUriIsAProblemNotAnHtmlPage() throws IOException {
    RawHttp.Answer answer = RawHttp.send(port(), "GET /%zz HTTP/1.1");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(problem(answer).get("code").asText()).isEqualTo("BAD_REQUEST");
    assertThat(answer.body()).doesNotContain("<h1>", "%zz");
  }

  @Test
  void anOverlongUriIsAProblemNotAnHtmlPage() throws IOException {
    RawHttp.Answer answer = RawHttp.send(port(), "GET /" + "a".repeat(9000) + " HTTP/1.1");
    assertThat(answer.status()).isEqualTo(414);
    assertThat(problem(answer).get("code").asText()).isEqualTo("URI_TOO_LONG");
    assertThat(answer.body()).doesNotContain("<h1>", "aaaaaaaa");
  }

  @Test
  void overlongHeadersAreAProblemNotAnHtmlPage() throws IOException {
    RawHttp.Answer answer = RawHttp.send(port(), "GET /api/v1/me HTTP/1.1\r\nX-Padding: " + "b".repeat(9000));
    assertThat(answer.status()).isEqualTo(431);
    assertThat(problem(answer).get("code").asText()).isEqualTo("HEADERS_TOO_LARGE");
  }

  @Test
  void aMethodTheRouteDoesNotTakeIs405WithAllow() throws IOException {
    RawHttp.Answer put = RawHttp.send(port(), "PUT /api/v1/me HTTP/1.1\r\nAuthorization: Bearer " + node.adminToken, new byte[0]);
    assertThat(put.status()).isEqualTo(405);
    assertThat(problem(put).get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(put.header("Allow")).isNotNull().contains("GET").contains("HEAD").doesNotContain("POST");

    RawHttp.Answer delete = RawHttp.send(port(), "DELETE /api/v1/users HTTP/1.1");
    assertThat(delete.status()).isEqualTo(405);
    assertThat(delete.header("Allow")).contains("GET").contains("POST");

    RawHttp.Answer patch = RawHttp.send(port(), "PATCH /api/v1/items/ITEM-1 HTTP/1.1", new byte[0]);
    assertThat(patch.status()).isEqualTo(405);
    assertThat(patch.header("Allow")).contains("GET");

    // A path no route has is still 404.
    RawHttp.Answer nowhere = RawHttp.send(port(), "PUT /api/v1/nothing-here HTTP/1.1", new byte[0]);
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(problem(nowhere).get("code").asText()).isEqualTo("NOT_FOUND");
  }
}
