package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Issue 15, finding 9: every answer (the web UI's files, API answers, refusals, Jetty's own errors)
 * carries a Content-Security-Policy that keeps the pages to their own origin and out of frames,
 * {@code nosniff} and {@code Referrer-Policy}; HSTS only over TLS ({@link TlsListenerSecurityTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return node.exchange(request.build());
  }

  private static void assertSecurityHeaders(String what, java.util.function.Function<String, String> header) {
    String policy = header.apply("Content-Security-Policy");
    assertThat(policy).as(what).isNotNull().contains("default-src 'self'").contains("frame-ancestors 'none'").contains("script-src 'self'")
        .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
    assertThat(header.apply("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(header.apply("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    assertThat(header.apply("Strict-Transport-Security")).as(what + ": HSTS is for TLS only").isNull();
  }

  @TestFactory
  Stream<DynamicTest> everyKindOfAnswerCarriesTheHeaders() {
    String analyst = node.tokens.get(Role.ANALYST);
    return Stream.of(
        DynamicTest.dynamicTest("the web UI's page", () -> {
          HttpResponse<String> page = get("/", null);
          assertThat(page.statusCode()).isEqualTo(200);
          assertSecurityHeaders("GET /", name -> page.headers().firstValue(name).orElse(null));
        }),
        DynamicTest.dynamicTest("a script", () -> {
          HttpResponse<String> script = get("/js/app.js", null);
          assertThat(script.statusCode()).isEqualTo(200);
          assertSecurityHeaders("GET /js/app.js", name -> script.headers().firstValue(name).orElse(null));
        }),
        DynamicTest.dynamicTest("an API answer", () -> {
          HttpResponse<String> parties = get("/api/v1/parties", analyst);
          assertThat(parties.statusCode()).isEqualTo(200);
          assertSecurityHeaders("GET /api/v1/parties", name -> parties.headers().firstValue(name).orElse(null));
        }),
        DynamicTest.dynamicTest("a 401", () -> {
          HttpResponse<String> refused = get("/api/v1/me", null);
          assertThat(refused.statusCode()).isEqualTo(401);
          assertSecurityHeaders("401", name -> refused.headers().firstValue(name).orElse(null));
        }),
        DynamicTest.dynamicTest("a 404", () -> {
          HttpResponse<String> missing = get("/api/v1/nothing-here", analyst);
          assertThat(missing.statusCode()).isEqualTo(404);
          assertSecurityHeaders("404", name -> missing.headers().firstValue(name).orElse(null));
        }),
        DynamicTest.dynamicTest("Jetty's refusal of a malformed URI", () -> {
          RawHttp.Answer bad = RawHttp.send(node.server.port(), "GET /%zz HTTP/1.1");
          assertThat(bad.status()).isEqualTo(400);
          assertSecurityHeaders("400 from Jetty", bad::header);
        }));
  }
}
