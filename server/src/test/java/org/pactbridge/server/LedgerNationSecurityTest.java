package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Finding 5 of the security probe: a Japanese logistics officer recorded Korea–United States support,
 * reversed Korea's entry and read Korea's statement. Ledger actions and reads are now tied to the
 * officer's nation, over HTTP on a real node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerNationSecurityTest {
  private final TestNode node = TestNode.start(TestNode.Db.H2);
  private final String korOfficer = node.user("kor-logistics", "KOR", "II", Role.LOGISTICS_OFFICER);
  private final String jpnOfficer = node.user("jpn-logistics", "JPN", "HI", Role.LOGISTICS_OFFICER);
  private final String jpnAuditor = node.user("jpn-auditor", "JPN", "HI", Role.AUDITOR);
  private final String nodeAuditor = node.user("node-auditor", "KOR", "III", Role.NODE_AUDITOR);
  private final long korEntry;

  LedgerNationSecurityTest() {
    TestNode.Response created = node.post("/api/v1/logistics/ledger/entries", korOfficer, provide("KOR", "USA"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    korEntry = created.json().get("sequence").asLong();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  private static String provide(String supplier, String receiver) {
    return "{\"type\":\"provide\",\"agreement\":\"ROK-USA-MLSA-1988\",\"supplier\":\"" + supplier + "\",\"receiver\":\"" + receiver
        + "\",\"category\":\"fuel\",\"value\":\"100\",\"currency\":\"USD\",\"at\":\"2018-06-04\"}";
  }

  @Test
  void anOfficerRecordsOnlyTheirOwnNationsSupply() {
    String before = node.get("/api/v1/logistics/ledger/entries", nodeAuditor).body();
    TestNode.Response foreign = node.post("/api/v1/logistics/ledger/entries", jpnOfficer, provide("KOR", "USA"));
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.code()).isEqualTo("NOT_A_PARTY_TO_ENTRY");
    TestNode.Response received = node.post("/api/v1/logistics/ledger/entries", korOfficer, provide("USA", "JPN").replace("provide", "receive"));
    assertThat(received.status()).as("a Korean officer records no receipt of Japan's").isEqualTo(403);
    assertThat(node.get("/api/v1/logistics/ledger/entries", nodeAuditor).body()).isEqualTo(before);
  }

  @Test
  void anOfficerReversesAndReimbursesOnlyTheirNationsEntries() {
    TestNode.Response reverse = node.post("/api/v1/logistics/ledger/entries", jpnOfficer, "{\"type\":\"reverse\",\"entry\":" + korEntry + "}");
    assertThat(reverse.status()).isEqualTo(403);
    assertThat(reverse.code()).isEqualTo("NOT_A_PARTY_TO_ENTRY");
    TestNode.Response reimburse = node.post("/api/v1/logistics/ledger/entries", jpnOfficer,
        "{\"type\":\"reimburse\",\"entry\":" + korEntry + ",\"mode\":\"cash\",\"value\":\"10\",\"currency\":\"USD\",\"at\":\"2018-06-05\"}");
    assertThat(reimburse.status()).isEqualTo(403);
  }

  @Test
  void othersReadNothingOfAnExchangeTheirNationIsNotPartyTo() {
    for (String token : new String[] {jpnOfficer, jpnAuditor}) {
      assertThat(node.get("/api/v1/logistics/ledger/entries", token).body()).isEqualTo("[]");
      assertThat(node.get("/api/v1/logistics/ledger/balances", token).body()).isEqualTo("[]");
      assertThat(node.get("/api/v1/logistics/ledger/overdue?at=2030-01-01", token).body()).isEqualTo("[]");
      TestNode.Response statement = node.get("/api/v1/logistics/ledger/statement?party=KOR&partner=USA&month=2018-06", token);
      assertThat(statement.status()).isEqualTo(403);
      assertThat(statement.code()).isEqualTo("NOT_A_PARTY_TO_STATEMENT");
    }
    assertThat(node.get("/api/v1/logistics/ledger/entries", korOfficer).json().findValuesAsText("sequence")).contains(Long.toString(korEntry));
    assertThat(node.get("/api/v1/logistics/ledger/statement?party=KOR&partner=USA&month=2018-06", korOfficer).status()).isEqualTo(200);
  }
}
