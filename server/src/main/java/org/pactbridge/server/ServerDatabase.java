package org.pactbridge.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The server's connection to its database (H2 or PostgreSQL) and the migrations of its own tables.
 * Those live beside the store's under a separate history table, so either can evolve alone. One
 * connection, used in turns (user and token look-ups are cached above this, off the hot path).
 */
public final class ServerDatabase implements AutoCloseable {
  static final String HISTORY_TABLE = "pactbridge_server_schema_history";

  private final String displayUrl;
  private final Connection connection;

  private ServerDatabase(String displayUrl, Connection connection) {
    this.displayUrl = displayUrl;
    this.connection = connection;
  }

  /** Migrates the server's tables and opens the connection. Credentials may be in the URL. */
  public static ServerDatabase open(String url, String user, String password) {
    String display = displayUrl(url);
    try {
      Flyway.configure()
          .dataSource(url, user, password)
          .table(HISTORY_TABLE)
          .locations("classpath:db/server")
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new ServerException("cannot migrate the server tables in " + display + ": " + e.getClass().getSimpleName(), e);
    }
    try {
      Connection connection = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
      connection.setAutoCommit(true);
      return new ServerDatabase(display, connection);
    } catch (SQLException e) {
      throw new ServerException("cannot connect to " + display + " (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /** The URL without its query string or password, for messages. */
  static String displayUrl(String url) {
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    int semi = base.indexOf(';');
    return semi < 0 ? base : base.substring(0, semi);
  }

  public String displayUrl() {
    return displayUrl;
  }

  /** Runs {@code work} on the connection, one caller at a time. */
  synchronized <T> T with(Work<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      // The SQL state and operation only: bound values (user names, hashes) stay out of messages.
      throw new ServerException("database operation failed on " + displayUrl + " (SQL state " + e.getSQLState() + ")", e);
    }
  }

  /** Runs {@code work} in one transaction on the connection, one caller at a time: all of it commits, or none. */
  synchronized <T> T inTransaction(Work<T> work) {
    try {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ServerException("database operation failed on " + displayUrl + " (SQL state " + e.getSQLState() + ")", e);
    }
  }

  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new ServerException("cannot close " + displayUrl, e);
    }
  }
}
