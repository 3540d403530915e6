package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.user.User;

/**
 * The web feature: the web UI's static pages (module web), served from the classpath at {@code /} and
 * calling this API, nothing from elsewhere; and its sign-in and sign-out, {@code /api/v1/session}: an API token in, the session cookie and
 * the CSRF token out ({@link SessionCookies}). The page keeps the CSRF token in memory only and never
 * stores the API token.
 */
final class WebEndpoints {
  static final String PATH = "/api/v1/session";

  private final SessionCookies cookies;

  WebEndpoints(SessionCookies cookies) {
    this.cookies = cookies;
  }

  /** Serves the web UI's static pages from the classpath at {@code /}. */
  static void serveStaticPages(JavalinConfig javalin) {
    javalin.staticFiles.add(org.pactbridge.web.WebAssets.CLASSPATH_ROOT, io.javalin.http.staticfiles.Location.CLASSPATH);
  }

  List<Endpoint> endpoints() {
    return List.of(
        new Endpoint("POST", PATH, "createSession",
            "Sign in the web UI: the API token sent as Authorization: Bearer becomes an HttpOnly SameSite=Strict session cookie", Endpoint.ANY_USER,
            null, "{user, csrfToken}", this::create),
        new Endpoint("GET", PATH, "getSession", "The signed-in user and the CSRF token for state-changing calls (header X-CSRF-Token)",
            Endpoint.ANY_USER, null, "{user, csrfToken}", this::get),
        new Endpoint("DELETE", PATH, "deleteSession", "Sign out: the node tells the browser to drop the session cookie (the token stays valid)",
            Endpoint.ANY_USER, null, "no content", this::delete));
  }

  private void create(Context ctx, User caller) {
    String secret = CallerAuthentication.bearer(ctx).orElseThrow(() -> new ApiProblem(400, "BEARER_TOKEN_REQUIRED", "Bearer token required",
        "a session is made from an API token sent as 'Authorization: Bearer pbt_…'"));
    cookies.set(ctx, secret);
    Http.json(ctx, 201, sessionJson(caller, secret));
  }

  private void get(Context ctx, User caller) {
    String secret = CallerAuthentication.bearer(ctx).orElseGet(() -> cookies.token(ctx));
    Http.json(ctx, 200, sessionJson(caller, secret));
  }

  private void delete(Context ctx, User caller) {
    cookies.clear(ctx);
    ctx.status(204);
  }

  private ObjectNode sessionJson(User caller, String secret) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("user", UserEndpoints.userJson(caller));
    // A caller who logged in by certificate has no token to tie a CSRF token to, and needs none.
    node.put("csrfToken", secret == null ? null : cookies.csrfToken(secret));
    return node;
  }
}
