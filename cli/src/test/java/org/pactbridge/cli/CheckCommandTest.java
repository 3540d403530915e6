package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDenyWithItsRouteAsText() {
    Cli cli = Cli.run("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--topics", "dprk-missile", "--at", "2011-01-05");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).startsWith("DENY  KOR:II held by KOR -> JPN at 2011-01-05T00:00:00Z");
    assertThat(cli.out()).contains("NO_AGREEMENT_IN_FORCE", "KOR -> USA -> JPN  consent of KOR  [ad hoc]");
  }

  @Test
  void theJsonObjectOfTheInterfaceContract() throws IOException {
    Cli cli = Cli.run("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--topics", "dprk-missile,dprk-nuclear",
        "--at", "2015-06-01", "--json");
    assertThat(cli.status()).isZero();
    JsonNode decision = JSON.readTree(cli.out());
    assertThat(decision.get("decision").asText()).isEqualTo("DENY");
    assertThat(decision.get("at").asText()).isEqualTo("2015-06-01T00:00:00Z");
    assertThat(decision.get("recipientLevel").isNull()).isTrue();
    assertThat(decision.get("agreements")).isEmpty();
    assertThat(decision.get("reasons").get(0).get("code").asText()).isEqualTo("NO_AGREEMENT_IN_FORCE");
    assertThat(decision.get("reasons").get(0).get("message").asText()).isNotBlank();
    JsonNode route = decision.get("routes").get(0);
    assertThat(route.get("sanctionedBy").asText()).isEqualTo("TISA-2014");
    assertThat(route.get("consents").get(0).asText()).isEqualTo("KOR");
    JsonNode hop = route.get("hops").get(0);
    assertThat(hop.get("from").asText()).isEqualTo("KOR");
    assertThat(hop.get("to").asText()).isEqualTo("USA");
    assertThat(hop.get("agreement").asText()).isEqualTo("ROK-USA-GSOMIA-1987");
    assertThat(hop.get("level").asText()).isEqualTo("USA:SECRET");
    assertThat(hop.get("assumed").asBoolean()).isTrue();
    assertThat(hop.get("sources").get(0).asText()).isEqualTo("S30");
  }

  @Test
  void aHolderWithConsent() throws IOException {
    String[] base = {"check", "--originator", "KOR", "--level", "2급", "--to", "JPN", "--holder", "USA", "--at", "2015-06-01", "--json"};
    JsonNode waiting = JSON.readTree(Cli.run(base).out());
    assertThat(waiting.get("decision").asText()).isEqualTo("CONSENT_REQUIRED");
    assertThat(waiting.get("recipientLevel").asText()).isEqualTo("JPN:GOKUHI");
    String[] withConsent = java.util.Arrays.copyOf(base, base.length + 2);
    withConsent[base.length] = "--consent";
    withConsent[base.length + 1] = "KOR";
    assertThat(JSON.readTree(Cli.run(withConsent).out()).get("decision").asText()).isEqualTo("PERMIT");
  }

  @Test
  void nativeLevelNamesAreAccepted() throws IOException {
    JsonNode decision = JSON.readTree(Cli.run("check", "--originator", "JPN", "--level", "極秘", "--to", "KOR", "--at", "2017-01-05", "--json").out());
    assertThat(decision.get("decision").asText()).isEqualTo("PERMIT");
    assertThat(decision.get("recipientLevel").asText()).isEqualTo("KOR:II");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown party      | --originator,XYZ,--level,II,--to,JPN                   | unknown party 'XYZ'",
      "unknown recipient  | --originator,KOR,--level,II,--to,Japan                 | unknown party 'Japan'",
      "unknown level      | --originator,KOR,--level,IV,--to,JPN                   | unknown level 'IV' for party KOR",
      "level not yet      | --originator,JPN,--level,TOKUTEI,--to,KOR,--at,2011-01-05 | level 'TOKUTEI' is not part of JPN's scheme at 2011-01-05T00:00:00Z",
      "malformed date     | --originator,KOR,--level,II,--to,JPN,--at,2011-13-05   | malformed date '2011-13-05'",
      "contradiction      | --originator,KOR,--level,II,--to,JPN,--noforn,--rel-to,USA | --noforn contradicts --rel-to",
      "malformed topic    | --originator,KOR,--level,II,--to,JPN,--topics,DPRK Missile | malformed topic 'DPRK Missile'",
      "missing recipient  | --originator,KOR,--level,II                            | Missing required option: '--to=PARTY'"})
  void badInputExitsWithTwoAndOneLine(String name, String args, String message) {
    String[] split = ("check," + args).split(",");
    Cli cli = Cli.run(split);
    assertThat(cli.status()).as(name).isEqualTo(2);
    assertThat(cli.err()).contains(message);
    assertThat(cli.err().strip().lines()).hasSize(1);
    assertThat(cli.out()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"check", "agreements", "coverage"})
  void everyCommandHasHelp(String command) {
    Cli cli = Cli.run(command, "--help");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).contains("Usage: pactbridge " + command);
  }

  @Test
  void theTopLevelHelpListsTheCommands() {
    Cli cli = Cli.run("--help");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).contains("check", "agreements", "coverage");
  }

  @Test
  void aWrongWorldFileNamesFileLineAndField(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("world.yaml"), "format: pactbridge-world/1\nfiles: [p.yaml]\n");
    Files.writeString(dir.resolve("p.yaml"), "parties:\n  - code: KOR\n    name: Korea\n    kind: STATE\n    schemes: []\n");
    Cli cli = Cli.run("check", "--data", dir.toString(), "--originator", "KOR", "--level", "II", "--to", "JPN");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).contains("p.yaml:4:11: field 'parties[0].kind': unknown value 'STATE'");
  }
}
