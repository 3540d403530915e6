package org.pactbridge.web.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The node's API as the browser tests' set-up uses it: accounts made the way an administrator makes them
 * (with the first-start token), and calls made with a user's token, each expected to create (201).
 */
final class NodeApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final TestNode node;
  private final HttpClient http = HttpClient.newHttpClient();

  NodeApi(TestNode node) {
    this.node = node;
  }

  /** A new user with need-to-know for dprk-missile, and an API token for them. */
  String account(String name, String nationality, String clearance, List<String> roles) throws Exception {
    JsonNode user = post(node.adminToken(), "/api/v1/users", Map.of("name", name, "nationality", nationality, "clearance", clearance,
        "roles", roles, "needToKnow", List.of("dprk-missile")));
    return post(node.adminToken(), "/api/v1/users/" + user.get("id").asText() + "/tokens", Map.of("label", "browser test")).get("token").asText();
  }

  /**
   * A Korean item (KOR II, REL TO USA, JPN, dprk-missile, titled unless {@code title} is null) that Korea released to
   * the United States and whose United States holder {@code asker} asked Korea's consent to pass to Japan: the
   * officer's inbox then has a card to answer. Its id.
   */
  String itemAwaitingConsent(String originator, String asker, String title, String content) throws Exception {
    Map<String, Object> item = new java.util.LinkedHashMap<>(Map.of("originator", List.of("KOR"), "level", "II", "relTo", List.of("USA", "JPN"),
        "topics", List.of("dprk-missile"), "content", content));
    if (title != null) {
      item.put("title", title);
    }
    String id = post(originator, "/api/v1/items", item).get("id").asText();
    postExpecting(originator, "/api/v1/items/" + id + "/releases", Map.of("to", "USA"), 200);
    post(asker, "/api/v1/consents", Map.of("item", id, "to", "JPN"));
    return id;
  }

  /** POSTs {@code body} as JSON with {@code token}; the answer must be 201 Created. */
  JsonNode post(String token, String path, Object body) throws Exception {
    return postExpecting(token, path, body, 201);
  }

  /** POSTs {@code body} as JSON with {@code token}; the answer must have {@code status}. */
  JsonNode postExpecting(String token, String path, Object body, int status) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUrl().replaceAll("/$", "") + path))
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s -> %s", path, response.body()).isEqualTo(status);
    return MAPPER.readTree(response.body());
  }
}
