package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/** The served OpenAPI document describes every route the server answers, and only those. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void everyRouteIsDocumentedWithItsMethodAndRoles() {
    JsonNode document = node.get("/api/openapi.json", null).json();
    assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
    List<String> documented = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
    List<String> served = node.server.endpoints().stream().map(endpoint -> endpoint.method() + " " + endpoint.path()).toList();
    assertThat(documented).containsExactlyInAnyOrderElementsOf(served);
    for (Endpoint endpoint : node.server.endpoints()) {
      JsonNode operation = document.get("paths").get(endpoint.path()).get(endpoint.method().toLowerCase(Locale.ROOT));
      List<String> roles = new ArrayList<>();
      operation.get("x-roles").forEach(role -> roles.add(role.asText()));
      assertThat(roles).containsExactlyInAnyOrderElementsOf(endpoint.roles().stream().map(Role::slug).toList());
    }
  }

  @Test
  void everyDocumentedPathIsAnswered() {
    JsonNode document = node.get("/api/openapi.json", null).json();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
      String concrete = path.getKey().replace("{code}", "KOR").replace("{id}", "ROK-JPN-GSOMIA-2016");
      TestNode.Response response = node.send(method.toUpperCase(Locale.ROOT), concrete, node.adminToken, "{}", "application/json");
      // Answered by a handler: anything but "no such route" (a 404 from a handler names the resource instead).
      assertThat(response.body()).as(method + " " + concrete).doesNotContain("no resource at");
    }));
  }

  @Test
  void queryParametersAreDocumented() {
    JsonNode coverage = node.get("/api/openapi.json", null).json().get("paths").get("/api/v1/coverage").get("get");
    List<String> names = new ArrayList<>();
    coverage.get("parameters").forEach(parameter -> names.add(parameter.get("in").asText() + ":" + parameter.get("name").asText()));
    assertThat(names).containsExactly("query:at", "query:parties", "query:topics");
  }

  @Test
  void theDecisionSchemaHasTheFlagsOfCheckInCamelCaseAndNothingElse() {
    JsonNode schema = node.get("/api/openapi.json", null).json().get("components").get("schemas").get("DecisionBody");
    List<String> fields = new ArrayList<>();
    schema.get("properties").fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyInAnyOrder("originator", "level", "to", "holder", "topics", "relTo", "noforn", "orcon", "consents", "at",
        "marking");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(node.get("/api/openapi.json", null).json().get("components").get("schemas").has("EventBody")).isTrue();
  }
}
