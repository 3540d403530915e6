package org.pactbridge.bench.importload;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.store.PgCopyBinary;

/**
 * Issue 22's import load: {@code pactbridge item import} of N items of 1 KiB (a real process, the
 * release jar, JSON Lines in, its own {@code --json} seconds out) beside its floor measured in the same
 * run, the same number of rows of the same shape and sizes written without parsing, signing, sealing,
 * the duplicate check or the audit: a bare {@code COPY … (FORMAT binary)} on PostgreSQL, bare batched
 * inserts on H2, 1,000 rows a transaction, as the import's batches.
 *
 * <p>The floor's rows go into the store's own tables (a store made by the same jar's migrations, so the
 * same keys, index and foreign keys): per 1,000, the batch row, then the item rows with the same text
 * values and an inclusion proof of 10 hashes, and the content rows with random bytes of the import's sizes
 * (12-byte IVs, a 48-byte wrapped key, the 1 KiB content plus the 16-byte GCM tag). No audit entry.
 *
 * <pre>
 * bench/import-load.sh [ITEMS] [pg|h2|both]
 * </pre>
 */
public final class ImportLoad {
  private static final String PG = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final int BATCH = 1000;
  private static final int SIZE = 1024;

  private ImportLoad() {}

  public static void main(String[] args) throws Exception {
    int items = Integer.parseInt(arg(args, "--items", "100000"));
    String which = arg(args, "--db", "both");
    Path cli = Path.of(arg(args, "--cli", "cli/target/pactbridge.jar"));
    Path dir = Files.createDirectories(Path.of(arg(args, "--dir", "bench/target/import")));
    Path lines = dir.resolve("items-" + items + ".jsonl");
    if (!Files.exists(lines)) {
      write(lines, items);
    }
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "%-11s %-34s %10s %9s %12s %8s", "database", "workload", "items", "seconds", "rate/s", "ratio"));
    if (!which.equals("h2")) {
      String floorSchema = schema("floor");
      run(List.of(java(), "-jar", cli.toString(), "audit", "verify", "--db", PG + "?currentSchema=" + floorSchema, "--keys",
          dir.resolve("keys-floor-" + floorSchema).toString()));
      double floor = pgFloor(floorSchema, items);
      report.add(row("PostgreSQL", "bare COPY (FORMAT binary), floor", items, floor, floor));
      for (String mode : List.of("PRECHECK", "STAGING")) {
        String schema = schema("import");
        double seconds = importRun(cli, PG + "?currentSchema=" + schema, dir.resolve("keys-" + schema), lines, mode);
        report.add(row("PostgreSQL", "item import --pg-dedup " + mode, items, seconds, floor));
        drop(schema);
      }
      drop(floorSchema);
    }
    if (!which.equals("pg")) {
      Path floorFile = dir.resolve("floor-" + UUID.randomUUID().toString().substring(0, 8));
      Path floorKeys = dir.resolve("keys-" + floorFile.getFileName());
      run(List.of(java(), "-jar", cli.toString(), "audit", "verify", "--db", "jdbc:h2:file:" + floorFile.toAbsolutePath(), "--keys", floorKeys.toString()));
      double floor = h2Floor(floorFile, Files.readString(floorKeys.resolve("h2.password")).strip(), items);
      report.add(row("H2", "bare batched inserts, floor", items, floor, floor));
      Path importFile = dir.resolve("import-" + UUID.randomUUID().toString().substring(0, 8));
      double seconds = importRun(cli, "jdbc:h2:file:" + importFile.toAbsolutePath(), dir.resolve("keys-h2-" + importFile.getFileName()), lines, "PRECHECK");
      report.add(row("H2", "item import", items, seconds, floor));
    }
    report.forEach(System.out::println);
  }

  private static String row(String db, String workload, int items, double seconds, double floorSeconds) {
    return String.format(Locale.ROOT, "%-11s %-34s %,10d %9.1f %,12d %7.2fx", db, workload, items, seconds, Math.round(items / seconds),
        floorSeconds / seconds);
  }

  private static String arg(String[] args, String name, String otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }

  /** The JSON Lines: every other item with an id, the others known by their content; 1 KiB of random content each. */
  private static void write(Path file, int items) throws IOException {
    Random random = new Random(22);
    byte[] content = new byte[SIZE];
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < items; i++) {
        random.nextBytes(content);
        out.write("{");
        if (i % 2 == 0) {
          out.write("\"id\": \"" + new UUID(random.nextLong(), random.nextLong()) + "\", ");
        }
        out.write("\"marking\": \"//KOR II//REL TO USA, JPN\", \"topics\": [\"dprk-missile\"], \"content\": \"");
        out.write(Base64.getEncoder().encodeToString(content));
        out.write("\"}\n");
      }
    }
  }

  /** Runs the release jar's {@code item import} on a store made (migrated) beforehand; returns the command's own seconds. */
  private static double importRun(Path cli, String db, Path keys, Path lines, String mode) throws Exception {
    run(List.of(java(), "-jar", cli.toString(), "audit", "verify", "--db", db, "--keys", keys.toString()));
    String out = run(List.of(java(), "-jar", cli.toString(), "item", "import", lines.toString(), "--db", db, "--keys", keys.toString(), "--json",
        "--pg-dedup", mode));
    Matcher seconds = Pattern.compile("\"seconds\":([0-9.]+)").matcher(out);
    if (!seconds.find()) {
      throw new IllegalStateException("no summary from item import: " + out);
    }
    return Double.parseDouble(seconds.group(1));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    StringBuilder out = new StringBuilder();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        out.append(line).append('\n');
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out.toString();
  }

  private static final String ITEM_COLUMNS = "id, originators, level_party, level_code, releasability, rel_to, orcon, topics, created,"
      + " declassify_on, marking, content_sha256, signature, signer_key, batch_id, leaf_index, inclusion_proof";
  private static final String CONTENT_COLUMNS = "item_id, master_key_id, key_iv, wrapped_key, content_iv, ciphertext";

  /** One floor row's values, made before the clock starts. */
  private record Row(String id, String hash, String batch, int leaf, byte[] proof, byte[] keyIv, byte[] wrapped, byte[] iv, byte[] ciphertext) {}

  private static List<Row> rows(int from, int count, Random random) {
    List<Row> rows = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] proof = new byte[320];
      byte[] keyIv = new byte[12];
      byte[] wrapped = new byte[48];
      byte[] iv = new byte[12];
      byte[] ciphertext = new byte[SIZE + 16];
      random.nextBytes(proof);
      random.nextBytes(ciphertext);
      rows.add(new Row(UUID.randomUUID().toString(), String.format("%064x", from + i), "batch-" + (from / BATCH), i, proof, keyIv, wrapped, iv, ciphertext));
    }
    return rows;
  }

  private static final Instant CREATED = Instant.parse("2026-12-03T12:00:00Z");
  private static final String KEY = "MCowBQYDK2VwAyEA" + "x".repeat(44);

  /** A bare COPY of the rows, one transaction per 1,000; returns the seconds. Rows are made outside the clock. */
  private static double pgFloor(String schema, int items) throws SQLException {
    try (Connection connection = DriverManager.getConnection(PG + "?currentSchema=" + schema, "postgres", null)) {
      connection.setAutoCommit(false);
      Random random = new Random(7);
      long nanos = 0;
      for (int from = 0; from < items; from += BATCH) {
        List<Row> rows = rows(from, Math.min(BATCH, items - from), random);
        long start = System.nanoTime();
        batchRow(connection, rows);
        PgCopyBinary item = new PgCopyBinary(rows.size() * 700);
        PgCopyBinary content = new PgCopyBinary(rows.size() * 1200);
        for (Row row : rows) {
          item.row(17).text(row.id()).text("KOR").text("KOR").text("II").text("REL_TO").text("USA\nJPN").bool(false).text("dprk-missile")
              .timestamptz(CREATED).nul().text("//KOR II//REL TO USA, JPN").text(row.hash()).text("").text(KEY).text(row.batch())
              .int4(row.leaf()).bytes(row.proof());
          content.row(6).text(row.id()).text("0123456789abcdef").bytes(row.keyIv()).bytes(row.wrapped()).bytes(row.iv()).bytes(row.ciphertext());
        }
        item.copyInto(connection, "item", ITEM_COLUMNS);
        content.copyInto(connection, "item_content", CONTENT_COLUMNS);
        connection.commit();
        nanos += System.nanoTime() - start;
      }
      return nanos / 1e9;
    }
  }

  /** Bare batched inserts of the rows into an H2 file opened as the store opens it (WRITE_DELAY=0), one transaction per 1,000. */
  private static double h2Floor(Path file, String password, int items) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0", "sa", password)) {
      connection.setAutoCommit(false);
      Random random = new Random(7);
      long nanos = 0;
      try (PreparedStatement item = connection.prepareStatement("INSERT INTO item (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
          PreparedStatement content = connection.prepareStatement("INSERT INTO item_content (" + CONTENT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int from = 0; from < items; from += BATCH) {
          List<Row> rows = rows(from, Math.min(BATCH, items - from), random);
          long start = System.nanoTime();
          batchRow(connection, rows);
          for (Row row : rows) {
            Object[] values = {row.id(), "KOR", "KOR", "II", "REL_TO", "USA\nJPN", false, "dprk-missile", OffsetDateTime.ofInstant(CREATED, ZoneOffset.UTC),
              null, "//KOR II//REL TO USA, JPN", row.hash(), "", KEY, row.batch(), row.leaf(), row.proof()};
            for (int i = 0; i < values.length; i++) {
              if (values[i] == null) {
                item.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
              } else {
                item.setObject(i + 1, values[i]);
              }
            }
            item.addBatch();
            content.setString(1, row.id());
            content.setString(2, "0123456789abcdef");
            content.setBytes(3, row.keyIv());
            content.setBytes(4, row.wrapped());
            content.setBytes(5, row.iv());
            content.setBytes(6, row.ciphertext());
            content.addBatch();
          }
          item.executeBatch();
          content.executeBatch();
          connection.commit();
          nanos += System.nanoTime() - start;
        }
      }
      return nanos / 1e9;
    }
  }

  /** The batch row the items name (the store's foreign key), as bare as the rest. */
  private static void batchRow(Connection connection, List<Row> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO item_batch (id, created, tree_size, root, signature, signer_key) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, rows.get(0).batch());
      insert.setObject(2, OffsetDateTime.ofInstant(CREATED, ZoneOffset.UTC));
      insert.setInt(3, rows.size());
      insert.setString(4, "0".repeat(64));
      insert.setString(5, "s".repeat(88));
      insert.setString(6, KEY);
      insert.executeUpdate();
    }
  }

  private static String schema(String prefix) throws SQLException {
    String schema = "bench_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = DriverManager.getConnection(PG, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return schema;
  }

  private static void drop(String schema) throws SQLException {
    try (Connection connection = DriverManager.getConnection(PG, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }
}
