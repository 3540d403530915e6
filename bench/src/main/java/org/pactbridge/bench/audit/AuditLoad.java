package org.pactbridge.bench.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;

/**
 * Load harness for the audit log on PostgreSQL (issue 22), each figure beside its floor measured in the
 * same run, alternating so that load on the machine falls on both alike:
 *
 * <ul>
 *   <li><b>appends</b>: {@code writers} threads (16) each calling {@code store.audit().append} (group
 *       commit: each call returns once its entry is committed under a signed tree head), against the
 *       floor, {@code writers} threads each on its own connection inserting the same rows (same columns,
 *       a body of the same shape and a hash) into a bare table with no index but the primary key, one
 *       committed INSERT per row (autocommit), as a durable one-row-at-a-time writer would;
 *   <li><b>verify</b>: {@code store.audit().verify()} over the whole chain just written (hash chain,
 *       Merkle tree, stored columns, signed heads), against the floor, one SELECT of the same rows and
 *       columns in seq order, streamed with a fetch size of 2,000, touching every column.
 * </ul>
 *
 * Run: {@code java -Xmx256m -cp bench/target/benchmarks.jar org.pactbridge.bench.audit.AuditLoad [URL] [seconds] [writers]}
 * (default {@code jdbc:postgresql://127.0.0.1:5432/test}, 10 s a round, 16 writers). It makes and drops
 * a schema of its own. Prints one line per round and the medians.
 */
public final class AuditLoad {
  private static final AuditActor ACTOR = AuditActor.user("u-bench", "bench", PartyCode.of("KOR"));

  private AuditLoad() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "jdbc:postgresql://127.0.0.1:5432/test";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int writers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    String schema = "auditload_" + UUID.randomUUID().toString().substring(0, 8);
    Path keys = Files.createTempDirectory("pactbridge-auditload");
    StoreConfig config = StoreConfig.of(url, keys).withSchema(schema);
    System.out.printf(Locale.ROOT, "audit load: %s, %d s a round, %d writers, load %s%n", url, seconds, writers, loadAverage());
    try (Store store = Store.open(config)) {
      try (Connection connection = connect(url, schema); Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE bench_floor (seq BIGINT PRIMARY KEY, kind VARCHAR(64) NOT NULL, subject VARCHAR(400) NOT NULL,"
            + " prev_hash VARCHAR(64) NOT NULL, body BYTEA NOT NULL, hash VARCHAR(64) NOT NULL, actor_id VARCHAR(128), actor_name VARCHAR(128),"
            + " actor_nation VARCHAR(4))");
      }
      List<Double> floors = new ArrayList<>();
      List<Double> appends = new ArrayList<>();
      AtomicLong floorSeq = new AtomicLong();
      for (int round = 1; round <= 2; round++) {
        double floor = floorInserts(url, schema, seconds, writers, floorSeq);
        double audit = auditAppends(store, seconds, writers);
        floors.add(floor);
        appends.add(audit);
        System.out.printf(Locale.ROOT, "round %d: bare INSERT %,.0f rows/s, audit append %,.0f entries/s (%.2fx), load %s%n", round, floor, audit,
            audit / floor, loadAverage());
      }
      double floor = median(floors);
      double audit = median(appends);
      System.out.printf(Locale.ROOT, "appends: audit %,.0f entries/s beside bare INSERT %,.0f rows/s: %.2fx%n", audit, floor, audit / floor);
      long entries = store.audit().head().seq();
      try (Connection connection = connect(url, schema); Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM audit_checkpoint")) {
        row.next();
        System.out.printf(Locale.ROOT, "group commit: %,d entries in %,d commits, %.1f entries a commit%n", entries, row.getLong(1),
            entries / (double) row.getLong(1));
      }
      List<Double> selects = new ArrayList<>();
      List<Double> verifies = new ArrayList<>();
      for (int round = 1; round <= 3; round++) {
        long start = System.nanoTime();
        long read = selectStream(url, schema);
        double select = read / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        Verification verification = store.audit().verify();
        double verify = entries / ((System.nanoTime() - start) / 1e9);
        if (!verification.ok() || read != entries) {
          throw new IllegalStateException("verify: " + verification + ", read " + read + " of " + entries);
        }
        selects.add(select);
        verifies.add(verify);
        System.out.printf(Locale.ROOT, "verify round %d: %,d entries, bare SELECT %,.0f rows/s, verify %,.0f entries/s (%.2fx), heap max %d MiB%n",
            round, entries, select, verify, verify / select, Runtime.getRuntime().maxMemory() >> 20);
      }
      System.out.printf(Locale.ROOT, "verify: %,.0f entries/s beside bare SELECT %,.0f rows/s: %.2fx%n", median(verifies), median(selects),
          median(verifies) / median(selects));
    } finally {
      try (Connection connection = DriverManager.getConnection(url, "postgres", null); Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  private static Connection connect(String url, String schema) throws SQLException {
    Connection connection = DriverManager.getConnection(url, "postgres", null);
    connection.setSchema(schema);
    return connection;
  }

  private static double auditAppends(Store store, int seconds, int writers) throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      threads.add(new Thread(() -> {
        for (long i = 0; !stop.get(); i++) {
          store.audit().append(AuditEvent.of(Instant.now(), "DECISION", ACTOR, "req-" + writer + "-" + i, "outcome", "PERMIT", "to", "USA"));
          done.incrementAndGet();
        }
      }));
    }
    return run(threads, stop, done, seconds);
  }

