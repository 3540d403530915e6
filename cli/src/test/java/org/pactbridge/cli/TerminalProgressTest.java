package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.store.MigrationProgress;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;

/** The migration progress line: rewritten in place on a terminal, ended once; nothing at all off a terminal. */
class TerminalProgressTest {
  @Test
  void onATerminalEachMigrationRewritesTheLineAndTheEndClosesIt(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    Store.open(StoreConfig.h2(dir.resolve("db").resolve("pactbridge"), dir.resolve("keys")),
        TerminalProgress.migrations(new PrintWriter(err), true)).close();
    String printed = err.toString();
    assertThat(printed).startsWith("\rmigrating the store: 1/").contains("(V1 registry items audit)").containsPattern("\\rmigrating the store: \\d+ migrations applied *\n$");
    // one line on the terminal: carriage returns between the steps, a single newline at the end
    assertThat(printed.chars().filter(c -> c == '\n').count()).isEqualTo(1);
    assertThat(printed.split("\r", -1)).hasSizeGreaterThan(3);
    assertThat(printed).contains("\rmigrating the store: 2/");
  }

  @Test
  void offATerminalThereIsNoProgress() {
    assertThat(TerminalProgress.migrations(new PrintWriter(new StringWriter()), false)).isSameAs(MigrationProgress.NONE);
  }
}
