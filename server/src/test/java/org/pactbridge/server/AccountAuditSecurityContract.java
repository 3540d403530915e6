package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Security issue 15, finding 7, over real HTTP: the audit names the person who acted, with their id,
 * name and nation; creating users and issuing and revoking tokens are audited, by whom; a JOINT item of
 * US level registered by a KOR user says KOR. Run once per database by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountAuditSecurityContract {
  final TestNode node;

  AccountAuditSecurityContract(TestNode.Db db) {
    this.node = TestNode.start(db).withRoleUsers();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  List<JsonNode> entries(String kind, String subject) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode entry : node.get("/api/v1/audit/entries?limit=10000", node.tokens.get(Role.NODE_AUDITOR)).json().get("entries")) {
      if (entry.get("kind").asText().equals(kind) && entry.get("subject").asText().equals(subject)) {
        found.add(entry);
      }
    }
    return found;
  }

  JsonNode me(String token) {
    return node.get("/api/v1/me", token).json();
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static void assertActor(JsonNode entry, JsonNode user) {
    assertThat(entry.get("actorId").asText()).isEqualTo(user.get("id").asText());
    assertThat(entry.get("actor").asText()).isEqualTo(user.get("name").asText());
    assertThat(entry.get("actorNation").asText()).isEqualTo(user.get("nationality").asText());
  }

  @Test
  void theFirstStartAdminIsAuditedAsCreatedByTheNodeItself() {
    JsonNode admin = me(node.adminToken);
    List<JsonNode> created = entries("USER_CREATED", admin.get("id").asText());
    assertThat(created).hasSize(1);
    assertThat(created.get(0).get("actorId").asText()).isEqualTo("node");
    assertThat(created.get(0).get("actorNation").asText()).isEqualTo("KOR");
    assertThat(created.get(0).get("details").get("roles").asText()).isEqualTo("ADMIN");
  }

  @Test
  void creatingAUserAndIssuingAndRevokingTokensAreAuditedByWhoDidIt() {
    JsonNode admin = me(node.adminToken);
    String name = unique("lee");
    TestNode.Response created = node.post("/api/v1/users", node.adminToken,
        "{\"name\":\"" + name + "\",\"nationality\":\"JPN\",\"clearance\":\"HI\",\"roles\":[\"analyst\"]}");
    assertThat(created.status()).isEqualTo(201);
    String userId = created.json().get("id").asText();
    List<JsonNode> userCreated = entries("USER_CREATED", userId);
    assertThat(userCreated).hasSize(1);
    assertActor(userCreated.get(0), admin);
    assertThat(userCreated.get(0).get("details").get("name").asText()).isEqualTo(name);
    assertThat(userCreated.get(0).get("details").get("nationality").asText()).isEqualTo("JPN");
    assertThat(userCreated.get(0).get("details").get("clearance").asText()).isEqualTo("JPN:HI");

    // the admin issues the user's first token; the user issues a second one for themselves
    JsonNode byAdmin = node.post("/api/v1/users/" + userId + "/tokens", node.adminToken, "{\"label\":\"laptop\"}").json();
    String lee = byAdmin.get("token").asText();
    JsonNode leeUser = me(lee);
    List<JsonNode> issuedByAdmin = entries("TOKEN_ISSUED", byAdmin.get("id").asText());
    assertThat(issuedByAdmin).hasSize(1);
    assertActor(issuedByAdmin.get(0), admin);
    assertThat(issuedByAdmin.get(0).get("details").get("user").asText()).isEqualTo(userId);
    assertThat(issuedByAdmin.get(0).toString()).doesNotContain("laptop").doesNotContain(lee.substring(4)); // no label, no secret
    JsonNode own = node.post("/api/v1/me/tokens", lee, "{}").json();
    List<JsonNode> issuedByLee = entries("TOKEN_ISSUED", own.get("id").asText());
    assertThat(issuedByLee).hasSize(1);
    assertActor(issuedByLee.get(0), leeUser);

    // the user revokes their own; the admin revokes the other; a second revocation changes nothing and adds nothing
    assertThat(node.delete("/api/v1/tokens/" + own.get("id").asText(), lee).status()).isEqualTo(204);
    List<JsonNode> revokedByLee = entries("TOKEN_REVOKED", own.get("id").asText());
    assertThat(revokedByLee).hasSize(1);
    assertActor(revokedByLee.get(0), leeUser);
    assertThat(node.delete("/api/v1/tokens/" + byAdmin.get("id").asText(), node.adminToken).status()).isEqualTo(204);
    assertThat(node.delete("/api/v1/tokens/" + byAdmin.get("id").asText(), node.adminToken).status()).isEqualTo(204);
    List<JsonNode> revokedByAdmin = entries("TOKEN_REVOKED", byAdmin.get("id").asText());
    assertThat(revokedByAdmin).hasSize(1);
    assertActor(revokedByAdmin.get(0), admin);
    assertThat(node.get("/api/v1/audit/verify", node.tokens.get(Role.AUDITOR)).json().get("ok").asBoolean()).isTrue();
  }

  @Test
  void aJointItemOfUsLevelRegisteredByAKoreanUserNamesTheKoreanUser() {
    String originator = node.user(unique("park"), "KOR", "I", Role.ORIGINATOR);
    JsonNode park = me(originator);
    TestNode.Response item = node.post("/api/v1/items", originator,
        "{\"marking\":\"//JOINT SECRET USA KOR\",\"topics\":[\"dprk-missile\"],\"content\":\"joint report\"}");
    assertThat(item.status()).as(item.body()).isEqualTo(201);
    assertThat(item.json().get("level").asText()).startsWith("USA:");
    List<JsonNode> added = entries("ITEM_ADDED", item.json().get("id").asText());
    assertThat(added).hasSize(1);
    assertActor(added.get(0), park);
    assertThat(added.get(0).get("actorNation").asText()).isEqualTo("KOR");
    assertThat(added.get(0).get("body").asText()).contains("actor.nation=KOR\n").doesNotContain("joint report");
  }

  @Test
  void eachDecisionAskedIsAnEntryUnderTheUsersIdAndNation() {
    String asker = node.user(unique("choi"), "KOR", "II", Role.ANALYST);
    JsonNode choi = me(asker);
    node.post("/api/v1/decisions", asker, "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}");
    node.post("/api/v1/decisions", asker, "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"USA\",\"at\":\"2017-01-05\"}");
    List<JsonNode> decided = new ArrayList<>();
    for (JsonNode entry : node.get("/api/v1/audit/entries?limit=10000&kind=DECISION", node.tokens.get(Role.NODE_AUDITOR)).json().get("entries")) {
      if (entry.get("actorId").asText().equals(choi.get("id").asText())) {
        decided.add(entry);
      }
    }
    assertThat(decided).hasSize(2);
    decided.forEach(entry -> assertActor(entry, choi));
  }
}
