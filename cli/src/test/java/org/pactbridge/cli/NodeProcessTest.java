package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness that the federation demonstration and the fault tests stand on: a real {@code serve}
 * in its own JVM, its first-start token read from its output, and a {@code SIGKILL} after which the
 * same data folder starts again with everything it had committed.
 */
class NodeProcessTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aNodeProcessServesIsKilledAndComesBackWithItsUsers(@TempDir Path home) throws Exception {
    String token;
    long firstPid;
    try (NodeProcess node = NodeProcess.start(home, List.of("--port", "0", "--party", "JPN"), Map.of(), Duration.ofSeconds(180))) {
      assertThat(node.party()).isEqualTo("JPN");
      assertThat(node.adminToken()).as("first start prints the admin token").isPresent();
      token = node.adminToken().orElseThrow();
      assertThat(get(node, "/health", null).statusCode()).isEqualTo(200);
      assertThat(get(node, "/api/v1/me", token).body()).contains("\"admin\"");
      firstPid = node.pid();
      assertThat(node.exitStatus()).as("running").isEmpty();
      node.kill();
      assertThat(node.isAlive()).isFalse();
      assertThat(node.exitStatus()).as("SIGKILL: 128 + 9").contains(137);
    }
    try (NodeProcess again = NodeProcess.start(home, List.of("--port", "0", "--party", "JPN"), Map.of(), Duration.ofSeconds(180))) {
      assertThat(again.pid()).isNotEqualTo(firstPid);
      assertThat(again.adminToken()).as("the users survived the kill: no second first start").isEmpty();
      assertThat(get(again, "/api/v1/me", token).statusCode()).isEqualTo(200);
    }
  }

  private HttpResponse<String> get(NodeProcess node, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.url().resolve(path)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