  private static double floorInserts(String url, String schema, int seconds, int writers, AtomicLong seq) throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    byte[] prev = AuditChain.genesis();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      Connection connection = connect(url, schema);
      threads.add(new Thread(() -> {
        try (connection; PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO bench_floor (seq, kind, subject, prev_hash, body, hash, actor_id, actor_name, actor_nation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (long i = 0; !stop.get(); i++) {
            long n = seq.incrementAndGet();
            // the same row the audit log writes: a body of the same shape, its hash
            AuditEntry entry = AuditChain.append(n, prev, AuditEvent.of(Instant.now(), "DECISION", ACTOR, "req-" + writer + "-" + i,
                "outcome", "PERMIT", "to", "USA"));
            insert.setLong(1, n);
            insert.setString(2, "DECISION");
            insert.setString(3, "req-" + writer + "-" + i);
            insert.setString(4, HexFormat.of().formatHex(prev));
            insert.setBytes(5, entry.body());
            insert.setString(6, entry.hashHex());
            insert.setString(7, "u-bench");
            insert.setString(8, "bench");
            insert.setString(9, "KOR");
            insert.executeUpdate();
            done.incrementAndGet();
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }));
    }
    return run(threads, stop, done, seconds);
  }

  private static double run(List<Thread> threads, AtomicBoolean stop, AtomicLong done, int seconds) throws InterruptedException {
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  /** The floor of verify: every row and column of the chain in seq order, one streamed SELECT. */
  private static long selectStream(String url, String schema) throws SQLException {
    long rows = 0;
    long bytes = 0;
    try (Connection connection = connect(url, schema)) {
      connection.setAutoCommit(false);
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT seq, kind, subject, prev_hash, body, hash, actor_id, actor_name, actor_nation FROM audit_entry ORDER BY seq")) {
        select.setFetchSize(2000);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            bytes += row.getLong(1) + row.getString(2).length() + row.getString(3).length() + row.getString(4).length() + row.getBytes(5).length
                + row.getString(6).length() + String.valueOf(row.getString(7)).length() + String.valueOf(row.getString(8)).length()
                + String.valueOf(row.getString(9)).length();
            rows++;
          }
        }
      }
      connection.commit();
    }
    if (bytes == 0 && rows > 0) {
      throw new IllegalStateException("nothing read");
    }
    return rows;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
