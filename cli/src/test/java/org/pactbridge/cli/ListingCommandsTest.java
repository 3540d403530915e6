package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ListingCommandsTest {
  @Test
  void agreementsShowTheStatusAtTheDate() {
    Cli cli = Cli.run("agreements", "--at", "2019-09-01", "--party", "KOR", "--kind", "INFORMATION");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).containsPattern("ROK-JPN-GSOMIA-2016 +INFORMATION +KOR-JPN +TERMINATION_NOTIFIED +2016-11-23; termination takes effect 2019-11-22T15:00:00Z");
    assertThat(cli.out()).doesNotContain("USA-JPN-GSOMIA-2007");
  }

  @Test
  void agreementsAsJsonCarryTimelineAndProvisions() throws IOException {
    JsonNode all = new ObjectMapper().readTree(Cli.run("agreements", "--at", "2011-01-05", "--json").out());
    JsonNode tisa = null;
    for (JsonNode agreement : all) {
      if (agreement.get("id").asText().equals("TISA-2014")) {
        tisa = agreement;
      }
    }
    assertThat(tisa).isNotNull();
    assertThat(tisa.get("status").get("display").asText()).isEqualTo("NOT_YET_IN_FORCE");
    assertThat(tisa.get("provisions").get(0).get("channel").get("hub").asText()).isEqualTo("USA");
    assertThat(tisa.get("timeline")).isNotEmpty();
  }

  @Test
  void agreementsJsonStaysAnArrayAndGivesEachEventItsPrecision() throws IOException {
    JsonNode all = new ObjectMapper().readTree(Cli.run("agreements", "--at", "2011-01-05", "--json").out());
    assertThat(all.isArray()).isTrue();
    JsonNode mlsa = null;
    for (JsonNode agreement : all) {
      if (agreement.get("id").asText().equals("ROK-USA-MLSA-1988")) {
        mlsa = agreement;
      }
      for (JsonNode event : agreement.get("timeline")) {
        assertThat(event.get("precision").asText()).isIn("day", "month", "year");
      }
    }
    JsonNode signed = mlsa.get("timeline").get(0);
    assertThat(signed.get("precision").asText()).isEqualTo("year");
    assertThat(signed.get("date").asText()).isEqualTo("1988 (year only)");
    assertThat(mlsa.get("status").get("sinceDate").asText()).isEqualTo("1988 (year only)");
    Cli text = Cli.run("agreements", "--at", "2011-01-05", "--party", "KOR", "--kind", "LOGISTICS");
    assertThat(text.out()).containsPattern("ROK-USA-MLSA-1988 +LOGISTICS +KOR-USA +IN_FORCE +1988 \\(year only\\) \\(assumed\\)");
  }

  @Test
  void partnersListTheNamedOnesAndTheRecordsCountsWithTheirSources() throws IOException {
    Cli cli = Cli.run("partners", "--party", "KOR", "--at", "2011-01-05", "--json");
    assertThat(cli.status()).isZero();
    JsonNode partners = new ObjectMapper().readTree(cli.out());
    assertThat(partners.get("party").asText()).isEqualTo("KOR");
    assertThat(partners.get("namedCount").asInt()).isEqualTo(partners.get("named").size());
    JsonNode latest = partners.get("counts").get(0);
    assertThat(latest.get("count").asText()).isEqualTo("21");
    assertThat(latest.get("sources").get(0).asText()).isEqualTo("S31");
    assertThat(latest.get("precision").asText()).isEqualTo("day");
    Cli bad = Cli.run("partners", "--party", "XXX", "--at", "2011-01-05");
    assertThat(bad.status()).isNotZero();
    assertThat(bad.err()).contains("XXX");
  }

  @Test
  void theWorldReportCountsWhatTheReadmeSays() throws IOException {
    JsonNode report = new ObjectMapper().readTree(Cli.run("world", "report", "--json").out());
    assertThat(report.get("unmarkedCount").asInt()).isZero();
    assertThat(report.get("modelledCount").asInt()).isEqualTo(report.get("modelled").size());
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    assertThat(readme).contains("it counts " + report.get("modelledCount").asInt() + " modelled facts, 0 unsourced facts not marked assumed, and "
        + report.get("unusedSourceCount").asInt() + " of");
    assertThat(Cli.run("world", "report").out()).startsWith("Modelled facts that no source gives (marked assumed): "
        + report.get("modelledCount").asInt());
  }

  @Test
  void coverageIsAReadableMatrix() {
    Cli cli = Cli.run("coverage", "--at", "2011-01-05");
    assertThat(cli.status()).isZero();
    assertThat(cli.out().lines()).contains(
        "      KOR           JPN           USA",
        "KOR   .             -/I           I/-");
  }

  @Test
  void coverageWithTopicsShowsSanctionedRelays() throws IOException {
    JsonNode cells = new ObjectMapper().readTree(Cli.run("coverage", "--at", "2015-06-01", "--topics", "dprk-missile", "--json").out());
    JsonNode korToJpn = null;
    for (JsonNode cell : cells) {
      if (cell.get("from").asText().equals("KOR") && cell.get("to").asText().equals("JPN")) {
        korToJpn = cell;
      }
    }
    assertThat(korToJpn.get("direct").isNull()).isTrue();
    assertThat(korToJpn.get("relay").asText()).isEqualTo("KOR:I");
    assertThat(korToJpn.get("relaySanctioned").asBoolean()).isTrue();
  }
}
