package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.world.WorldLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDesignsExampleAsJson() throws IOException {
    Cli cli = Cli.run("support", "check", "--supplier", "JPN", "--receiver", "USA", "--category", "fuel", "--activity", "exercise",
        "--agreement", "USA-JPN-ACSA", "--location", "35.05,129.10", "--quantity", "100", "--value", "5000", "--currency", "USD",
        "--at", "2000-01-01", "--json");
    assertThat(cli.status()).isZero();
    JsonNode decision = JSON.readTree(cli.out());
    assertThat(decision.get("decision").asText()).isEqualTo("DENIED");
    assertThat(decision.get("agreements").get(0).asText()).isEqualTo("USA-JPN-ACSA");
    assertThat(decision.get("reasons").findValuesAsText("code")).containsExactly("AGREEMENT_IN_FORCE", "AREA_RESTRICTED", "ASSUMED_PROVISION");
    assertThat(decision.get("reasons").get(1).get("message").asText()).contains("rok-territorial-sea");
  }

  @Test
  void anExerciseOffYokosukaIsAllowedAsText() {
    Cli cli = Cli.run("support", "check", "--supplier", "JPN", "--receiver", "USA", "--category", "water", "--activity", "exercise",
        "--location", "35.28,139.67", "--at", "2018-06-04");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).startsWith("ALLOWED  water from JPN to USA in exercise at 35.28,139.67 at 2018-06-04T00:00:00Z")
        .contains("relies on: USA-JPN-ACSA");
  }

  /** An exercise edition as context: shown with the decision, which is otherwise the same; a request that does not fit it is bad input. */
  @Test
  void anExerciseEditionFramesTheRequestAndChangesNothingElse() throws IOException {
    ExerciseEdition fifth = WorldLoader.reference().findExercise("ROK-JPN-SAREX").orElseThrow().edition(5).orElseThrow();
    String during = DateSpec.format(fifth.from().plusSeconds(86_400)).substring(0, 10);
    String after = DateSpec.format(fifth.until()).substring(0, 10);
    String[] base = {"support", "check", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--activity", "exercise", "--at", during};
    Cli without = Cli.run(append(base, "--json"));
    Cli with = Cli.run(append(base, "--json", "--exercise", "ROK-JPN-SAREX:5"));
    assertThat(with.status()).isZero();
    JsonNode decision = JSON.readTree(with.out());
    assertThat(decision.get("exercise").get("id").asText()).isEqualTo("ROK-JPN-SAREX");
    assertThat(decision.get("exercise").get("edition").asInt()).isEqualTo(5);
    assertThat(decision.get("exercise").get("dates").asText()).isEqualTo(fifth.dates());
    ((com.fasterxml.jackson.databind.node.ObjectNode) decision).remove("exercise");
    assertThat(decision).isEqualTo(JSON.readTree(without.out()));
    assertThat(Cli.run(append(base, "--exercise", "ROK-JPN-SAREX:5")).out()).contains("  exercise: ROK-JPN-SAREX edition 5, " + fifth.dates());

    Cli training = Cli.run("support", "check", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--activity", "training",
        "--at", during, "--exercise", "ROK-JPN-SAREX:5");
    assertThat(training.status()).isEqualTo(2);
    assertThat(training.err()).contains("ROK-JPN-SAREX:5").contains("exercise");
    Cli outside = Cli.run("support", "check", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--activity", "exercise",
        "--at", after, "--exercise", "ROK-JPN-SAREX:5");
    assertThat(outside.status()).isEqualTo(2);
    assertThat(outside.err()).contains("outside ROK-JPN-SAREX:5");
  }

  private static String[] append(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void theRokJpnSarexOfJune2007() throws IOException {
    Cli cli = Cli.run("support", "check", "--supplier", "KOR", "--receiver", "JPN", "--category", "fuel", "--activity", "exercise",
        "--location", "33.9,127.3", "--at", "2007-06-19", "--json");
    assertThat(cli.status()).isZero();
    JsonNode decision = JSON.readTree(cli.out());
    assertThat(decision.get("decision").asText()).isEqualTo("DENIED");
    assertThat(decision.get("reasons").findValuesAsText("code")).containsExactly("NO_AGREEMENT_IN_FORCE");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "unknown category    | --category=lasers     | --location=35,129       | unknown category 'lasers' (known: food,",
    "unknown activity    | --category=fuel       | --activity=invasion     | unknown activity 'invasion' (known: exercise,",
    "latitude too large  | --category=fuel       | --location=91,129       | latitude 91.0 is out of range (-90 to 90 degrees)",
    "longitude too large | --category=fuel       | --location=35,-181      | longitude -181.0 is out of range (-180 to 180 degrees)",
    "malformed location  | --category=fuel       | --location=Busan        | malformed location 'Busan' (expected latitude,longitude",
    "negative quantity   | --category=fuel       | --quantity=-5           | quantity must not be negative: -5",
    "unknown currency    | --category=fuel       | --currency=ZZZ          | unknown currency 'ZZZ'",
    "unknown agreement   | --category=fuel       | --agreement=NO-SUCH     | unknown agreement 'NO-SUCH'",
    "not logistics       | --category=fuel       | --agreement=USA-JPN-GSOMIA-2007 | USA-JPN-GSOMIA-2007 is not a logistics agreement (it is INFORMATION)",
  })
  void badInputExitsWithTwoAndOneLine(String name, String first, String second, String message) {
    String[] args = second.startsWith("--currency")
        ? new String[] {"support", "check", "--supplier", "JPN", "--receiver", "USA", "--activity", "exercise", first, "--value", "1", second}
        : second.startsWith("--activity")
            ? new String[] {"support", "check", "--supplier", "JPN", "--receiver", "USA", first, second}
            : new String[] {"support", "check", "--supplier", "JPN", "--receiver", "USA", "--activity", "exercise", first, second};
    Cli cli = Cli.run(args);
    assertThat(cli.status()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("pactbridge: " + message).hasLineCount(1);
  }
}
