package org.pactbridge.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/** JSON Lines of items for the import tests, and the databases' row counts read directly. */
final class ImportFixtures {
  static final String KAS = "https://kor.example/kas";
  static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

  private ImportFixtures() {}

  static String[] with(String db, Path keys, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--db";
    all[args.length + 1] = db;
    all[args.length + 2] = "--keys";
    all[args.length + 3] = keys.toString();
    return all;
  }

  /**
   * {@code count} items of {@code size} bytes (0: a short text), seeded so that the same call writes the
   * same file: every other one with an id, every third with a title, the rest known by their content.
   */
  static Path lines(Path file, int count, int size) throws IOException {
    Random random = new Random(count * 31L + size);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        byte[] content;
        if (size == 0) {
          content = ("report " + i + " of " + count + ": " + ItemImportCommandContract.SECRET).getBytes(StandardCharsets.UTF_8);
        } else {
          content = new byte[size];
          random.nextBytes(content);
        }
        StringBuilder line = new StringBuilder("{");
        if (i % 2 == 0) {
          line.append("\"id\": \"").append(new UUID(random.nextLong(), random.nextLong())).append("\", ");
        }
        line.append("\"marking\": \"//KOR II//REL TO USA, JPN\", \"topics\": [\"dprk-missile\"], ");
        if (i % 3 == 0) {
          line.append("\"title\": \"Sohae pad ").append(i).append("\", ");
        }
        line.append("\"content\": \"").append(Base64.getEncoder().encodeToString(content)).append("\"}");
        out.write(line.toString());
        out.newLine();
      }
    }
    return file;
  }

  /** A fresh schema on the test PostgreSQL, as a {@code --db} URL. */
  static String newSchema(String prefix) throws SQLException {
    String schema = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    try (Connection connection = DriverManager.getConnection(PG, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return PG + "?currentSchema=" + schema;
  }

  static void dropSchema(String db) throws SQLException {
    String schema = db.substring(db.indexOf("currentSchema=") + "currentSchema=".length());
    try (Connection connection = DriverManager.getConnection(PG, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  /** A count read straight from the database (H2 with its generated password from the key folder), while no command holds it. */
  static long count(String db, Path keys, String sql) throws Exception {
    Connection connection = db.startsWith("jdbc:h2:")
        ? DriverManager.getConnection(db, "sa", Files.readString(keys.resolve("h2.password"), StandardCharsets.UTF_8).strip())
        : DriverManager.getConnection(db, "postgres", null);
    try (connection; Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
