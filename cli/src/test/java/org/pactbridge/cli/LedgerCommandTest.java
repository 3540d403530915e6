package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pactbridge ledger} on each place a ledger is kept: the store on H2 (the default), the store on
 * the real PostgreSQL (a schema of its own, dropped after; unreachable fails the test), and a journal file.
 */
class LedgerCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

  @TempDir Path dir;
  private final List<String> where = new ArrayList<>();
  private String schema;

  /** Where the ledger is kept: "h2", "postgres" or "journal". */
  private void keepIn(String kind) {
    switch (kind) {
      case "journal" -> where.add("--journal=" + dir.resolve("ledger.jsonl"));
      case "h2" -> where.addAll(List.of("--db", "jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge"), "--keys", dir.resolve("keys").toString()));
      case "postgres" -> {
        schema = "ledger_cli_" + UUID.randomUUID().toString().substring(0, 8);
        postgres("CREATE SCHEMA " + schema);
        where.addAll(List.of("--db", PG + "?currentSchema=" + schema, "--keys", dir.resolve("keys").toString()));
      }
      default -> throw new IllegalArgumentException(kind);
    }
  }

  @AfterEach
  void dropSchema() {
    if (schema != null) {
      postgres("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void postgres(String sql) {
    try (Connection connection = DriverManager.getConnection(PG, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + PG + " is unreachable (" + e.getMessage() + "): start it rather than skip", e);
    }
  }

  private Cli ledger(String... args) {
    List<String> all = new ArrayList<>(List.of("ledger"));
    all.addAll(List.of(args));
    all.addAll(where);
    return Cli.run(all.toArray(String[]::new));
  }

  private String journal() throws IOException {
    return Files.readString(dir.resolve("ledger.jsonl"));
  }

  /** Everything the ledger holds, as JSON, and for a store the audit chain's verdict. */
  private String state() {
    Cli entries = ledger("entries", "--json");
    assertThat(entries.status()).as(entries.err()).isZero();
    if (where.get(0).startsWith("--journal")) {
      return entries.out();
    }
    List<String> audit = new ArrayList<>(List.of("audit", "verify"));
    audit.addAll(where);
    return entries.out() + Cli.run(audit.toArray(String[]::new)).out();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "journal"})
  void provideReimburseAndDeriveAStatement(String kind) throws IOException {
    keepIn(kind);
    Cli provided = ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel",
        "--quantity", "20000", "--value", "15000000", "--currency", "JPY", "--at", "2018-06-04");
    assertThat(provided.status()).as(provided.err()).isZero();
    assertThat(provided.out()).isEqualTo("recorded entry 1: PROVIDE fuel JPN -> USA  15000000 JPY  USA-JPN-ACSA  2018-06-04T00:00:00Z\n");
    assertThat(ledger("receive", "--agreement", "USA-JPN-ACSA", "--supplier", "USA", "--receiver", "JPN", "--category", "transportation",
        "--value", "12000", "--currency", "USD", "--at", "2018-06-05").status()).isZero();
    Cli paid = ledger("reimburse", "--entry", "1", "--mode", "replacement-in-kind", "--value", "15000000", "--currency", "JPY",
        "--at", "2018-06-20", "--json");
    assertThat(JSON.readTree(paid.out()).get("mode").asText()).isEqualTo("replacement-in-kind");

    JsonNode balances = JSON.readTree(ledger("balances", "--json").out());
    assertThat(balances.findValuesAsText("party")).containsExactly("JPN", "USA");
    assertThat(balances.get(0).get("net").decimalValue()).isEqualByComparingTo("-12000");

    assertThat(ledger("overdue", "--at", "2018-09-03").out()).isEqualTo("");
    assertThat(ledger("overdue", "--at", "2018-09-04").out())
        .isEqualTo("entry 2  JPN owes USA 12000.00 USD under USA-JPN-ACSA, due 2018-09-03T00:00:00Z (settlement period assumed)\n");

    Cli csv = ledger("statement", "--party", "USA", "--partner", "JPN", "--month", "2018-06");
    assertThat(csv.out()).startsWith("record,sequence,date,type,agreement,")
        .contains("entry,3,2018-06-20,REIMBURSE,USA-JPN-ACSA,JPN,USA,,,replacement-in-kind,1,JPY,15000000,0\n")
        .endsWith("closing,,,,,,,,,,,JPY,,0\nclosing,,,,,,,,,,,USD,,12000.00\n");
    JsonNode json = JSON.readTree(ledger("statement", "--party", "USA", "--partner", "JPN", "--month", "2018-06", "--json").out());
    assertThat(json.get("entries")).hasSize(3);
    assertThat(json.get("closing").get("USD").decimalValue()).isEqualByComparingTo("12000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres", "journal"})
  void refusedCommandsLeaveTheLedgerAsItWas(String kind) throws IOException {
    keepIn(kind);
    ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "water",
        "--value", "400000", "--currency", "JPY", "--at", "2018-06-04");
    String before = state();
    assertThat(before).contains("\"sequence\":1");
    String[][] refused = {
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "lasers", "--value", "1", "--currency", "JPY"},
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel", "--quantity", "-1", "--value", "1", "--currency", "JPY"},
      {"reimburse", "--entry", "1", "--mode", "cash", "--value", "100", "--currency", "USD", "--at", "2018-07-01"},
      {"reimburse", "--entry", "1", "--mode", "barter", "--value", "100", "--currency", "JPY", "--at", "2018-07-01"},
      {"reverse", "--entry", "7", "--at", "2018-07-01"},
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--value", "1", "--currency", "JPY", "--at", "2018-07-01"},
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel", "--value", "1", "--currency", "XYZ"},
    };
    String[] messages = {
      "pactbridge: unknown category 'lasers'",
      "pactbridge: quantity must not be negative: -1",
      "pactbridge: currency mismatch: expected JPY, found USD",
      "pactbridge: unknown reimbursement mode 'barter'",
      "pactbridge: no ledger entry 7 (the ledger has 1)",
      "pactbridge: USA-JPN-ACSA is not an agreement between KOR and JPN",
      "pactbridge: unknown currency 'XYZ' (expected an ISO 4217 code such as USD or JPY)",
    };
    for (int i = 0; i < refused.length; i++) {
      Cli cli = ledger(refused[i]);
      assertThat(cli.status()).as(messages[i]).isEqualTo(2);
      assertThat(cli.err()).startsWith(messages[i]).hasLineCount(1);
      assertThat(state()).isEqualTo(before);
    }
    if (kind.equals("journal")) {
      assertThat(Files.list(dir)).containsExactly(dir.resolve("ledger.jsonl"));
    }
  }

  @Test
  void theStoreAuditsEachAppend() {
    keepIn("h2");
    ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "water",
        "--value", "400000", "--currency", "JPY", "--at", "2018-06-04");
    ledger("reverse", "--entry", "1", "--at", "2018-06-05");
    List<String> verify = new ArrayList<>(List.of("audit", "verify"));
    verify.addAll(where);
    Cli verified = Cli.run(verify.toArray(String[]::new));
    assertThat(verified.status()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("OK: 2 entries");
  }

  @Test
  void aJournalAndADatabaseAreAlternatives() {
    keepIn("journal");
    Cli cli = ledger("entries", "--db", "jdbc:h2:file:" + dir.resolve("x"));
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("pactbridge: --journal keeps the ledger in a file: it cannot be combined with --db or --keys\n");
  }

  @Test
  void aTamperedJournalIsRefusedWithItsLine() throws IOException {
    keepIn("journal");
    ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel",
        "--value", "100", "--currency", "USD", "--at", "2018-06-04");
    Path file = dir.resolve("ledger.jsonl");
    Files.writeString(file, journal().replace("\"category\":\"fuel\"", "\"category\":\"weapons\""));
    Cli cli = ledger("entries");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("pactbridge: " + file + " line 1: USA-JPN-ACSA does not cover weapons at 2018-06-04T00:00:00Z\n");
  }
}
