package org.pactbridge.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The databases the tests run on: a fresh H2 file in a temporary folder, or a fresh schema in the real
 * PostgreSQL at {@code pactbridge.test.pg.url} (127.0.0.1:5432/test by default). PostgreSQL being
 * unreachable fails the test loudly: it is never skipped. Public for the service module's tests, which
 * run on the same two.
 */
public final class TestDatabases {
  static final String PG_URL = System.getProperty("pactbridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private TestDatabases() {}

  public static StoreConfig h2(Path dir) {
    return StoreConfig.h2(dir.resolve("db").resolve("pactbridge"), dir.resolve("keys"));
  }

  /** A schema of its own for one test, dropped first in case a crashed run left it. */
  public static StoreConfig postgres(Path dir, String prefix) {
    String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    dropSchema(schema);
    return StoreConfig.of(PG_URL, dir.resolve("keys")).withSchema(schema);
  }

  public static void dropSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + PG_URL + " is unreachable (" + e.getMessage()
          + "): the store's database tests need it; start it (.ci/run does) rather than skip", e);
    }
  }

  /** Runs SQL directly against the store's database, as a tamperer would. */
  static void sql(StoreConfig config, String... statements) {
    try (Connection connection = Store.connect(config); Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new AssertionError("SQL failed: " + e.getMessage(), e);
    }
  }

  /**
   * Runs SQL as the database's owner who first turns off the audit tables' append-only triggers, as a
   * tamperer with that power would: dropping them on H2 (which cannot disable a trigger), disabling them
   * on PostgreSQL. What verification catches after this is what it catches from the owner.
   */
  static void tamper(StoreConfig config, String... statements) {
    String[] all = new String[statements.length + 3];
    String[] tables = {"audit_entry", "audit_checkpoint", "audit_head"};
    for (int i = 0; i < tables.length; i++) {
      all[i] = config.isPostgres() ? "ALTER TABLE " + tables[i] + " DISABLE TRIGGER USER"
          : "DROP TRIGGER IF EXISTS " + (tables[i].equals("audit_head") ? "audit_head_fixed" : tables[i] + "_append_only");
    }
    System.arraycopy(statements, 0, all, 3, statements.length);
    sql(config, all);
  }

  static Connection connect(StoreConfig config) {
    return Store.connect(config);
  }
}
