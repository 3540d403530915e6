package org.pactbridge.server;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Accounts;

/**
 * Who is calling: an API token in {@code Authorization: Bearer}, else the web UI's session cookie
 * ({@link SessionCookies}; with the CSRF header on state-changing methods), else a client certificate
 * verified by the TLS layer. An unknown, revoked or expired token is a 401, and counts against the
 * client address in the {@link LoginThrottle}; an address over its allowance gets a 429 before its
 * token is looked at. Thread-safe.
 */
final class CallerAuthentication {
  private final Accounts accounts;
  private final SessionCookies cookies;
  private final LoginThrottle throttle;
  private final Counter failures;
  private final Counter throttled;

  CallerAuthentication(Accounts accounts, SessionCookies cookies, LoginThrottle throttle, MeterRegistry metrics) {
    this.accounts = accounts;
    this.cookies = cookies;
    this.throttle = throttle;
    this.failures = Counter.builder("pactbridge.login.failures").description("Requests refused for an unknown, revoked or expired token")
        .register(metrics);
    this.throttled = Counter.builder("pactbridge.login.throttled")
        .description("Requests refused unread because their address sent too many invalid tokens").register(metrics);
  }

  /** The bearer token of the request, if it has an {@code Authorization: Bearer} header. */
  static Optional<String> bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(header.substring(7).strip());
    }
    return Optional.empty();
  }

  /** The caller, or the problem that refuses the request (401, 403 for a missing CSRF token, 429). */
  User caller(Context ctx) {
    Optional<String> bearer = bearer(ctx);
    if (bearer.isPresent()) {
      return byToken(ctx, bearer.get(), false);
    }
    String cookie = cookies.token(ctx);
    if (cookie != null) {
      User user = byToken(ctx, cookie, true);
      if (!isSafe(ctx.method().name())) {
        cookies.requireCsrf(ctx, cookie);
      }
      return user;
    }
    // A client certificate, already verified against the trust store by the TLS layer, names its user by CN.
    return TlsConnector.certificateName(ctx.req()).flatMap(name -> accounts.users().findByName(name))
        .orElseThrow(() -> ApiProblem.unauthenticated("send an API token as 'Authorization: Bearer pbt_…' or a trusted client certificate"));
  }

  private User byToken(Context ctx, String secret, boolean fromCookie) {
    String address = ctx.req().getRemoteAddr();
    long wait = throttle.retryAfterMillis(address);
    if (wait > 0) {
      throttled.increment();
      long seconds = Math.max(1, (wait + 999) / 1000);
      ctx.header("Retry-After", Long.toString(seconds));
      throw new ApiProblem(429, "TOO_MANY_FAILED_LOGINS", "Too many failed logins",
          "this address sent too many unknown, revoked or expired tokens; try again in " + seconds + " s");
    }
    Optional<User> user = accounts.authenticate(secret);
    if (user.isEmpty()) {
      throttle.failed(address);
      failures.increment();
      if (fromCookie) {
        cookies.clear(ctx);
      }
      throw ApiProblem.unauthenticated("the token is unknown, revoked or expired");
    }
    return user.get();
  }

  static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}
