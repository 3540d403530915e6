package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Findings 1 and 14 of the security probe, over HTTP on a real node: who sees a JOINT item.
 *
 * <p>Finding 1: a co-originator's nationals were shown a JOINT item without any clearance check when its
 * level was written in another co-originator's scheme. A Korean cleared to III read a
 * {@code //JOINT TOP SECRET KOR USA} item and its content. Clearance is now compared through the
 * equivalence of the agreement in force, on every path that filters items.
 *
 * <p>Finding 14: a Korean originator naming the United States as co-originator made the item visible
 * to United States users at once. The named nation now confirms first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JointItemSecurityTest {
  private static final String SECRET_CONTENT = "joint-content-that-must-not-leak";

  private final TestNode node = TestNode.start(TestNode.Db.H2);
  private final String korOriginator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
  private final String korLowAnalyst = node.user("kor-analyst-iii", "KOR", "III", Role.ANALYST);
  private final String korHighAnalyst = node.user("kor-analyst-i", "KOR", "I", Role.ANALYST);
  private final String usaAnalyst = node.user("usa-analyst", "USA", "TOP_SECRET", Role.ANALYST);
  private final String usaOriginator = node.user("usa-originator", "USA", "TOP_SECRET", Role.ORIGINATOR);
  private final String jpnOriginator = node.user("jpn-originator", "JPN", "KIMITSU", Role.ORIGINATOR);
  private final String korAuditor = node.user("kor-auditor-iii", "KOR", "III", Role.AUDITOR);
  private final String nodeAuditor = node.user("node-auditor", "KOR", "III", Role.NODE_AUDITOR);
  private final String item = register("//JOINT TOP SECRET KOR USA");

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String marking) {
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"" + marking + "\",\"topics\":[\"dprk-missile\"],\"content\":\"" + SECRET_CONTENT + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private List<String> listed(String token) {
    return node.get("/api/v1/items?limit=1000", token).json().findValuesAsText("id");
  }

  @Test
  void theItemsLevelIsAnotherCoOriginatorsScheme() {
    JsonNode stored = node.get("/api/v1/items/" + item, korOriginator).json();
    assertThat(stored.get("level").asText()).isEqualTo("USA:TOP_SECRET");
    assertThat(stored.get("originators").toString()).isEqualTo("[\"USA\",\"KOR\"]");
  }

  @Test
  void aCoOriginatorsNationalBelowTheEquivalentLevelSeesNothing() {
    TestNode.Response get = node.get("/api/v1/items/" + item, korLowAnalyst);
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.body()).doesNotContain(SECRET_CONTENT);
    assertThat(listed(korLowAnalyst)).doesNotContain(item);
    assertThat(node.post("/api/v1/items/" + item + "/decisions", korLowAnalyst, "{\"to\":\"JPN\"}").status()).isEqualTo(404);
    assertThat(node.post("/api/v1/consents", korLowAnalyst, "{\"item\":\"" + item + "\",\"to\":\"JPN\"}").status()).isEqualTo(404);
    JsonNode whatIf = node.post("/api/v1/whatif", korLowAnalyst, "{\"at\":\"2030-01-01\",\"parties\":[\"KOR\",\"JPN\"]}").json();
    assertThat(whatIf.toString()).doesNotContain(item);
  }

  @Test
  void aCoOriginatorsNationalClearedToTheEquivalentLevelSeesIt() {
    TestNode.Response get = node.get("/api/v1/items/" + item, korHighAnalyst);
    assertThat(get.status()).as(get.body()).isEqualTo(200);
    assertThat(get.json().get("content").asText()).isEqualTo(SECRET_CONTENT);
    assertThat(listed(korHighAnalyst)).contains(item);
  }

  @Test
  void aNamedCoOriginatorSeesNothingUntilItConfirms() {
    String pending = register("//JOINT SECRET KOR USA");
    assertThat(node.get("/api/v1/items/" + pending, usaAnalyst).status()).isEqualTo(404);
    assertThat(listed(usaAnalyst)).doesNotContain(pending);
    // Another nation cannot confirm for the United States, nor can anyone confirm twice.
    assertThat(node.post("/api/v1/co-originations/" + pending, jpnOriginator, null).status()).isEqualTo(404);
    assertThat(node.post("/api/v1/co-originations/" + pending, korOriginator, null).status()).isEqualTo(404);

    assertThat(node.get("/api/v1/co-originations", usaOriginator).json().findValuesAsText("id")).contains(pending);
    TestNode.Response confirmed = node.post("/api/v1/co-originations/" + pending, usaOriginator, null);
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(confirmed.body()).doesNotContain(SECRET_CONTENT);
    assertThat(node.post("/api/v1/co-originations/" + pending, usaOriginator, null).status()).isEqualTo(404);
    assertThat(node.get("/api/v1/co-originations", usaOriginator).json().findValuesAsText("id")).doesNotContain(pending);

    TestNode.Response seen = node.get("/api/v1/items/" + pending, usaAnalyst);
    assertThat(seen.status()).as(seen.body()).isEqualTo(200);
    assertThat(seen.json().get("content").asText()).isEqualTo(SECRET_CONTENT);
    JsonNode entries = node.get("/api/v1/audit/entries?limit=10000", nodeAuditor).json().get("entries");
    assertThat(entries.toString()).contains("CO_ORIGINATOR_CONFIRMED").doesNotContain(SECRET_CONTENT);
  }

  @Test
  void aNationalAuditorReadsOnlyEntriesAboutItemsTheyMaySee() {
    JsonNode national = node.get("/api/v1/audit/entries?limit=10000", korAuditor).json().get("entries");
    assertThat(national.findValuesAsText("subject")).as("a Korean auditor cleared to III").doesNotContain(item);
    JsonNode all = node.get("/api/v1/audit/entries?limit=10000", nodeAuditor).json().get("entries");
    assertThat(all.findValuesAsText("subject")).as("the node auditor").contains(item);
    assertThat(all.size()).isGreaterThan(national.size());
  }
}
