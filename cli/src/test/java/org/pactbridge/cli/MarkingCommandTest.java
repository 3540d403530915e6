package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkingCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void parsesABannerAsText() {
    Cli cli = Cli.run("marking", "parse", "SECRET//REL TO USA, JPN, KOR");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).startsWith("SECRET//REL TO USA, JPN, KOR\n");
    assertThat(cli.out()).contains("level: USA:SECRET", "releasability: REL TO USA, JPN, KOR");
  }

  @Test
  void theJsonObjectOfTheInterfaceContract() throws IOException {
    Cli cli = Cli.run("marking", "parse", "SECRET//REL TO USA, KOR, JPN", "--json");
    assertThat(cli.status()).isZero();
    JsonNode result = JSON.readTree(cli.out());
    assertThat(result.get("canonical").asText()).isEqualTo("SECRET//REL TO USA, JPN, KOR");
    JsonNode label = result.get("label");
    assertThat(label.get("level").asText()).isEqualTo("USA:SECRET");
    assertThat(label.get("originators").get(0).asText()).isEqualTo("USA");
    assertThat(label.get("relTo")).extracting(JsonNode::asText).containsExactly("USA", "JPN", "KOR");
    assertThat(label.get("noforn").asBoolean()).isFalse();
    JsonNode warning = result.get("diagnostics").get(0);
    assertThat(warning.get("severity").asText()).isEqualTo("warning");
    assertThat(warning.get("code").asText()).isEqualTo("NON_CANONICAL_ORDER");
    assertThat(warning.get("index").asInt()).isEqualTo(20);
    assertThat(warning.get("message").asText()).contains("'KOR'");
  }

  @Test
  void anErrorExitsWithTwoAndTheJsonNamesTheTokenAndIndex() throws IOException {
    Cli cli = Cli.run("marking", "parse", "SECRET//REL TO USA, GBER", "--json");
    assertThat(cli.status()).isEqualTo(2);
    JsonNode result = JSON.readTree(cli.out());
    assertThat(result.get("canonical").isNull()).isTrue();
    assertThat(result.get("label").isNull()).isTrue();
    JsonNode error = result.get("diagnostics").get(0);
    assertThat(error.get("severity").asText()).isEqualTo("error");
    assertThat(error.get("index").asInt()).isEqualTo(20);
    assertThat(error.get("message").asText()).contains("'GBER'");
  }

  @Test
  void aDiagnosticWithOneRightFormSuggestsItInJsonAndText() throws IOException {
    Cli cli = Cli.run("marking", "parse", "SECRET//RD", "--json");
    assertThat(cli.status()).isEqualTo(2);
    JsonNode error = JSON.readTree(cli.out()).get("diagnostics").get(0);
    assertThat(error.get("severity").asText()).isEqualTo("error");
    assertThat(error.get("suggestion").asText()).isEqualTo("SECRET//RD//NOFORN");
    Cli text = Cli.run("marking", "parse", "SECRET//RD");
    assertThat(text.status()).isEqualTo(2);
    assertThat(text.err()).contains("(write: SECRET//RD//NOFORN)");
    Cli noSuggestion = Cli.run("marking", "parse", "SECRET//REL TO USA, GBER", "--json");
    assertThat(JSON.readTree(noSuggestion.out()).get("diagnostics").get(0).has("suggestion")).isFalse();
  }

  @Test
  void anErrorAsTextGoesToStandardError() {
    Cli cli = Cli.run("marking", "parse", "SERCET//NOFORN");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("pactbridge: marking: error UNKNOWN_CLASSIFICATION at index 0: unknown classification 'SERCET'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "(S//NF)|(S//NF)|USA:SECRET",
      "//KOR II//REL TO USA, KOR|//KOR II//REL TO USA, KOR|KOR:II",
      "군사 Ⅱ급 비밀|//KOR II|KOR:II",
      "極秘|//JPN GOKUHI|JPN:GOKUHI",
      "//COSMIC TOP SECRET//REL TO USA, NATO|//COSMIC TOP SECRET//REL TO USA, NATO|NATO:COSMIC_TOP_SECRET",
      "//JOINT SECRET USA GBR//REL TO USA, GBR|//JOINT SECRET USA GBR//REL TO USA, GBR|USA:SECRET"})
  void readsTheMarkingsOfTheReferenceWorld(String marking, String canonical, String level) throws IOException {
    Cli cli = Cli.run("marking", "parse", marking, "--json");
    assertThat(cli.status()).as(cli.out()).isZero();
    JsonNode result = JSON.readTree(cli.out());
    assertThat(result.get("canonical").asText()).isEqualTo(canonical);
    assertThat(result.get("label").get("level").asText()).isEqualTo(level);
  }

  @Test
  void checkTakesAMarkingInsteadOfTheLabelFlags() throws IOException {
    JsonNode byFlags = JSON.readTree(Cli.run("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--rel-to", "USA,KOR",
        "--at", "2017-01-05", "--json").out());
    Cli cli = Cli.run("check", "--marking", "//KOR II//REL TO USA, KOR", "--to", "JPN", "--at", "2017-01-05", "--json");
    assertThat(cli.status()).isZero();
    JsonNode byMarking = JSON.readTree(cli.out());
    assertThat(byMarking).isEqualTo(byFlags);
    assertThat(byMarking.get("decision").asText()).isEqualTo("DENY");
    assertThat(byMarking.get("reasons")).extracting(reason -> reason.get("code").asText()).contains("NOT_RELEASABLE_TO");
  }

  @Test
  void checkWithAUsMarkingNamesTheUsAsOriginator() throws IOException {
    Cli cli = Cli.run("check", "--marking", "SECRET//ORCON/REL TO USA, JPN", "--to", "JPN", "--holder", "KOR", "--at", "2017-01-05", "--json");
    assertThat(cli.status()).isZero();
    JsonNode decision = JSON.readTree(cli.out());
    assertThat(decision.get("reasons")).extracting(reason -> reason.get("code").asText()).doesNotContain("NOT_RELEASABLE_TO");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--originator|JPN|--originator JPN contradicts --marking",
      "--level|III|--level III contradicts --marking, which is KOR:II",
      "--rel-to|USA|--rel-to USA contradicts --marking",
      "--noforn||--noforn contradicts --marking"})
  void aFlagThatContradictsTheMarkingIsBadInput(String flag, String value, String message) {
    Cli cli = value == null
        ? Cli.run("check", "--marking", "//KOR II//REL TO USA, KOR", "--to", "JPN", flag)
        : Cli.run("check", "--marking", "//KOR II//REL TO USA, KOR", "--to", "JPN", flag, value);
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).startsWith("pactbridge: " + message);
  }

  @Test
  void aFlagThatAgreesWithTheMarkingIsAccepted() {
    Cli cli = Cli.run("check", "--marking", "//KOR II//REL TO USA, KOR", "--originator", "KOR", "--level", "2급", "--to", "USA",
        "--at", "2017-01-05");
    assertThat(cli.status()).isZero();
  }

  @Test
  void anUnreadableMarkingInCheckIsBadInputWithItsIndex() {
    Cli cli = Cli.run("check", "--marking", "SECRET//XYZZY", "--to", "JPN");
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.err()).startsWith("pactbridge: --marking: unknown marking token 'XYZZY'").contains("(at index 8)");
  }
}
