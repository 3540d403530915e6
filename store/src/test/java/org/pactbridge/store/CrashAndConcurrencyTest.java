package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.Verification;

/**
 * A writer killed with {@code kill -9} in the middle of batch imports leaves whole batches only and a
 * chain that verifies, on H2 and on PostgreSQL; two processes appending to one PostgreSQL at once keep
 * one chain with no fork and no gap. The writers are real child JVMs.
 */
class CrashAndConcurrencyTest {
  @TempDir Path dir;

  private static Process spawn(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreWorker.class.getName()));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static void awaitLine(BufferedReader lines, String wanted) throws IOException {
    StringBuilder transcript = new StringBuilder();
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.equals(wanted)) {
        return;
      }
      transcript.append(line).append('\n');
    }
    throw new AssertionError("the worker ended before '" + wanted + "':\n" + transcript);
  }

  /** Reads the child's lines until {@code committed} batches are reported, then kills it with SIGKILL. */
  private static int killAfter(Process child, int committed) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    int seen = 0;
    StringBuilder transcript = new StringBuilder();
    String line;
    while ((line = out.readLine()) != null) {
      transcript.append(line).append('\n');
      if (line.startsWith("committed ")) {
        seen = Integer.parseInt(line.substring("committed ".length()));
        if (seen >= committed) {
          break;
        }
      }
    }
    assertThat(seen).as("the worker's output:\n%s", transcript).isGreaterThanOrEqualTo(committed);
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no rollback by the JVM
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
    return seen;
  }

  private void assertWholeBatchesAndAValidChain(StoreConfig config, int committedAtLeast) throws Exception {
    try (Store store = Store.open(config)) {
      Verification verification = store.audit().verify();
      assertThat(verification.ok()).as(verification.toString()).isTrue();
      long items = store.items().count();
      assertThat(items % StoreWorker.BATCH).as("items %d: a batch was half-written", items).isZero();
      assertThat(items).isGreaterThanOrEqualTo((long) committedAtLeast * StoreWorker.BATCH);
      try (Connection connection = TestDatabases.connect(config);
          PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE kind = 'ITEMS_IMPORTED'");
          ResultSet row = select.executeQuery()) {
        row.next();
        assertThat(row.getLong(1) * StoreWorker.BATCH).as("one audit entry per batch, with the batch").isEqualTo(items);
      }
    }
  }

  @Test
  void killNineDuringBatchImportsOnH2() throws Exception {
    StoreConfig config = TestDatabases.h2(dir);
    Store.open(config).close();
    Process child = spawn("items", config.jdbcUrl(), "-", config.keyDir().toString(), "1000000", "KOR");
    int committed = killAfter(child, 3);
    assertWholeBatchesAndAValidChain(config, committed);
  }

  @Test
  void killNineDuringBatchImportsOnPostgres() throws Exception {
    StoreConfig config = TestDatabases.postgres(dir, "crash");
    try {
      Store.open(config).close();
      Process child = spawn("items", TestDatabases.PG_URL, config.schema(), config.keyDir().toString(), "1000000", "KOR");
      int committed = killAfter(child, 3);
      assertWholeBatchesAndAValidChain(config, committed);
    } finally {
      TestDatabases.dropSchema(config.schema());
    }
  }

  @Test
  void twoProcessesAppendingToOnePostgresKeepOneChain() throws Exception {
    StoreConfig config = TestDatabases.postgres(dir, "twoproc");
    int perWorker = 500;
    try {
      Store.open(config).close();
      Process first = spawn("append", TestDatabases.PG_URL, config.schema(), config.keyDir().toString(), String.valueOf(perWorker), "first");
      Process second = spawn("append", TestDatabases.PG_URL, config.schema(), config.keyDir().toString(), String.valueOf(perWorker), "second");
      BufferedReader firstLines = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
      BufferedReader secondLines = new BufferedReader(new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
      awaitLine(firstLines, "open");
      awaitLine(secondLines, "open");
      for (Process worker : List.of(first, second)) {
        worker.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
        worker.getOutputStream().flush();
      }
      String firstOut = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String secondOut = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(first.waitFor()).as(firstOut).isZero();
      assertThat(second.waitFor()).as(secondOut).isZero();
      try (Store store = Store.open(config)) {
        Verification verification = store.audit().verify();
        // every append is a commit of its own and ends in its signed head, whichever writer made it
        assertThat(verification).isEqualTo(new Verification.Intact(2L * perWorker, 2L * perWorker, store.audit().head().hashHex(), 2 * perWorker));
        try (Connection connection = TestDatabases.connect(config);
            PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT seq), MIN(seq), MAX(seq) FROM audit_entry WHERE kind = 'WORKER_EVENT'");
            ResultSet row = select.executeQuery()) {
          row.next();
          assertThat(row.getLong(1)).isEqualTo(2L * perWorker);
          assertThat(row.getLong(2)).isEqualTo(2L * perWorker);
          assertThat(row.getLong(3)).isEqualTo(1);
          assertThat(row.getLong(4)).isEqualTo(2L * perWorker);
        }
        // the two writers really wrote at the same time: their entries interleave
        List<String> actors = store.audit().entries(1, 2 * perWorker).stream().map(entry -> entry.event().actor().userName()).toList();
        long switches = java.util.stream.IntStream.range(1, actors.size()).filter(i -> !actors.get(i).equals(actors.get(i - 1))).count();
        assertThat(switches).as("writer switches in %s", actors).isGreaterThan(1);
      }
    } finally {
      TestDatabases.dropSchema(config.schema());
    }
  }
}
