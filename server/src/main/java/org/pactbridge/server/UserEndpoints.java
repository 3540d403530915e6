package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.ApiToken;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Accounts;
import org.pactbridge.service.AuditActors;

/**
 * The users feature: the caller ({@code /api/v1/me}), users ({@code /api/v1/users}, admins) and API
 * tokens. The accounts themselves (hashing, the token cache, revocation across instances, their audit)
 * are {@link Accounts}; this class reads the bodies and writes the JSON.
 */
final class UserEndpoints {
  private static final ObjectReader USER = org.pactbridge.api.request.Bodies.readerFor(Bodies.UserBody.class);
  private static final ObjectReader TOKEN = org.pactbridge.api.request.Bodies.readerFor(Bodies.TokenBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final Accounts accounts;

  UserEndpoints(ServerConfig config, Registry registry, Accounts accounts) {
    this.config = config;
    this.registry = registry;
    this.accounts = accounts;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    list.add(new Endpoint("GET", "/api/v1/me", "me", "The caller", Endpoint.ANY_USER, null, "a user", (ctx, caller) -> Http.json(ctx, 200, userJson(caller))));
    list.add(new Endpoint("POST", "/api/v1/me/tokens", "createOwnToken", "Issue an API token for the caller (the secret is shown once)",
        Endpoint.ANY_USER, Bodies.TokenBody.class, "{id, token, …}", (ctx, caller) -> issueToken(ctx, caller, caller)));
    list.add(new Endpoint("DELETE", "/api/v1/tokens/{id}", "revokeToken", "Revoke a token (admins: any; others: their own)", Endpoint.ANY_USER,
        null, "no content", this::revokeToken));
    list.add(new Endpoint("GET", "/api/v1/users", "listUsers", "Every user", EnumSet.of(Role.ADMIN), null, "[user]", this::listUsers));
    list.add(new Endpoint("POST", "/api/v1/users", "createUser", "Create a user", EnumSet.of(Role.ADMIN), Bodies.UserBody.class, "the user",
        this::createUser));
    list.add(new Endpoint("DELETE", "/api/v1/users/{id}", "deleteUser", "Delete a user and revoke their tokens, on every instance within a second",
        EnumSet.of(Role.ADMIN), null, "no content", this::deleteUser));
    list.add(new Endpoint("POST", "/api/v1/users/{id}/tokens", "createToken", "Issue an API token for a user (the secret is shown once)",
        EnumSet.of(Role.ADMIN), Bodies.TokenBody.class, "{id, token, …}", (ctx, caller) -> issueToken(ctx, requireUser(ctx.pathParam("id")), caller)));
    return list;
  }

  private Instant now() {
    return Params.now(config.clock());
  }

  private User requireUser(String id) {
    return accounts.users().find(id).orElseThrow(() -> ApiProblem.notFound("no user '" + id + "'"));
  }

  private void listUsers(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    accounts.users().all().forEach(user -> array.add(userJson(user)));
    Http.json(ctx, 200, array);
  }

  private void createUser(Context ctx, User caller) {
    Bodies.UserBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), USER);
    User.requireName(body.name());
    if (body.nationality() == null || body.clearance() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", body.nationality() == null ? "nationality" : "clearance",
          "missing field '" + (body.nationality() == null ? "nationality" : "clearance") + "'");
    }
    Party nation = registry.requireParty(body.nationality());
    String clearanceToken = body.clearance().contains(":") ? body.clearance().substring(body.clearance().indexOf(':') + 1) : body.clearance();
    Level clearance = DecisionBody.resolveLevel(nation, clearanceToken, now());
    Set<Topic> topics = new LinkedHashSet<>();
    listOf(body.needToKnow()).forEach(slug -> topics.add(Topic.of(slug)));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    listOf(body.roles()).forEach(role -> roles.add(Role.parse(role)));
    User user = new User(UUID.randomUUID().toString(), body.name(), nation.code(), clearance, topics, new LinkedHashSet<>(listOf(body.compartments())),
        roles, config.clock().instant());
    accounts.create(user, AuditActors.of(caller));
    Http.json(ctx, 201, userJson(user));
  }

  private void deleteUser(Context ctx, User caller) {
    User user = requireUser(ctx.pathParam("id"));
    if (user.id().equals(caller.id())) {
      throw ApiProblem.conflict("CANNOT_DELETE_SELF", "an admin cannot delete their own account; another admin can");
    }
    accounts.delete(user, AuditActors.of(caller));
    ctx.status(204);
  }

  private static List<String> listOf(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String part : String.valueOf(value).split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      }
    }
    return out;
  }

  private void issueToken(Context ctx, User owner, User caller) {
    byte[] bytes = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null ? Http.body(ctx, config.maxBodyBytes()) : null;
    Bodies.TokenBody body = bytes == null ? new Bodies.TokenBody(null, null) : Http.read(bytes, TOKEN);
    Instant expires = body.expiresAt() == null ? null : DateSpec.parseInstant(body.expiresAt());
    // token expiry is real time, even on an exercise-clock node
    if (expires != null && !expires.isAfter(org.pactbridge.service.ExerciseClock.real(config.clock()).instant())) {
      throw new ApiProblem(400, "EXPIRY_IN_PAST", "Bad input", "expiresAt " + body.expiresAt() + " is not in the future");
    }
    if (body.label() != null && body.label().length() > 200) {
      throw new ApiProblem(400, "LABEL_TOO_LONG", "Bad input", "label longer than 200 characters");
    }
    Accounts.Issued issued = accounts.issue(owner, body.label(), expires, AuditActors.of(caller));
    ObjectNode node = tokenJson(issued.token());
    node.put("token", issued.secret());
    Http.json(ctx, 201, node);
  }

  private void revokeToken(Context ctx, User caller) {
    String id = ctx.pathParam("id");
    Optional<ApiToken> token = accounts.tokens().findToken(id);
    // Others' tokens are "not found" for a non-admin: their existence is not the caller's business.
    if (token.isEmpty() || (!caller.has(Role.ADMIN) && !token.get().userId().equals(caller.id()))) {
      throw ApiProblem.notFound("no token '" + id + "'");
    }
    accounts.revoke(token.get(), AuditActors.of(caller));
    ctx.status(204);
  }

  static ObjectNode userJson(User user) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", user.id());
    node.put("name", user.name());
    node.put("nationality", user.nationality().value());
    node.put("clearance", user.clearance().qualified());
    ArrayNode topics = node.putArray("needToKnow");
    user.needToKnow().stream().map(Topic::slug).sorted().forEach(topics::add);
    ArrayNode compartments = node.putArray("compartments");
    user.compartments().stream().sorted().forEach(compartments::add);
    ArrayNode roles = node.putArray("roles");
    user.roles().stream().sorted().map(Role::slug).forEach(roles::add);
    node.put("createdAt", DateSpec.format(user.createdAt()));
    return node;
  }

  private static ObjectNode tokenJson(ApiToken token) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", token.id());
    node.put("userId", token.userId());
    node.put("label", token.label());
    node.put("createdAt", DateSpec.format(token.createdAt()));
    node.put("expiresAt", token.expiresAt() == null ? null : DateSpec.format(token.expiresAt()));
    return node;
  }
}
