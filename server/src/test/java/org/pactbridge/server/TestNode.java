package org.pactbridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.Role;
import org.pactbridge.world.WorldLoader;

/**
 * A real node on a random port, on a fresh H2 database or a fresh PostgreSQL schema, with one user per
 * role (created over the API by the first-start admin) and a tiny HTTP client. Not thread-safe.
 */
final class TestNode implements AutoCloseable {
  static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  static final Registry REFERENCE = WorldLoader.reference();

  enum Db { H2, POSTGRES }

  final NodeServer server;
  final ServerConfig config;
  final String adminToken;
  final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private final HttpClient client = HttpClient.newHttpClient();
  private final String schema;

  private TestNode(NodeServer server, ServerConfig config, String schema) {
    this(server, config, schema, server.firstStartAdmin().orElseThrow().secret());
  }

  private TestNode(NodeServer server, ServerConfig config, String schema, String adminToken) {
    this.server = server;
    this.config = config;
    this.schema = schema;
    this.adminToken = adminToken;
  }

  static TestNode start(Db db) {
    return start(db, ServerConfig.DEFAULT_MAX_BODY);
  }

  static TestNode start(Db db, long maxBody) {
    String schema = null;
    String url;
    if (db == Db.H2) {
      url = "jdbc:h2:mem:node-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    } else {
      schema = "pb_server_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      execute(PG_URL, "CREATE SCHEMA " + schema);
      url = PG_URL + "&currentSchema=" + schema;
    }
    ServerConfig config = ServerConfig.of(REFERENCE, PartyCode.of("KOR"), url, keyDir(), 0).withMaxBodyBytes(maxBody);
    return new TestNode(NodeServer.start(config), config, schema);
  }

  /** A node on {@code config} that has started before: {@code adminToken} is the one its first start gave. */
  static TestNode restart(ServerConfig config, String adminToken) {
    return new TestNode(NodeServer.start(config), config, null, adminToken);
  }

  /** A node on {@code config} (its first start: the admin token is read from it). */
  static TestNode start(ServerConfig config) {
    return new TestNode(NodeServer.start(config), config, null);
  }

  /** A fresh directory for the node's key files. */
  static java.nio.file.Path keyDir() {
    try {
      return java.nio.file.Files.createTempDirectory("pactbridge-keys");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean postgresAvailable() {
    try (Connection connection = DriverManager.getConnection(PG_URL)) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates one user per role (nationality KOR unless given), each with a token. */
  TestNode withRoleUsers() {
    for (Role role : Role.values()) {
      tokens.put(role, user(role.slug() + "-1", "KOR", "I", role));
    }
    return this;
  }

  /** Creates a user with need-to-know for dprk-missile and returns a token for it. */
  String user(String name, String nationality, String clearance, Role... roles) {
    StringBuilder roleList = new StringBuilder();
    for (Role role : roles) {
      roleList.append(roleList.length() == 0 ? "" : ",").append('"').append(role.slug()).append('"');
    }
    {
      Response created = post("/api/v1/users", adminToken, "{\"name\":\"" + name + "\",\"nationality\":\"" + nationality + "\",\"clearance\":\""
          + clearance + "\",\"needToKnow\":[\"dprk-missile\"],\"roles\":[" + roleList + "]}");
      if (created.status() != 201) {
        throw new IllegalStateException("cannot create " + name + ": " + created.body());
      }
      Response token = post("/api/v1/users/" + created.json().get("id").asText() + "/tokens", adminToken, "{}");
      if (token.status() != 201) {
        throw new IllegalStateException("cannot issue a token for " + name + ": " + token.body());
      }
      return token.json().get("token").asText();
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** The user's id, as the admin sees it. */
  String userId(String name) {
    return server.accounts().users().findByName(name).orElseThrow().id();
  }

  Response get(String path, String token) {
    return send("GET", path, token, null, "application/json");
  }

  Response post(String path, String token, String body) {
    return send("POST", path, token, body, "application/json");
  }

  Response delete(String path, String token) {
    return send("DELETE", path, token, null, null);
  }

  Response send(String method, String path, String token, String body, String contentType) {
    return sendTo(server.port(), method, path, token, body, contentType);
  }

  /** As {@link #send} to another node's port on this machine (another instance on the same database). */
  Response sendTo(int port, String method, String path, String token, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null && body != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends {@code request} as built, for tests that need its headers or the answer's. */
  HttpResponse<String> exchange(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    boolean isProblem() {
      return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }

    String code() {
      return json().path("code").asText();
    }
  }

  @Override
  public void close() {
    server.close();
    if (schema != null) {
      execute(PG_URL, "DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
