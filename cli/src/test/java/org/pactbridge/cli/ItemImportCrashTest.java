package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of {@code item import}, on H2 and on PostgreSQL: a real child JVM runs
 * the command, is killed with SIGKILL at a random moment after its first batch, and is run again; after
 * the last run every item is stored exactly once, with its content, every batch is whole (its tree size
 * equals its stored items), there is one audit entry per batch and the chain verifies. After each kill
 * the same checks hold for what was stored so far.
 */
class ItemImportCrashTest {
  private static final int ITEMS = 2000;
  /** Kills per database: two by default (each costs a JVM start), more with {@code -Dpactbridge.import.kills=N}. */
  private static final int KILLS = Integer.getInteger("pactbridge.import.kills", 2);

  @TempDir Path dir;

  @Test
  void killedImportsOnH2EndWithEveryItemOnce() throws Exception {
    run("jdbc:h2:file:" + dir.resolve("db").resolve("pactbridge"));
  }

  @Test
  void killedImportsOnPostgresEndWithEveryItemOnce() throws Exception {
    String db = ImportFixtures.newSchema("itemcrash");
    try {
      run(db);
    } finally {
      ImportFixtures.dropSchema(db);
    }
  }

  private void run(String db) throws Exception {
    Path keys = dir.resolve("keys");
    Path file = ImportFixtures.lines(dir.resolve("items.jsonl"), ITEMS, 300);
    String[] command = ImportFixtures.with(db, keys, "item", "import", file.toString(), "--batch", "100");
    // the store is made (and migrated) first, so that every kill lands in the import itself
    assertThat(Cli.run(ImportFixtures.with(db, keys, "audit", "verify")).status()).isZero();
    Random random = new Random();
    List<Long> countsAfterKills = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), Main.class.getName()));
      java.addAll(List.of(command));
      Process child = new ProcessBuilder(java).redirectErrorStream(true).start();
      boolean sawProgress = false;
      try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          if (line.startsWith("importing: ")) {
            sawProgress = true;
            break;
          }
        }
        Thread.sleep(random.nextInt(700));
        Process killer = new ProcessBuilder("kill", "-9", String.valueOf(child.pid())).start();
        assertThat(killer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(sawProgress).as("the child imported a first batch before it was killed").isTrue();
      long stored = ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item");
      countsAfterKills.add(stored);
      assertWhole(db, keys);
      if (stored == ITEMS) {
        break;
      }
    }
    assertThat(countsAfterKills).as("at least one kill landed before the end: %s", countsAfterKills).anyMatch(count -> count < ITEMS);
    Cli last = Cli.run(command);
    assertThat(last.status()).as(last.err()).isZero();
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item")).isEqualTo(ITEMS);
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(DISTINCT content_sha256) FROM item")).isEqualTo(ITEMS);
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item_content")).isEqualTo(ITEMS);
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item_title")).isEqualTo((ITEMS + 2) / 3);
    assertWhole(db, keys);
    Cli verified = Cli.run(ImportFixtures.with(db, keys, "audit", "verify"));
    assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
    Cli again = Cli.run(command);
    assertThat(again.out()).startsWith("imported 0 items, skipped " + ITEMS + " already stored");
  }

  /** Every batch row has all of its items, content rows match items, and one audit entry per batch. */
  private static void assertWhole(String db, Path keys) throws Exception {
    assertThat(ImportFixtures.count(db, keys,
        "SELECT COUNT(*) FROM item_batch b WHERE b.tree_size <> (SELECT COUNT(*) FROM item i WHERE i.batch_id = b.id)")).isZero();
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item i WHERE NOT EXISTS (SELECT 1 FROM item_content c WHERE c.item_id = i.id)"))
        .isZero();
    assertThat(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM audit_entry WHERE kind = 'ITEM_BATCH_IMPORTED'"))
        .isEqualTo(ImportFixtures.count(db, keys, "SELECT COUNT(*) FROM item_batch"));
  }
}
