package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Cli ledger(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "ledger";
    all[1] = args[0];
    all[2] = "--journal=" + dir.resolve("ledger.jsonl");
    System.arraycopy(args, 1, all, 3, args.length - 1);
    return Cli.run(all);
  }

  private String journal() throws IOException {
    return Files.readString(dir.resolve("ledger.jsonl"));
  }

  @Test
  void provideReimburseAndDeriveAStatement() throws IOException {
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

  @Test
  void refusedCommandsLeaveTheJournalAsItWas() throws IOException {
    ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "water",
        "--value", "400000", "--currency", "JPY", "--at", "2018-06-04");
    String before = journal();
    String[][] refused = {
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "lasers", "--value", "1", "--currency", "JPY"},
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel", "--quantity", "-1", "--value", "1", "--currency", "JPY"},
      {"reimburse", "--entry", "1", "--mode", "cash", "--value", "100", "--currency", "USD", "--at", "2018-07-01"},
      {"reimburse", "--entry", "1", "--mode", "barter", "--value", "100", "--currency", "JPY", "--at", "2018-07-01"},
      {"reverse", "--entry", "7", "--at", "2018-07-01"},
      {"provide", "--agreement", "USA-JPN-ACSA", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--value", "1", "--currency", "JPY", "--at", "2018-07-01"},
    };
    String[] messages = {
      "pactbridge: unknown category 'lasers'",
      "pactbridge: quantity must not be negative: -1",
      "pactbridge: currency mismatch: expected JPY, found USD",
      "pactbridge: unknown reimbursement mode 'barter'",
      "pactbridge: no ledger entry 7 (the ledger has 1)",
      "pactbridge: USA-JPN-ACSA is not an agreement between KOR and JPN",
    };
    for (int i = 0; i < refused.length; i++) {
      Cli cli = ledger(refused[i]);
      assertThat(cli.status()).as(messages[i]).isEqualTo(2);
      assertThat(cli.err()).startsWith(messages[i]).hasLineCount(1);
      assertThat(journal()).isEqualTo(before);
    }
    assertThat(Files.list(dir)).containsExactly(dir.resolve("ledger.jsonl"));
  }

  @Test
  void aTamperedJournalIsRefusedWithItsLine() throws IOException {
    ledger("provide", "--agreement", "USA-JPN-ACSA", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel",
        "--value", "100", "--currency", "USD", "--at", "2018-06-04");
    Path file = dir.resolve("ledger.jsonl");
    Files.writeString(file, journal().replace("\"category\":\"fuel\"", "\"category\":\"weapons\""));
    Cli cli = ledger("entries");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("pactbridge: " + file + " line 1: USA-JPN-ACSA does not cover weapons at 2018-06-04T00:00:00Z\n");
  }
}
