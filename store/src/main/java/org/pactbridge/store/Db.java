package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One JDBC connection and the transaction discipline: every piece of work runs in its own transaction,
 * committed whole or rolled back whole. Methods are synchronized, so a {@link Store} may be shared
 * between threads, which then take turns.
 */
final class Db implements AutoCloseable {
  /** Work on the connection, inside a transaction. */
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final Connection connection;
  private final List<Runnable> afterCommit = new ArrayList<>();

  Db(Connection connection) throws SQLException {
    this.connection = connection;
    connection.setAutoCommit(false);
    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
  }

  /** Runs {@code work} in one transaction; any failure rolls all of it back. */
  synchronized <T> T tx(String operation, Work<T> work) {
    return tx(operation, Connection.TRANSACTION_READ_COMMITTED, work);
  }

  /** As {@link #tx(String, Work)} at a given isolation level (a snapshot for verification). */
  synchronized <T> T tx(String operation, int isolation, Work<T> work) {
    try {
      if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
        connection.setTransactionIsolation(isolation);
      }
      afterCommit.clear();
      try {
        T result = work.run(connection);
        connection.commit();
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        actions.forEach(Runnable::run);
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        afterCommit.clear();
        rollbackQuietly(e);
        if (e instanceof SQLException sql) {
          throw StoreException.sql(operation, sql);
        }
        throw e;
      } finally {
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
          connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
      }
    } catch (SQLException e) {
      throw StoreException.sql(operation, e);
    }
  }

  /**
   * Runs {@code action} once the transaction under way commits, and never if it rolls back: for what
   * must only follow a durable write (recording a signed head outside the database). Called from inside
   * {@link #tx}'s work, on its thread.
   */
  void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  /** Whether the calling thread is inside a transaction of this connection (would wait for itself). */
  boolean heldByCurrentThread() {
    return Thread.holdsLock(this);
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      connection.rollback();
    } catch (SQLException rollback) {
      cause.addSuppressed(rollback);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw StoreException.sql("closing the database", e);
    }
  }

  // Row helpers shared by the repositories.

  static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
    if (instant == null) {
      statement.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Lists are stored one entry a line; entries must not contain a line break. */
  static String join(List<String> values) {
    for (String value : values) {
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("a stored list entry contains a line break: '" + value.strip() + "'");
      }
    }
    return String.join("\n", values);
  }

  static List<String> split(String stored) {
    return stored == null || stored.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(stored.split("\n", -1)));
  }

}
