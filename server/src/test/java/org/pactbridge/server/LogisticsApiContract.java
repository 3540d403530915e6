package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.LogisticsJson;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.InMemoryLedgerRepository;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.geo.KoreaAreas;

/**
 * {@code /api/v1/logistics} over real HTTP on a node of its own, once per database (H2, and the real
 * PostgreSQL, which must be reachable: these tests fail rather than skip). Expected answers are
 * computed in-process by the core on the same commands (a {@link Ledger} in memory), with the views
 * the command line prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class LogisticsApiContract {
  static final PartyCode JPN = PartyCode.of("JPN");
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode KOR = PartyCode.of("KOR");
  static final AgreementId ACSA = AgreementId.of("USA-JPN-ACSA");

  final TestNode node;
  final String officer;
  final SupportEngine engine = new SupportEngine(TestNode.REFERENCE, KoreaAreas.shipped());

  LogisticsApiContract(TestNode.Db db) {
    this.node = TestNode.start(db).withRoleUsers();
    // Japan's officer: every exchange below is Japan's, as supplier or receiver.
    this.officer = node.user("jpn-logistics-1", "JPN", "HI", Role.LOGISTICS_OFFICER);
  }

  @AfterAll
  void stop() {
    node.close();
  }

  static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  TestNode.Response post(String path, String body) {
    return node.post("/api/v1/logistics" + path, officer, body);
  }

  TestNode.Response get(String path) {
    return node.get("/api/v1/logistics" + path, officer);
  }

  @Test
  void aSupportCheckAnswersWhatSupportCheckJsonPrints() {
    JsonNode fuel = post("/support-checks", "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\","
        + "\"location\":\"35.0,139.0\",\"quantity\":20000,\"value\":\"15000000\",\"currency\":\"JPY\",\"at\":\"2018-06-04\"}").json();
    assertThat(fuel).isEqualTo(LogisticsJson.supportDecision(engine.decide(new SupportRequest(JPN, USA, null, Category.FUEL, Activity.EXERCISE,
        new Location(35.0, 139.0), new BigDecimal("20000"), Money.of("15000000", "JPY"), day("2018-06-04")))));
    assertThat(fuel.get("decision").asText()).isEqualTo("ALLOWED");

    // June 2007: Korea and Japan never concluded an ACSA.
    JsonNode sar = post("/support-checks",
        "{\"supplier\":\"KOR\",\"receiver\":\"JPN\",\"category\":\"fuel\",\"activity\":\"exercise\",\"at\":\"2007-06-15\"}").json();
    assertThat(sar.get("decision").asText()).isEqualTo("DENIED");
    assertThat(sar.get("reasons").findValuesAsText("code")).contains("NO_AGREEMENT_IN_FORCE");
    assertThat(sar).isEqualTo(LogisticsJson.supportDecision(engine.decide(new SupportRequest(KOR, JPN, null, Category.FUEL, Activity.EXERCISE,
        null, null, null, day("2007-06-15")))));

    // the same request in the context of the 5th SAREX: the edition is shown, the decision unchanged
    String during = DateSpec.format(TestNode.REFERENCE.findExercise("ROK-JPN-SAREX").orElseThrow().edition(5).orElseThrow().from());
    JsonNode framed = post("/support-checks", "{\"supplier\":\"KOR\",\"receiver\":\"JPN\",\"category\":\"fuel\",\"activity\":\"exercise\","
        + "\"at\":\"" + during + "\",\"exercise\":\"ROK-JPN-SAREX:5\"}").json();
    assertThat(framed.get("exercise").get("edition").asInt()).isEqualTo(5);
    assertThat(framed.get("reasons")).isEqualTo(sar.get("reasons"));
  }

  @Test
  @Order(1)
  void anExerciseProvidedAndReimbursedInEachModeWithBalancesOverdueAndStatement() {
    assertThat(entries()).as("this test runs first, on an empty ledger").isEqualTo("[]");
    Ledger expected = new Ledger(TestNode.REFERENCE, new InMemoryLedgerRepository());
    assertThat(post("/ledger/entries", "{\"type\":\"provide\",\"agreement\":\"USA-JPN-ACSA\",\"supplier\":\"JPN\",\"receiver\":\"USA\","
        + "\"category\":\"fuel\",\"quantity\":\"20000\",\"value\":\"15000000\",\"currency\":\"JPY\",\"at\":\"2018-06-04\"}").status()).isEqualTo(201);
    LedgerEntry fuel = expected.provide(new Transfer(ACSA, JPN, USA, Category.FUEL, new BigDecimal("20000"), Money.of("15000000", "JPY"), day("2018-06-04")));
    post("/ledger/entries", "{\"type\":\"provide\",\"agreement\":\"USA-JPN-ACSA\",\"supplier\":\"JPN\",\"receiver\":\"USA\","
        + "\"category\":\"water\",\"value\":400000,\"currency\":\"JPY\",\"at\":\"2018-06-04\"}");
    LedgerEntry water = expected.provide(new Transfer(ACSA, JPN, USA, Category.WATER, null, Money.of("400000", "JPY"), day("2018-06-04")));
    TestNode.Response received = post("/ledger/entries", "{\"type\":\"receive\",\"agreement\":\"USA-JPN-ACSA\",\"supplier\":\"USA\","
        + "\"receiver\":\"JPN\",\"category\":\"transportation\",\"value\":\"12000\",\"currency\":\"USD\",\"at\":\"2018-06-05\"}");
    LedgerEntry transport = expected.receive(new Transfer(ACSA, USA, JPN, Category.TRANSPORTATION, null, Money.of("12000", "USD"), day("2018-06-05")));
    assertThat(received.body()).isEqualTo(org.pactbridge.core.logistics.Statement.entryJson(transport));

    post("/ledger/entries", "{\"type\":\"reimburse\",\"entry\":1,\"mode\":\"replacement-in-kind\",\"value\":\"15000000\",\"currency\":\"JPY\","
        + "\"at\":\"2018-06-20\"}");
    expected.reimburse(fuel.sequence(), ReimbursementMode.REPLACEMENT_IN_KIND, Money.of("15000000", "JPY"), day("2018-06-20"));
    post("/ledger/entries", "{\"type\":\"reimburse\",\"entry\":2,\"mode\":\"cash\",\"value\":\"100000\",\"currency\":\"JPY\",\"at\":\"2018-06-21\"}");
    expected.reimburse(water.sequence(), ReimbursementMode.CASH, Money.of("100000", "JPY"), day("2018-06-21"));
    post("/ledger/entries", "{\"type\":\"reimburse\",\"entry\":3,\"mode\":\"equal-value-exchange\",\"value\":\"2000\",\"currency\":\"USD\","
        + "\"at\":\"2018-06-22\"}");
    LedgerEntry exchange = expected.reimburse(transport.sequence(), ReimbursementMode.EQUAL_VALUE_EXCHANGE, Money.of("2000", "USD"), day("2018-06-22"));
    TestNode.Response reversed = post("/ledger/entries", "{\"type\":\"reverse\",\"entry\":6,\"at\":\"2018-06-23\"}");
    assertThat(reversed.status()).as(reversed.body()).isEqualTo(201);
    expected.reverse(exchange.sequence(), day("2018-06-23"));

    assertThat(get("/ledger/entries").body()).isEqualTo("[" + String.join(",",
        expected.entries().stream().map(org.pactbridge.core.logistics.Statement::entryJson).toList()) + "]");
    assertThat(get("/ledger/balances").body()).isEqualTo(Json.write(LogisticsJson.balances(expected.balances()), false));
    assertThat(get("/ledger/balances?at=2018-06-04").body()).isEqualTo(Json.write(LogisticsJson.balances(expected.balancesAt(day("2018-06-04"))), false));
    assertThat(get("/ledger/overdue?at=2018-09-03").body()).isEqualTo(Json.write(LogisticsJson.obligations(expected.overdue(day("2018-09-03"))), false));
    JsonNode overdue = get("/ledger/overdue?at=2018-09-04").json();
    assertThat(get("/ledger/overdue?at=2018-09-04").body()).isEqualTo(Json.write(LogisticsJson.obligations(expected.overdue(day("2018-09-04"))), false));
    assertThat(overdue.findValuesAsText("sequence")).containsExactly("2", "3");

    org.pactbridge.core.logistics.Statement statement = expected.statement(USA, JPN, YearMonth.of(2018, 6));
    assertThat(get("/ledger/statement?party=USA&partner=JPN&month=2018-06").body()).isEqualTo(statement.toJson());
    TestNode.Response csv = get("/ledger/statement?party=USA&partner=JPN&month=2018-06&format=csv");
    assertThat(csv.contentType()).startsWith("text/csv");
    assertThat(csv.body()).isEqualTo(statement.toCsv());
    TestNode.Response accepted = node.send("GET", "/api/v1/logistics/ledger/statement?party=USA&partner=JPN&month=2018-06", officer, null, null);
    assertThat(accepted.contentType()).startsWith("application/json");
    assertThat(csvByAccept("/api/v1/logistics/ledger/statement?party=USA&partner=JPN&month=2018-06")).isEqualTo(statement.toCsv());
    // This node is KOR: by default the statement is KOR's, which has none with JPN.
    assertThat(get("/ledger/statement?partner=JPN&month=2018-06").json().get("party").asText()).isEqualTo("KOR");

    // Each append was audited in its transaction, and the chain verifies.
    String auditor = node.tokens.get(Role.NODE_AUDITOR);
    assertThat(node.get("/api/v1/audit/verify", auditor).json().get("ok").asBoolean()).isTrue();
    long audited = 0;
    for (JsonNode entry : node.get("/api/v1/audit/entries?limit=10000", auditor).json().get("entries")) {
      audited += entry.get("kind").asText().equals("LEDGER_APPENDED") ? 1 : 0;
    }
    assertThat(audited).isEqualTo(expected.entries().size());
    // A node auditor reads the whole ledger; Korea's admin reads Korea's exchanges (none here); only
    // logistics officers write.
    assertThat(node.get("/api/v1/logistics/ledger/balances", auditor).body())
        .isEqualTo(Json.write(LogisticsJson.balances(expected.balances()), false));
    assertThat(node.get("/api/v1/logistics/ledger/balances", node.tokens.get(Role.ADMIN)).body()).isEqualTo("[]");
    assertThat(node.post("/api/v1/logistics/ledger/entries", auditor, "{\"type\":\"reverse\",\"entry\":1}").status()).isEqualTo(403);
  }

  private String csvByAccept(String path) {
    java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url(path)))
        .header("Authorization", "Bearer " + officer).header("Accept", "text/csv").GET().build();
    try {
      java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void badInputIsAProblemNamingItAndLeavesTheLedgerAsItWas() {
    // Make sure there is something to mismatch against, whatever ran before.
    TestNode.Response first = post("/ledger/entries", "{\"type\":\"provide\",\"agreement\":\"USA-JPN-ACSA\",\"supplier\":\"JPN\",\"receiver\":\"USA\","
        + "\"category\":\"food\",\"value\":\"300\",\"currency\":\"USD\",\"at\":\"2019-01-10\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long sequence = first.json().get("sequence").asLong();
    String before = entries();
    String auditBefore = node.get("/api/v1/audit/verify", node.tokens.get(Role.AUDITOR)).json().get("entries").asText();
    String transfer = "{\"type\":\"provide\",\"agreement\":\"USA-JPN-ACSA\",\"supplier\":\"JPN\",\"receiver\":\"USA\",\"at\":\"2019-01-11\",";
    String[][] cases = {
      {"/ledger/entries", transfer + "\"category\":\"lasers\",\"value\":\"1\",\"currency\":\"USD\"}", "UNKNOWN_CATEGORY", "unknown category 'lasers'"},
      {"/ledger/entries", transfer + "\"category\":\"fuel\",\"quantity\":\"-1\",\"value\":\"1\",\"currency\":\"USD\"}", "NEGATIVE_QUANTITY",
          "quantity must not be negative: -1"},
      {"/ledger/entries", "{\"type\":\"reimburse\",\"entry\":" + sequence + ",\"mode\":\"cash\",\"value\":\"100\",\"currency\":\"JPY\",\"at\":\"2019-02-01\"}",
          "CURRENCY_MISMATCH", "currency mismatch: expected USD, found JPY"},
      {"/ledger/entries", transfer + "\"category\":\"fuel\",\"value\":\"1\",\"currency\":\"XYZ\"}", "UNKNOWN_CURRENCY", "unknown currency 'XYZ'"},
      {"/ledger/entries", "{\"type\":\"borrow\"}", "UNKNOWN_ENTRY_TYPE", "unknown entry type 'borrow'"},
      {"/ledger/entries", "{\"type\":\"reverse\"}", "MISSING_FIELD", "missing field 'entry'"},
      {"/ledger/entries", "{\"type\":\"reverse\",\"entry\":9999}", "UNKNOWN_ENTRY", "no ledger entry 9999"},
      {"/ledger/entries", transfer + "\"category\":\"fuel\",\"value\":\"1\",\"currency\":\"USD\",\"colour\":\"red\"}", "UNKNOWN_FIELD", "colour"},
      {"/support-checks", "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"location\":\"95.0,130.0\"}",
          "COORDINATE_OUT_OF_RANGE", "latitude 95.0 is out of range"},
      {"/support-checks", "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"location\":\"35.0,181\"}",
          "COORDINATE_OUT_OF_RANGE", "longitude 181.0 is out of range"},
      {"/support-checks", "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"lasers\",\"activity\":\"exercise\"}", "UNKNOWN_CATEGORY",
          "unknown category 'lasers'"},
      {"/support-checks", "{\"supplier\":\"JPN\",\"receiver\":\"USA\",\"category\":\"fuel\",\"activity\":\"exercise\",\"quantity\":-3}",
          "NEGATIVE_QUANTITY", "quantity must not be negative: -3"},
      {"/support-checks", "{\"supplier\":\"KOR\",\"receiver\":\"JPN\",\"category\":\"fuel\",\"activity\":\"training\",\"at\":\"2007-06-18\","
          + "\"exercise\":\"ROK-JPN-SAREX:5\"}", "CONTRADICTORY_INPUT", "has the activity exercise, not training"},
      {"/support-checks", "{\"supplier\":\"KOR\",\"receiver\":\"JPN\",\"category\":\"fuel\",\"activity\":\"exercise\",\"at\":\"2007-06-25\","
          + "\"exercise\":\"ROK-JPN-SAREX:5\"}", "CONTRADICTORY_INPUT", "outside ROK-JPN-SAREX:5"},
    };
    for (String[] each : cases) {
      TestNode.Response response = post(each[0], each[1]);
      assertThat(response.status()).as(each[1] + " -> " + response.body()).isEqualTo(400);
      assertThat(response.isProblem()).isTrue();
      assertThat(response.code()).as(response.body()).isEqualTo(each[2]);
      assertThat(response.json().get("detail").asText()).as(response.body()).contains(each[3]);
      assertThat(entries()).isEqualTo(before);
    }
    TestNode.Response month = get("/ledger/statement?partner=USA&month=2019-13");
    assertThat(month.status()).isEqualTo(400);
    assertThat(month.code()).isEqualTo("BAD_PARAMETER");
    assertThat(node.get("/api/v1/audit/verify", node.tokens.get(Role.AUDITOR)).json().get("entries").asText()).isEqualTo(auditBefore);
    assertThat(entries()).isEqualTo(before);
  }

  private String entries() {
    TestNode.Response response = get("/ledger/entries");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.body();
  }
}
