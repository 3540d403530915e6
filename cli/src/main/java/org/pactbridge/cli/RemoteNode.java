package org.pactbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.pactbridge.api.json.Json;
import picocli.CommandLine.Option;

/**
 * {@code --node URL}: do a store command through a running node's REST API instead of opening its
 * database, with the API token from {@code PACTBRIDGE_TOKEN} (never an option: it would show in the
 * process list and the shell's history). The node's embedded H2 database is single-process, so while
 * {@code serve} holds it this is how the operator's commands reach it; on PostgreSQL it also spares the
 * command the database's credentials and keys. What is done is then done as the token's user, with its
 * roles and nation, and audited as such, not as the local operator.
 */
final class RemoteNode {
  static final String TOKEN_VARIABLE = "PACTBRIDGE_TOKEN";

  @Option(names = "--node", paramLabel = "URL",
      description = "Do it through the running node at URL (its REST API, e.g. http://127.0.0.1:8080) instead of opening the database;"
          + " the API token comes from the environment variable " + TOKEN_VARIABLE + ".")
  String url;

  boolean given() {
    return url != null;
  }

  /** The client for the node, refusing {@code --db}/{@code --keys} beside {@code --node} and a missing token. */
  Client client(StoreOptions store) {
    if (store.db != null || store.keys != null) {
      throw new BadInputException("--node does the command through the node's API; --db and --keys are for opening the database directly");
    }
    String base = url.strip();
    if (!base.matches("https?://[^/?#\\s]+/?")) {
      throw new BadInputException("--node must be the node's http:// or https:// address (scheme, host and port), got '" + base + "'");
    }
    String token = System.getenv(TOKEN_VARIABLE);
    if (token == null || token.isBlank()) {
      throw new BadInputException("--node needs an API token in the environment variable " + TOKEN_VARIABLE);
    }
    return new Client(base.endsWith("/") ? base.substring(0, base.length() - 1) : base, token.strip());
  }

  /** An answer with a 2xx status: its media type and body. */
  record Answer(int status, String contentType, byte[] body) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(body);
      } catch (IOException e) {
        throw new BadInputException("the node answered something that is not JSON");
      }
    }

    boolean isProblem() {
      return contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
    }
  }

  /** Calls to one node. A refusal becomes one line naming the node's reason code and detail. */
  static final class Client {
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Client(String base, String token) {
      this.base = base;
      this.token = token;
    }

    String base() {
      return base;
    }

    Answer get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET(), false);
    }

    Answer postJson(String path, JsonNode body) {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body, false), StandardCharsets.UTF_8)), false);
    }

    Answer postBytes(String path, String contentType, byte[] body) {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), false);
    }

    /** As {@link #postBytes}, but a refusal with a problem body is returned, not thrown (an archive's failed check, say). */
    Answer postBytesAnswer(String path, String contentType, byte[] body) {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)), true);
    }

    /** As {@link #postJson}, but a refusal with a problem body is returned, not thrown (a decision's outcome, say). */
    Answer postJsonAnswer(String path, JsonNode body) {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(Json.write(body, false), StandardCharsets.UTF_8)), true);
    }

    private URI uri(String path) {
      try {
        return URI.create(base + path);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--node " + base + ": not a valid address");
      }
    }

    private Answer send(HttpRequest.Builder request, boolean problemsToo) {
      request.header("Authorization", "Bearer " + token).header("Accept", "application/json, application/problem+json, */*")
          .timeout(Duration.ofMinutes(10));
      HttpResponse<InputStream> response;
      byte[] body;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
          body = in.readAllBytes();
        }
      } catch (ConnectException e) {
        throw new BadInputException("cannot reach the node at " + base + " (connection refused): is serve running there?");
      } catch (IOException e) {
        throw new BadInputException("cannot reach the node at " + base + ": " + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BadInputException("interrupted while waiting for the node at " + base);
      }
      Answer answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
      if (answer.status() / 100 == 2 || problemsToo && answer.isProblem()) {
        return answer;
      }
      if (answer.isProblem()) {
        JsonNode problem = answer.json();
        throw new BadInputException("the node refused (" + answer.status() + " " + problem.path("code").asText("?") + "): "
            + problem.path("detail").asText(""));
      }
      throw new BadInputException("the node answered HTTP " + answer.status());
    }
  }
}
