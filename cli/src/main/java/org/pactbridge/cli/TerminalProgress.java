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

  /**
   * The progress of an import of items: on a terminal one line rewritten in place at most four times a
   * second ({@code importing: 120,000 items, 31,000 items/s, 41%, 0:25 left}); otherwise plain lines, at
   * most one a second (the first batch always gets one), so a log or a supervising process sees it move.
   * The time left is estimated from the share of the input read ({@code done} of {@code total} units:
   * bytes of a file, archives of a folder).
   */
  static ItemCounter items(PrintWriter err, boolean terminal, long total) {
    return new ItemCounter(err, terminal, total);
  }

  /** See {@link #items}. */
  static final class ItemCounter {
    private final PrintWriter err;
    private final boolean terminal;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown = Long.MIN_VALUE;
    private int width;

    private ItemCounter(PrintWriter err, boolean terminal, long total) {
      this.err = err;
      this.terminal = terminal;
      this.total = total;
    }

    /** {@code items} stored or skipped so far, {@code done} units of the input read. */
    void update(long items, long done) {
      long now = System.nanoTime();
      long interval = terminal ? 250_000_000L : 1_000_000_000L;
      if (lastShown != Long.MIN_VALUE && now - lastShown < interval) {
        return;
      }
      lastShown = now;
      double seconds = Math.max(1e-3, (now - started) / 1e9);
      long rate = Math.round(items / seconds);
      StringBuilder line = new StringBuilder(terminal ? String.format(java.util.Locale.ROOT, "importing: %,d items, %,d items/s", items, rate)
          : String.format(java.util.Locale.ROOT, "importing: %d items, %d items/s", items, rate));
      if (total > 0 && done > 0) {
        long left = Math.round(seconds * (total - done) / done);
        line.append(String.format(java.util.Locale.ROOT, ", %d%%, %d:%02d left", Math.min(100, done * 100 / total), left / 60, left % 60));
      }
      if (terminal) {
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        width = line.length();
      } else {
        err.println(line);
      }
      err.flush();
    }

    /** Ends the line in place on a terminal. */
    void done() {
      if (terminal && width > 0) {
        err.println();
        err.flush();
      }
    }
  }
}
