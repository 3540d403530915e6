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
