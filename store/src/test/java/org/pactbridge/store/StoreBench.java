package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * The store benchmark (docs/store.md). Not part of the default build: its name does not match the test
 * patterns, so it runs only when asked for:
 *
 * <pre>
 * mvn -o -q -pl store -am test -Dtest=StoreBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench.items=1000000 -Dbench.appends=20000 -Dbench.db=both
 * </pre>
 *
 * Measures, on H2 (a file in a temporary folder) and PostgreSQL (a schema of its own, dropped after):
 * bulk import of {@code bench.items} items in batches of {@code bench.batch} (each item signed with
 * Ed25519 on all cores, its content encrypted with AES-GCM under a fresh data key, one transaction and one audit entry
 * per batch); {@code bench.appends} audit appends, each its own transaction; and a full verification of
 * the chain. Wall-clock figures for one run: a measurement, not a test (it asserts only that the chain
 * verifies).
 */
public class StoreBench {
  private static final int ITEMS = Integer.getInteger("bench.items", 100_000);
  private static final int APPENDS = Integer.getInteger("bench.appends", 20_000);
  private static final int BATCH = Integer.getInteger("bench.batch", 1_000);
  private static final String DB = System.getProperty("bench.db", "both");

  /** Runs the bench outside Maven: {@code java -cp <test class path> -Dbench.items=… org.pactbridge.store.StoreBench}. */
  public static void main(String[] args) throws Exception {
    new StoreBench().run();
  }

  @Test
  void run() throws Exception {
    Path dir = Files.createTempDirectory("pactbridge-bench");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "store bench: %d items in batches of %d, %d audit appends; %d cores, Java %s",
        ITEMS, BATCH, APPENDS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
    if (DB.equals("h2") || DB.equals("both")) {
      lines.addAll(measure("H2", TestDatabases.h2(dir.resolve("h2"))));
    }
    if (DB.equals("pg") || DB.equals("both")) {
      StoreConfig pg = TestDatabases.postgres(dir.resolve("pg"), "bench");
      try {
        lines.addAll(measure("PostgreSQL", pg));
      } finally {
        TestDatabases.dropSchema(pg.schema());
      }
    }
    for (String line : lines) {
      System.out.println(line);
    }
    try (var files = Files.walk(dir)) {
      for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", "store-bench.txt"), lines, StandardCharsets.UTF_8);
  }

  private static List<String> measure(String name, StoreConfig config) {
    List<String> lines = new ArrayList<>();
    try (Store store = Store.open(config)) {
      PartyCode kor = PartyCode.of("KOR");
      Level level = new Level(kor, "II", 2, null, null, List.of());
      var draft = new JdbcItemRepository.Draft(List.of(kor), level, Releasability.relTo(List.of("USA", "JPN")), false,
          Set.of(Topic.of("dprk-missile")), null, "//KOR II//REL TO USA, JPN");
      byte[] filler = new byte[512];
      long start = System.nanoTime();
      for (int done = 0; done < ITEMS; done += BATCH) {
        int size = Math.min(BATCH, ITEMS - done);
        List<JdbcItemRepository.NewItem> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          byte[] content = filler.clone();
          int n = done + i;
          content[0] = (byte) n;
          content[1] = (byte) (n >> 8);
          content[2] = (byte) (n >> 16);
          batch.add(new JdbcItemRepository.NewItem(draft, content));
        }
        store.items().registerAll(batch, Instant.now(), AuditActor.localOperator("bench"));
        if ((done + size) % Math.max(BATCH, ITEMS / 10 / BATCH * BATCH) == 0) {
          System.err.printf(Locale.ROOT, "%s: %,d of %,d items, %.0f s%n", name, done + size, ITEMS, (System.nanoTime() - start) / 1e9);
        }
      }
      double importSeconds = (System.nanoTime() - start) / 1e9;
      lines.add(String.format(Locale.ROOT, "%-10s bulk import   %,10d items   %8.1f s   %,9.0f items/s", name, ITEMS, importSeconds, ITEMS / importSeconds));

      // the floor of an append since format v2: every commit signs its head (Ed25519, the JDK's)
      int signs = Math.min(APPENDS, 1000);
      byte[] message = "pactbridge-checkpoint-v1\nseq=1\nhash=00\nat=2026-01-05T00:00:00Z\n".getBytes(StandardCharsets.UTF_8);
      start = System.nanoTime();
      for (int i = 0; i < signs; i++) {
        store.keys().sign(message);
      }
      double signSeconds = (System.nanoTime() - start) / 1e9;
      lines.add(String.format(Locale.ROOT, "%-10s Ed25519 sign  %,10d signs   %8.1f s   %,9.0f signs/s", name, signs, signSeconds, signs / signSeconds));

      start = System.nanoTime();
      for (int i = 0; i < APPENDS; i++) {
        store.audit().append(AuditEvent.of(Instant.now(), "BENCH_EVENT", AuditActor.localOperator("bench"), "subject-" + i, "n", String.valueOf(i)));
      }
      double appendSeconds = (System.nanoTime() - start) / 1e9;
      lines.add(String.format(Locale.ROOT, "%-10s audit append  %,10d entries %8.1f s   %,9.0f appends/s", name, APPENDS, appendSeconds,
          APPENDS / appendSeconds));

      start = System.nanoTime();
      Verification verification = store.audit().verify();
      double verifySeconds = (System.nanoTime() - start) / 1e9;
      if (!(verification instanceof Verification.Intact intact)) {
        throw new AssertionError("the chain does not verify after the bench: " + verification);
      }
      lines.add(String.format(Locale.ROOT, "%-10s verify        %,10d entries %8.1f s   %,9.0f entries/s", name, intact.entries(), verifySeconds,
          intact.entries() / verifySeconds));
    }
    return lines;
  }
}
