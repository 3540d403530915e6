package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * The consent workflow across three parties, over HTTP, one numbered step each: Korea originates, the
 * United States holds, Japan would receive. Run on H2 and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsentScenarioContract {
  private final TestNode node;
  private final String korOriginator;
  private final String korOfficer;
  private final String usaOfficer;
  private final String usaAnalyst;
  private final String jpnOfficer;
  private final String jpnAnalyst;
  private final String auditor;

  ConsentScenarioContract(TestNode.Db db) {
    node = TestNode.start(db);
    korOriginator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
    korOfficer = node.user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
    usaOfficer = node.user("usa-fdo", "USA", "TOP_SECRET", Role.DISCLOSURE_OFFICER);
    usaAnalyst = node.user("usa-analyst", "USA", "SECRET", Role.ANALYST);
    jpnOfficer = node.user("jpn-fdo", "JPN", "KIMITSU", Role.DISCLOSURE_OFFICER);
    jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
    auditor = node.user("auditor-1", "KOR", "III", Role.NODE_AUDITOR);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String marking, String content) {
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"" + marking + "\",\"topics\":[\"dprk-missile\"],\"content\":\"" + content + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.body()).doesNotContain(content);
    return created.json().get("id").asText();
  }

  private JsonNode release(String token, String item, String to) {
    TestNode.Response response = node.post("/api/v1/items/" + item + "/releases", token, "{\"to\":\"" + to + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode decide(String token, String item, String to) {
    TestNode.Response response = node.post("/api/v1/items/" + item + "/decisions", token, "{\"to\":\"" + to + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private String requestConsent(String token, String item, String to) {
    TestNode.Response response = node.post("/api/v1/consents", token, "{\"item\":\"" + item + "\",\"to\":\"" + to + "\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("requests").get(0).get("id").asText();
  }

  private static List<String> ids(JsonNode array) {
    List<String> ids = new ArrayList<>();
    array.forEach(element -> ids.add(element.get("id").asText()));
    return ids;
  }

  @Test
  void koreaUsaJapanGrantWithConditionsThenRefusal() {
    // 1. A Korean originator registers a KOR II item on North-Korean missiles.
    String item = register("//KOR II", "launch-site-coordinates");

    // 2. Japan and the United States do not know it exists; the Korean originator sees it with its content.
    assertThat(node.get("/api/v1/items/" + item, jpnAnalyst).status()).isEqualTo(404);
    assertThat(ids(node.get("/api/v1/items", usaAnalyst).json())).doesNotContain(item);
    assertThat(node.get("/api/v1/items/" + item, korOriginator).json().get("content").asText()).isEqualTo("launch-site-coordinates");

    // 3. Korea's disclosure officer releases it to the United States under the ROK-US GSOMIA.
    JsonNode toUsa = release(korOfficer, item, "USA");
    assertThat(toUsa.get("released").asBoolean()).isTrue();
    assertThat(toUsa.get("decision").get("recipientLevel").asText()).isEqualTo("USA:SECRET");

    // 4. The US analyst (SECRET) now sees it; the Japanese analyst still does not.
    assertThat(ids(node.get("/api/v1/items", usaAnalyst).json())).contains(item);
    assertThat(node.get("/api/v1/items/" + item, usaAnalyst).json().get("content").asText()).isEqualTo("launch-site-coordinates");
    assertThat(node.get("/api/v1/items/" + item, jpnAnalyst).status()).isEqualTo(404);

    // 5. Onward from the US to Japan needs Korea's consent (third-party rule).
    JsonNode before = decide(usaOfficer, item, "JPN");
    assertThat(before.get("decision").get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(before.get("decision").get("reasons").findValuesAsText("code")).contains("THIRD_PARTY_CONSENT_REQUIRED");
    assertThat(release(usaOfficer, item, "JPN").get("released").asBoolean()).isFalse();

    // 6. The US disclosure officer asks; Korea's disclosure officer sees the request, Japan's cannot answer it.
    String request = requestConsent(usaOfficer, item, "JPN");
    assertThat(ids(node.get("/api/v1/consents", korOfficer).json())).contains(request);
    assertThat(ids(node.get("/api/v1/consents", jpnOfficer).json())).doesNotContain(request);
    assertThat(node.post("/api/v1/consents/" + request + "/answer", jpnOfficer, "{\"verdict\":\"GRANTED\"}").status()).isEqualTo(404);

    // 7. Korea grants with conditions: a downgrade to KOR III, an added caveat, an expiry.
    TestNode.Response badDowngrade = node.post("/api/v1/consents/" + request + "/answer", korOfficer,
        "{\"verdict\":\"GRANTED\",\"downgradeTo\":\"KOR:I\"}");
    assertThat(badDowngrade.status()).isEqualTo(400);
    assertThat(badDowngrade.code()).isEqualTo("BAD_DOWNGRADE");
    TestNode.Response granted = node.post("/api/v1/consents/" + request + "/answer", korOfficer,
        "{\"verdict\":\"GRANTED\",\"downgradeTo\":\"KOR:III\",\"addCaveat\":\"NO FURTHER RELEASE\",\"expiresAt\":\"2999-01-01\"}");
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().get("answer").get("conditions").findValuesAsText("kind")).containsExactly("EXPIRY", "DOWNGRADE", "ADDED_CAVEAT");
    assertThat(node.post("/api/v1/consents/" + request + "/answer", korOfficer, "{\"verdict\":\"REFUSED\"}").status()).isEqualTo(409);

    // 8. The decision changes to match: a permit at the downgraded level; after the expiry, consent is needed again.
    JsonNode after = decide(usaOfficer, item, "JPN");
    assertThat(after.get("decision").get("decision").asText()).isEqualTo("PERMIT");
    assertThat(after.get("level").asText()).isEqualTo("KOR:III");
    assertThat(after.get("decision").get("reasons").findValuesAsText("code")).contains("CONSENT_RECORDED");
    TestNode.Response expired = node.post("/api/v1/items/" + item + "/decisions", usaOfficer, "{\"to\":\"JPN\",\"at\":\"2999-06-01\"}");
    assertThat(expired.json().get("decision").get("decision").asText()).isEqualTo("CONSENT_REQUIRED");

    // 9. The US releases to Japan; the Japanese analyst now sees it.
    JsonNode toJapan = release(usaOfficer, item, "JPN");
    assertThat(toJapan.get("released").asBoolean()).isTrue();
    assertThat(toJapan.get("conditions").findValuesAsText("value")).contains("NO FURTHER RELEASE");
    assertThat(node.get("/api/v1/items/" + item, jpnAnalyst).json().get("content").asText()).isEqualTo("launch-site-coordinates");

    // 10. A second item: Korea refuses, and the decision stays CONSENT_REQUIRED.
    String second = register("//KOR II", "second-report");
    release(korOfficer, second, "USA");
    String secondRequest = requestConsent(usaAnalyst, second, "JPN");
    TestNode.Response refused = node.post("/api/v1/consents/" + secondRequest + "/answer", korOfficer, "{\"verdict\":\"REFUSED\"}");
    assertThat(refused.json().get("answer").get("verdict").asText()).isEqualTo("REFUSED");
    assertThat(decide(usaOfficer, second, "JPN").get("decision").get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(release(usaOfficer, second, "JPN").get("released").asBoolean()).isFalse();
    assertThat(node.get("/api/v1/items/" + second, jpnAnalyst).status()).isEqualTo(404);

    // 11. Every step is in the audit chain, which verifies.
    JsonNode verify = node.get("/api/v1/audit/verify", auditor).json();
    assertThat(verify.get("ok").asBoolean()).isTrue();
    JsonNode entries = node.get("/api/v1/audit/entries?from=1&limit=1000", auditor).json().get("entries");
    List<String> kinds = entries.findValuesAsText("kind");
    assertThat(kinds).containsSubsequence("ITEM_ADDED", "RELEASED", "DECISION_RECORDED", "CONSENT_REQUESTED", "CONSENT_ANSWERED", "RELEASED",
        "ITEM_ADDED", "RELEASED", "CONSENT_REQUESTED", "CONSENT_ANSWERED");
    assertThat(entries.toString()).doesNotContain("launch-site-coordinates", "second-report");
  }

  @Test
  void whatIfReportsTheDecisionsOnStoredItemsThatChange() {
    String item = register("//KOR II", "whatif-item");
    JsonNode result = node.post("/api/v1/whatif", korOriginator, "{\"at\":\"2030-01-01\",\"parties\":[\"KOR\",\"JPN\"],"
        + "\"events\":[{\"agreement\":\"ROK-JPN-GSOMIA-2016\",\"type\":\"TERMINATED\",\"at\":\"2029-01-01\"}]}").json();
    assertThat(result.get("decisions").findValuesAsText("id")).contains("item:" + item + ">JPN");
    JsonNode change = null;
    for (JsonNode decision : result.get("decisions")) {
      if (decision.get("id").asText().equals("item:" + item + ">JPN")) {
        change = decision;
      }
    }
    assertThat(change.get("before").get("decision").asText()).isEqualTo("PERMIT");
    assertThat(change.get("after").get("decision").asText()).isEqualTo("DENY");
  }

  @Test
  void anAnalystWithoutClearanceOrNeedToKnowDoesNotSeeTheItem() {
    String item = register("//KOR I", "top-item");
    String lowKorean = node.user("kor-low", "KOR", "III", Role.ANALYST);
    assertThat(node.get("/api/v1/items/" + item, lowKorean).status()).isEqualTo(404);
    assertThat(ids(node.get("/api/v1/items", lowKorean).json())).doesNotContain(item);
    assertThat(node.get("/api/v1/items/" + item, korOriginator).status()).isEqualTo(200);
  }

  @Test
  void aBadItemIsNotHalfStored() {
    long before = node.get("/api/v1/items?limit=1000", korOriginator).json().size();
    assertThat(node.post("/api/v1/items", korOriginator, "{\"marking\":\"//KOR V\",\"content\":\"x\"}").code()).isEqualTo("BAD_MARKING");
    assertThat(node.post("/api/v1/items", korOriginator, "{\"marking\":\"//KOR II\",\"declassifyOn\":\"someday\",\"content\":\"x\"}").code())
        .isEqualTo("MALFORMED_DATE");
    assertThat(node.post("/api/v1/items", korOriginator, "{\"marking\":\"//KOR II\"}").code()).isEqualTo("MISSING_FIELD");
    TestNode.Response foreign = node.post("/api/v1/items", korOriginator, "{\"marking\":\"SECRET\",\"content\":\"x\"}");
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.code()).isEqualTo("NOT_ORIGINATOR");
    assertThat(node.get("/api/v1/items?limit=1000", korOriginator).json().size()).isEqualTo(before);
  }
}
