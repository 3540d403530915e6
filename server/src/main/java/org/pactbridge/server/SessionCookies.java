package org.pactbridge.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The web UI's session: at sign-in the browser sends its API token once, and the node answers with a
 * cookie holding it that script cannot read ({@code HttpOnly}), that is sent only to this node's origin
 * and never on a request another site starts ({@code SameSite=Strict}), and, where browsers accept it,
 * only over a secure channel ({@code Secure}, with the {@code __Host-} prefix that also pins it to this
 * host and path {@code /}). So an injected script cannot take the token away; it could still act within
 * the page, which the Content-Security-Policy is there to prevent.
 *
 * <p>Cross-site request forgery: a state-changing request (anything but GET and HEAD) authenticated by
 * the cookie must also carry {@code X-CSRF-Token}, an HMAC of the cookie's token under a key this process
 * drew at random. A page learns it from {@code POST} or {@code GET /api/v1/session}, which another
 * origin cannot read; it is never stored by the node, so checking it costs one HMAC and no look-up. A
 * restarted node has a new key: the page asks for the value again. Requests with
 * {@code Authorization: Bearer} need no CSRF token, as a browser never adds that header by itself.
 *
 * <p>{@code Secure} is set when the listener is TLS or loopback: Chromium and Firefox accept and return
 * Secure cookies from {@code http://localhost} and {@code http://127.0.0.1}, which they treat as
 * secure contexts. With {@code --insecure-http} on another address the cookie cannot be Secure (a
 * browser would drop it), and so it is named without the prefix. Thread-safe.
 */
final class SessionCookies {
  static final String SECURE_NAME = "__Host-pactbridge-session";
  static final String PLAIN_NAME = "pactbridge-session";
  static final String CSRF_HEADER = "X-CSRF-Token";

  private final boolean secure;
  private final String name;
  private final SecretKeySpec key;

  SessionCookies(boolean secure) {
    this.secure = secure;
    this.name = secure ? SECURE_NAME : PLAIN_NAME;
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    this.key = new SecretKeySpec(bytes, "HmacSHA256");
  }

  String name() {
    return name;
  }

  /** The token in the request's session cookie, or null. */
  String token(Context ctx) {
    if (ctx.header("Cookie") == null) {
      return null;
    }
    String value = ctx.cookie(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Sets the session cookie for {@code secret}: a session cookie, gone when the browser closes. */
  void set(Context ctx, String secret) {
    ctx.res().addHeader("Set-Cookie", name + "=" + secret + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
  }

  /** Tells the browser to drop the session cookie. */
  void clear(Context ctx) {
    ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
  }

  /** The CSRF token that goes with {@code secret}. */
  String csrfToken(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** Refuses (403) a cookie-authenticated state-changing request without the right {@code X-CSRF-Token}. */
  void requireCsrf(Context ctx, String secret) {
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null || sent.isEmpty()) {
      throw new ApiProblem(403, "CSRF_TOKEN_MISSING", "CSRF token missing",
          "a request authenticated by the session cookie that changes state needs the header " + CSRF_HEADER + " (from GET /api/v1/session)");
    }
    byte[] expected = csrfToken(secret).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.US_ASCII))) {
      throw new ApiProblem(403, "CSRF_TOKEN_INVALID", "CSRF token invalid",
          "the header " + CSRF_HEADER + " does not match this session; ask GET /api/v1/session for the current one");
    }
  }
}
