package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;

/**
 * Issue 15, finding 9: the web UI's token lives in an HttpOnly, Secure, SameSite=Strict cookie set at
 * sign-in, and a state-changing call authenticated by that cookie needs the CSRF token as well; without
 * it the call is a 403 problem. Sign-out makes the node drop the cookie. (The browser side, that script
 * cannot read the token, is {@code SessionCookieBrowserTest} in web-e2e.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionCookieSecurityTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private record Session(String cookie, String setCookie, String csrf, JsonNode body) {}

  private Session signIn(String token) throws IOException {
    HttpResponse<String> response = node.exchange(HttpRequest.newBuilder(URI.create(node.url("/api/v1/session")))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    JsonNode body = Json.MAPPER.readTree(response.body());
    return new Session(setCookie.substring(0, setCookie.indexOf(';')), setCookie, body.get("csrfToken").asText(), body);
  }

  private HttpResponse<String> withCookie(String method, String path, Session session, String csrf) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).header("Cookie", session.cookie());
    if (csrf != null) {
      request.header("X-CSRF-Token", csrf);
    }
    if (method.equals("POST")) {
      request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"from the cookie\"}"));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return node.exchange(request.build());
  }

  @Test
  void signInSetsAnHttpOnlySecureStrictSessionCookie() throws IOException {
    String token = node.tokens.get(Role.ANALYST);
    Session session = signIn(token);
    assertThat(session.setCookie()).startsWith("__Host-pactbridge-session=" + token + ";").contains("; HttpOnly").contains("; Secure")
        .contains("; SameSite=Strict").contains("; Path=/").doesNotContain("Max-Age").doesNotContain("Domain");
    assertThat(session.body().get("user").get("name").asText()).isEqualTo("analyst-1");
    assertThat(session.csrf()).isNotBlank().doesNotContain(token).doesNotContain(token.substring(4, 20));
    assertThat(session.body().toString()).doesNotContain(token);
  }

  @Test
  void theCookieReadsButChangesStateOnlyWithTheCsrfToken() throws IOException {
    Session session = signIn(node.tokens.get(Role.ANALYST));
    assertThat(withCookie("GET", "/api/v1/me", session, null).statusCode()).isEqualTo(200);
    assertThat(Json.MAPPER.readTree(withCookie("GET", "/api/v1/session", session, null).body()).get("csrfToken").asText()).isEqualTo(session.csrf());

    HttpResponse<String> missing = withCookie("POST", "/api/v1/me/tokens", session, null);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(Json.MAPPER.readTree(missing.body()).get("code").asText()).isEqualTo("CSRF_TOKEN_MISSING");

    HttpResponse<String> wrong = withCookie("POST", "/api/v1/me/tokens", session, session.csrf().substring(1) + "A");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(Json.MAPPER.readTree(wrong.body()).get("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");

    // Another user's CSRF token does not fit this cookie.
    Session other = signIn(node.tokens.get(Role.AUDITOR));
    assertThat(withCookie("POST", "/api/v1/me/tokens", session, other.csrf()).statusCode()).isEqualTo(403);

    HttpResponse<String> right = withCookie("POST", "/api/v1/me/tokens", session, session.csrf());
    assertThat(right.statusCode()).as(right.body()).isEqualTo(201);
    assertThat(withCookie("DELETE", "/api/v1/tokens/" + Json.MAPPER.readTree(right.body()).get("id").asText(), session, null).statusCode())
        .isEqualTo(403);
  }

  @Test
  void signOutDropsTheCookieAndABadCookieIsDroppedToo() throws IOException {
    Session session = signIn(node.tokens.get(Role.ANALYST));
    assertThat(withCookie("DELETE", "/api/v1/session", session, null).statusCode()).isEqualTo(403);
    HttpResponse<String> out = withCookie("DELETE", "/api/v1/session", session, session.csrf());
    assertThat(out.statusCode()).isEqualTo(204);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("__Host-pactbridge-session=;").contains("Max-Age=0")
        .contains("HttpOnly").contains("Secure");

    HttpResponse<String> unknown = node.exchange(HttpRequest.newBuilder(URI.create(node.url("/api/v1/me")))
        .header("Cookie", "__Host-pactbridge-session=pbt_not-a-token").build());
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
  }

  @Test
  void aSessionNeedsABearerToken() throws IOException {
    Session session = signIn(node.tokens.get(Role.ANALYST));
    HttpResponse<String> again = withCookie("POST", "/api/v1/session", session, session.csrf());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(again.body()).get("code").asText()).isEqualTo("BEARER_TOKEN_REQUIRED");
  }

  @Test
  void overPlainHttpOnAnotherAddressTheCookieCannotBeSecureAndSaysSo() throws IOException {
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), "jdbc:h2:mem:cookie-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
        TestNode.keyDir(), 0).withHost("0.0.0.0", true);
    try (TestNode open = TestNode.start(config)) {
      HttpResponse<String> response = open.exchange(HttpRequest.newBuilder(URI.create(open.url("/api/v1/session")))
          .header("Authorization", "Bearer " + open.adminToken).POST(HttpRequest.BodyPublishers.noBody()).build());
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("pactbridge-session=").contains("HttpOnly")
          .contains("SameSite=Strict").doesNotContain("Secure");
    }
  }
}
