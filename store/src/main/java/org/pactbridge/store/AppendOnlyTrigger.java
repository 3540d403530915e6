package org.pactbridge.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The H2 trigger that refuses UPDATE and DELETE on the audit tables (schema version 5): the database
 * itself, not only the store's code, keeps the chain append-only. H2 creates one instance per trigger
 * and calls it from the writing session; it holds nothing but the table's name. Public because H2
 * instantiates it by name.
 */
public final class AppendOnlyTrigger implements Trigger {
  private String table = "an audit table";

  @Override
  public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before, int type) {
    this.table = tableName.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQL state 42501, insufficient privilege, as PostgreSQL's trigger raises.
    throw new SQLException("the audit table " + table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE") + " refused", "42501");
  }
}
