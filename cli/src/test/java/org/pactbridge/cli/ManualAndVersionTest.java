package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code help COMMAND} gives a manual page, {@code --version} says what was built, {@code --verbose} is taken everywhere. */
class ManualAndVersionTest {
  @ParameterizedTest
  @ValueSource(strings = {"check", "serve", "import", "item add", "audit verify", "marking parse", "support check"})
  void everyCommandHasAManualPage(String command) {
    Cli cli = Cli.run(("help " + command).split(" "));
    assertThat(cli.status()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(cli.out()).startsWith("NAME\n    pactbridge " + command + " - ")
        .contains("\n\nSYNOPSIS\n    pactbridge " + command, "\n\nOPTIONS\n", "\n\nEXIT STATUS\n    0   ", "\n\nENVIRONMENT\n",
            "\n\nSEE ALSO\n");
  }

  @Test
  void theManualSaysWhatAnExitStatusOfOneMeansForAuditVerify() {
    assertThat(Cli.run("help", "audit", "verify").out())
        .contains("    1   the audit chain did not verify; the line names the first altered, missing or reordered entry\n"
            + "    1   an unexpected failure");
  }

  @Test
  void theRootManualListsTheCommandsAndPointsAtTheirPages() {
    Cli cli = Cli.run("help");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).startsWith("NAME\n    pactbridge - ").contains("\nCOMMANDS\n", "    pactbridge help check\n");
  }

  @Test
  void anUnknownCommandIsBadInputNamingTheKnownOnes() {
    Cli cli = Cli.run("help", "chekc");
    assertThat(cli.status()).isEqualTo(Main.BAD_INPUT);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err()).startsWith("pactbridge: help: unknown command 'chekc' (known: check, agreements, ");
  }

  @Test
  void versionGivesVersionCommitAndBuildDate() {
    Cli cli = Cli.run("--version");
    assertThat(cli.status()).isZero();
    assertThat(cli.out()).matches("pactbridge \\S+ \\(commit \\S+, built \\S+\\)\n");
  }

  @Test
  void verboseIsAnOptionOfEveryCommandAndChangesNoAnswer() {
    Cli quiet = Cli.run("check", "--originator", "KOR", "--level", "II", "--to", "JPN", "--at", "2017-01-05");
    Cli verbose = Cli.run("check", "--verbose", "--originator", "KOR", "--level", "II", "--to", "JPN", "--at", "2017-01-05");
    assertThat(verbose.status()).isZero();
    assertThat(verbose.out()).isEqualTo(quiet.out());
    assertThat(Cli.run("marking", "parse", "-v", "SECRET").status()).isZero();
  }
}
