package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.Verification;

/**
 * {@link AuditAppendOnlySecurityContract} on PostgreSQL: triggers (before TRUNCATE too); and the
 * application role {@code pactbridge_app}, which may only INSERT and SELECT on the audit tables even
 * when the owner has turned the triggers off, and as which the node runs.
 */
class PostgresAuditAppendOnlySecurityTest extends AuditAppendOnlySecurityContract {
  /** A login role of the tests, member of pactbridge_app; roles belong to the cluster, so it is made once and kept. */
  static final String NODE_ROLE = "pactbridge_node_test";

  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "appendonly");
  }

  /** Runs statements as pactbridge_app (SET ROLE drops the superuser's rights for the session). */
  SQLException refusalAsApplicationRole(String sql) {
    try (Connection connection = TestDatabases.connect(config); Statement statement = connection.createStatement()) {
      statement.execute("SET ROLE pactbridge_app");
      statement.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("pactbridge_app was allowed: " + sql);
  }

  @Test
  void theApplicationRoleMayOnlyInsertAndSelectOnTheAuditTablesEvenWithTheTriggersOff() throws Exception {
    appendEntries(3);
    TestDatabases.tamper(config); // the triggers are off: what remains is the role's privileges
    for (String sql : List.of("UPDATE audit_entry SET kind = 'X' WHERE seq = 2", "DELETE FROM audit_entry WHERE seq = 3",
        "UPDATE audit_checkpoint SET at_text = 'x'", "DELETE FROM audit_checkpoint", "DELETE FROM audit_head", "TRUNCATE audit_entry")) {
      SQLException refused = refusalAsApplicationRole(sql);
      assertThat(refused.getSQLState()).as(sql).isEqualTo("42501"); // insufficient privilege
      assertThat(refused.getMessage()).as(sql).contains("permission denied");
    }
    try (Connection connection = TestDatabases.connect(config); Statement statement = connection.createStatement()) {
      statement.execute("SET ROLE pactbridge_app");
      try (var rows = statement.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(3);
      }
      // the node's other tables are the role's to change
      statement.execute("UPDATE item SET marking = marking WHERE 1 = 0");
    }
  }

  @Test
  void theNodeRunsAsTheApplicationRole() throws Exception {
    appendEntries(2);
    try (Connection connection = DriverManager.getConnection(TestDatabases.PG_URL, "postgres", null); Statement statement = connection.createStatement()) {
      statement.execute("DO $$ BEGIN CREATE ROLE " + NODE_ROLE + " LOGIN IN ROLE pactbridge_app;"
          + " EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$");
    }
    store.close();
    store = null;
    StoreConfig asRole = StoreConfig.of(TestDatabases.PG_URL + "?user=" + NODE_ROLE, config.keyDir()).withSchema(config.schema());
    try (Store node = Store.open(asRole)) {
      node.audit().append(org.pactbridge.core.audit.AuditEvent.of(T0, "TEST_EVENT", KIM, "as-role"));
      assertThat(node.audit().verify()).isEqualTo(new Verification.Intact(3, 3, node.audit().head().hashHex(), 3));
      try (Connection connection = Store.connect(asRole); Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM audit_entry WHERE seq = 3");
        throw new AssertionError("the node's role deleted an audit entry");
      } catch (SQLException refused) {
        assertThat(refused.getSQLState()).isEqualTo("42501");
      }
    }
  }
}
