package org.pactbridge.cli;

import java.io.PrintWriter;
import org.pactbridge.store.MigrationProgress;

/**
 * Progress lines for long steps, on standard error and only on a terminal: one line rewritten in place
 * ({@code \r}), ended when the step is done. Piped or captured output gets none, so standard output
 * stays the command's answer alone.
 */
final class TerminalProgress {
  private TerminalProgress() {}

  /** Whether the command runs on a terminal (Java 17: both standard input and output are one). */
  static boolean onTerminal() {
    return System.console() != null;
  }

  /** Schema migrations as the store opens: {@code migrating the store: 2/3 (V2 logistics terms)}. */
  static MigrationProgress migrations(PrintWriter err) {
    return migrations(err, onTerminal());
  }

  /** As {@link #migrations(PrintWriter)}, told whether there is a terminal (the tests have none). */
  static MigrationProgress migrations(PrintWriter err, boolean terminal) {
    if (!terminal) {
      return MigrationProgress.NONE;
    }
    return new MigrationProgress() {
      private int width;

      @Override
      public void starting(int index, int total, String version, String description) {
        String line = String.format("migrating the store: %d/%d (V%s %s)", index, total, version, description);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
        err.flush();
      }

      @Override
      public void finished(int applied) {
        String line = String.format("migrating the store: %d migration%s applied", applied, applied == 1 ? "" : "s");
        err.println("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
      }
    };
  }
}
