package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Item titles over HTTP on a real node: given at registration, shown with the item to those who may see
 * it, searched by those alone, and never in an audit entry, a problem body or a log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ItemTitleSecurityTest {
  private static final String TITLE = "Sohae launch pad, Hwasong-18 readiness";

  private final TestNode node = TestNode.start(TestNode.Db.H2);
  private final String korOriginator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
  private final String korLowAnalyst = node.user("kor-analyst-iii", "KOR", "III", Role.ANALYST);
  private final String korAnalyst = node.user("kor-analyst-ii", "KOR", "II", Role.ANALYST);
  private final String nodeAuditor = node.user("node-auditor", "KOR", "III", Role.NODE_AUDITOR);
  private final String titled = register("//KOR II//REL TO USA, JPN", TITLE);
  private final String untitled = register("//KOR II//REL TO USA, JPN", null);

  @AfterAll
  void stop() {
    node.close();
  }

  private String register(String marking, String title) {
    String titleField = title == null ? "" : ",\"title\":\"" + title + "\"";
    TestNode.Response created = node.post("/api/v1/items", korOriginator,
        "{\"marking\":\"" + marking + "\",\"topics\":[\"dprk-missile\"],\"content\":\"body\"" + titleField + "}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().get("title").asText()).isEqualTo(title == null ? "" : title);
    return created.json().get("id").asText();
  }

  private List<String> searched(String token, String query) {
    TestNode.Response found = node.post("/api/v1/items/search", token, "{\"query\":\"" + query + "\"}");
    assertThat(found.status()).as(found.body()).isEqualTo(200);
    return found.json().findValuesAsText("id");
  }

  @Test
  void theTitleComesWithTheItemInTheListAndAlone() {
    JsonNode listed = node.get("/api/v1/items", korAnalyst).json();
    assertThat(listed.findValuesAsText("title")).contains(TITLE, "");
    assertThat(node.get("/api/v1/items/" + titled, korAnalyst).json().get("title").asText()).isEqualTo(TITLE);
    assertThat(node.get("/api/v1/items/" + untitled, korAnalyst).json().get("title").asText()).isEmpty();
  }

  @Test
  void aSearchFindsTitlesIgnoringCase() {
    assertThat(searched(korAnalyst, "hwasong-18")).containsExactly(titled);
    assertThat(searched(korAnalyst, "SOHAE")).containsExactly(titled);
    assertThat(searched(korAnalyst, "nothing like it")).isEmpty();
    assertThat(searched(korAnalyst, "")).contains(titled, untitled);
  }

  @Test
  void whoMayNotSeeTheItemNeitherSeesNorFindsItsTitle() {
    assertThat(searched(korLowAnalyst, "Sohae")).isEmpty();
    TestNode.Response listed = node.get("/api/v1/items", korLowAnalyst);
    assertThat(listed.body()).doesNotContain("Sohae");
    TestNode.Response get = node.get("/api/v1/items/" + titled, korLowAnalyst);
    assertThat(get.status()).isEqualTo(404);
    assertThat(get.body()).doesNotContain("Sohae");
  }

  @Test
  void theAuditNeverCarriesTheTitle() {
    JsonNode entries = node.get("/api/v1/audit/entries?limit=10000", nodeAuditor).json().get("entries");
    assertThat(entries.toString()).contains(titled).doesNotContain("Sohae").doesNotContain("Hwasong");
  }

  @Test
  void aBadTitleIsRefusedByPositionWithoutEchoingItAndNothingIsStored() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    TestNode.Response refused;
    TestNode.Response tooLong;
    int before = node.get("/api/v1/items?limit=1000", korOriginator).json().size();
    try {
      refused = node.post("/api/v1/items", korOriginator,
          "{\"marking\":\"//KOR II\",\"content\":\"body\",\"title\":\"Yongbyon\\nsecond line\"}");
      tooLong = node.post("/api/v1/items", korOriginator,
          "{\"marking\":\"//KOR II\",\"content\":\"body\",\"title\":\"" + "Yongbyon ".repeat(30) + "\"}");
    } finally {
      System.setErr(original);
    }
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("code").asText()).isEqualTo("INVALID_TITLE");
    assertThat(refused.json().get("detail").asText()).isEqualTo("the title has a control character (U+000A) at index 8; a title is one line of text");
    assertThat(refused.body()).doesNotContain("Yongbyon");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("detail").asText()).isEqualTo("the title has 270 characters; at most 200 are allowed");
    assertThat(tooLong.body()).doesNotContain("Yongbyon");
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("Yongbyon");
    assertThat(node.get("/api/v1/items?limit=1000", korOriginator).json().size()).isEqualTo(before);
  }

  @Test
  void aSearchPagesAndRefusesABadPage() {
    List<String> all = searched(korAnalyst, "");
    TestNode.Response second = node.post("/api/v1/items/search", korAnalyst, "{\"query\":\"\",\"offset\":1,\"limit\":1}");
    assertThat(second.json().findValuesAsText("id")).containsExactly(all.get(1));
    TestNode.Response badLimit = node.post("/api/v1/items/search", korAnalyst, "{\"query\":\"x\",\"limit\":0}");
    assertThat(badLimit.status()).isEqualTo(400);
    assertThat(badLimit.json().get("code").asText()).isEqualTo("INVALID_FIELD");
    TestNode.Response longQuery = node.post("/api/v1/items/search", korAnalyst, "{\"query\":\"" + "q".repeat(201) + "\"}");
    assertThat(longQuery.status()).isEqualTo(400);
    assertThat(longQuery.json().get("code").asText()).isEqualTo("INVALID_QUERY");
  }
}
