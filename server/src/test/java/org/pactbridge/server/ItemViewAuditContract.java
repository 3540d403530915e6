package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Issue 24's server side: an item's decision can be shown without being recorded (one
 * {@code DECISION_SHOWN} entry, no {@code DECISION_RECORDED}); the decision names the recipient's
 * resulting marking; a consent request names the user who asked; and the audit export filters by item,
 * actor, kind and instant range, newest first if asked, refusing a bad filter with a problem naming the
 * parameter. Run on H2 and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ItemViewAuditContract {
  private final TestNode node;
  private final String korOriginator;
  private final String korOfficer;
  private final String usaOfficer;
  private final String jpnAuditor;
  private final String nodeAuditor;

  ItemViewAuditContract(TestNode.Db db) {
    node = TestNode.start(db);
    korOriginator = node.user("view-kor-originator", "KOR", "I", Role.ORIGINATOR);
    korOfficer = node.user("view-kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
    usaOfficer = node.user("view-usa-fdo", "USA", "TOP_SECRET", Role.DISCLOSURE_OFFICER);
    jpnAuditor = node.user("view-jpn-auditor", "JPN", "KIMITSU", Role.AUDITOR);
    nodeAuditor = node.user("view-node-auditor", "KOR", "III", Role.NODE_AUDITOR);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String content) {
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"//KOR II\",\"topics\":[\"dprk-missile\"],\"content\":\"" + content + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private JsonNode ok(TestNode.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode audit(String token, String query) {
    return ok(node.get("/api/v1/audit/entries?" + query, token));
  }

  private List<String> kindsAbout(String item) {
    return audit(nodeAuditor, "item=" + item).get("entries").findValuesAsText("kind");
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @Test
  void aShownDecisionIsAuditedAsShownOnceAndNotRecorded() {
    String item = register("shown-item");
    ok(node.post("/api/v1/items/" + item + "/releases", korOfficer, "{\"to\":\"USA\"}"));
    List<String> before = kindsAbout(item);
    assertThat(before).containsExactly("ITEM_ADDED", "RELEASED", "HOLDING_ADDED");

    JsonNode shown = ok(node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\",\"at\":\"2017-01-05\",\"record\":false}"));
    assertThat(shown.get("decision").get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
    List<String> afterShown = kindsAbout(item);
    assertThat(afterShown).containsExactly("ITEM_ADDED", "RELEASED", "HOLDING_ADDED", "DECISION_SHOWN");
    JsonNode entry = audit(nodeAuditor, "item=" + item + "&kind=DECISION_SHOWN").get("entries").get(0);
    assertThat(entry.get("actor").asText()).isEqualTo("view-usa-fdo");
    assertThat(entry.get("details").get("recipient").asText()).isEqualTo("JPN");
    assertThat(entry.get("details").get("outcome").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(entry.get("details").get("decided-at").asText()).isEqualTo("2017-01-05T00:00:00Z");

    // Asking without "record" records, as the endpoint always did; a release takes no "record".
    ok(node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\"}"));
    assertThat(kindsAbout(item)).endsWith("DECISION_SHOWN", "DECISION_RECORDED");
    TestNode.Response releaseWithRecord = node.post("/api/v1/items/" + item + "/releases", usaOfficer, "{\"to\":\"JPN\",\"record\":false}");
    assertThat(releaseWithRecord.status()).isEqualTo(400);
    assertThat(releaseWithRecord.code()).isEqualTo("RECORD_NOT_ALLOWED");
    TestNode.Response notBoolean = node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\",\"record\":\"no\"}");
    assertThat(notBoolean.status()).isEqualTo(400);
    assertThat(notBoolean.isProblem()).isTrue();
  }

  @Test
  void theDecisionNamesTheRecipientsMarkingAndTheRequestWhoAsked() {
    String item = register("marking-item");
    JsonNode toUsa = ok(node.post("/api/v1/items/" + item + "/releases", korOfficer, "{\"to\":\"USA\"}"));
    assertThat(toUsa.get("recipientMarking").asText()).isEqualTo("USA:SECRET");

    TestNode.Response asked = node.post("/api/v1/consents", usaOfficer, "{\"item\":\"" + item + "\",\"to\":\"JPN\"}");
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    JsonNode request = asked.json().get("requests").get(0);
    assertThat(request.get("requestedBy").get("id").asText()).isEqualTo(node.userId("view-usa-fdo"));
    assertThat(request.get("requestedBy").get("name").asText()).isEqualTo("view-usa-fdo");
    String id = request.get("id").asText();
    JsonNode seenByOfficer = ok(node.get("/api/v1/consents/" + id, korOfficer));
    assertThat(seenByOfficer.get("requestedBy").get("name").asText()).isEqualTo("view-usa-fdo");

    ok(node.post("/api/v1/consents/" + id + "/answer", korOfficer, "{\"verdict\":\"GRANTED\",\"addCaveat\":\"NO FURTHER RELEASE\"}"));
    JsonNode decided = ok(node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\",\"record\":false}"));
    assertThat(decided.get("decision").get("decision").asText()).isEqualTo("PERMIT");
    String recipientLevel = decided.get("decision").get("recipientLevel").asText();
    assertThat(recipientLevel).startsWith("JPN:");
    assertThat(decided.get("recipientMarking").asText()).isEqualTo(recipientLevel + "//NO FURTHER RELEASE");

    // A denial names no recipient level, and so no marking.
    JsonNode denied = ok(node.post("/api/v1/items/" + item + "/decisions", korOfficer, "{\"to\":\"JPN\",\"at\":\"2011-01-05\",\"record\":false}"));
    assertThat(denied.get("decision").get("decision").asText()).isEqualTo("DENY");
    assertThat(denied.has("recipientMarking")).isFalse();
  }

  @Test
  void theAuditExportFiltersByItemActorKindAndRangeNewestFirst() {
    String item = register("filtered-item");
    ok(node.post("/api/v1/items/" + item + "/releases", korOfficer, "{\"to\":\"USA\"}"));
    ok(node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\",\"record\":false}"));
    ok(node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"GBR\",\"record\":false}"));

    JsonNode byKind = audit(nodeAuditor, "item=" + item + "&kind=DECISION_SHOWN");
    assertThat(byKind.get("entries").findValuesAsText("kind")).containsExactly("DECISION_SHOWN", "DECISION_SHOWN");
    assertThat(byKind.get("filters").get("item").asText()).isEqualTo(item);
    assertThat(byKind.get("filters").get("kind").asText()).isEqualTo("DECISION_SHOWN");

    // The actor matches by user name, user id or nation.
    assertThat(audit(nodeAuditor, "item=" + item + "&actor=view-kor-fdo").get("entries").findValuesAsText("kind"))
        .containsExactly("RELEASED", "HOLDING_ADDED");
    assertThat(audit(nodeAuditor, "item=" + item + "&actor=" + encode(node.userId("view-usa-fdo"))).get("entries").size()).isEqualTo(2);
    assertThat(audit(nodeAuditor, "item=" + item + "&actor=USA").get("entries").size()).isEqualTo(2);
    assertThat(audit(nodeAuditor, "item=" + item + "&actor=GBR").get("entries").size()).isZero();

    // The range: today holds every entry, a year long past none; a date as 'until' includes the whole day.
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    assertThat(audit(nodeAuditor, "item=" + item + "&since=" + today + "&until=" + today).get("entries").size()).isEqualTo(5);
    assertThat(audit(nodeAuditor, "item=" + item + "&since=2000-01-01&until=2000-12-31").get("entries").size()).isZero();
    assertThat(audit(nodeAuditor, "item=" + item + "&until=2000-12-31T23:59:59Z").get("entries").size()).isZero();

    // Newest first, a page of one at a time, following 'next' to the end.
    List<Long> newest = new ArrayList<>();
    String query = "item=" + item + "&order=newest&limit=1";
    JsonNode page = audit(nodeAuditor, query);
    assertThat(page.get("order").asText()).isEqualTo("newest");
    while (true) {
      page.get("entries").forEach(entry -> newest.add(entry.get("seq").asLong()));
      if (page.get("next").isNull()) {
        break;
      }
      page = audit(nodeAuditor, query + "&from=" + page.get("next").asLong());
    }
    assertThat(newest).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    List<Long> oldest = audit(nodeAuditor, "item=" + item).get("entries").findValues("seq").stream().map(JsonNode::asLong).toList();
    List<Long> reversed = new ArrayList<>(newest);
    java.util.Collections.reverse(reversed);
    assertThat(oldest).isEqualTo(reversed);

    // A national auditor still sees only what it may: Japan holds no copy of this item.
    assertThat(audit(jpnAuditor, "item=" + item).get("entries").size()).isZero();
  }

  @Test
  void aBadFilterIsAProblemNamingTheParameter() {
    String[][] cases = {
        {"kind=decision_shown", "kind"},
        {"since=2026-13-01", "since"},
        {"until=tomorrow", "until"},
        {"since=2020-01-02&until=2020-01-01", "until"},
        {"order=sideways", "order"},
        {"item=" + encode(" "), "item"},
        {"actor=" + "x".repeat(129), "actor"},
        {"limit=0", "limit"},
    };
    for (String[] bad : cases) {
      TestNode.Response response = node.get("/api/v1/audit/entries?" + bad[0], nodeAuditor);
      assertThat(response.status()).as(bad[0]).isEqualTo(400);
      assertThat(response.isProblem()).as(bad[0]).isTrue();
      assertThat(response.code()).as(bad[0]).isEqualTo("BAD_PARAMETER");
      assertThat(response.json().get("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
      assertThat(response.json().get("detail").asText()).as(bad[0]).contains("'" + bad[1] + "'");
    }
  }
}
