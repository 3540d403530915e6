package org.pactbridge.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.pactbridge.store.StoreConfig;

/**
 * The stores the use cases are tested on, as the store's own tests make them: a fresh H2 file in a
 * temporary folder, or a fresh schema in the real PostgreSQL at {@code pactbridge.test.pg.url}.
 * PostgreSQL being unreachable fails the test loudly: it is never skipped.
 */
final class ServiceDatabases {
  static final String PG_URL = System.getProperty("pactbridge.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test");

  private ServiceDatabases() {}

  static StoreConfig h2(Path dir) {
    return StoreConfig.h2(dir.resolve("db").resolve("pactbridge"), dir.resolve("keys"));
  }

  /** A schema of its own, dropped first in case a crashed run left it; {@link #drop} it after. */
  static StoreConfig postgres(Path dir) {
    String schema = ("service_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT).replace('-', '_');
    drop(schema);
    return StoreConfig.of(PG_URL, dir.resolve("keys")).withSchema(schema);
  }

  static void drop(String schema) {
    try (Connection connection = DriverManager.getConnection(PG_URL, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new AssertionError("PostgreSQL at " + PG_URL + " is unreachable (" + e.getMessage()
          + "): the service's database tests need it; start it rather than skip", e);
    }
  }
}
