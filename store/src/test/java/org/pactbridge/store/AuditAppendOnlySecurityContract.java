package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.Verification;

/**
 * Security issue 15, finding 3: the database itself refuses UPDATE, DELETE and TRUNCATE on audit
 * entries, checkpoints and the lock row, whoever sends them through an ordinary connection, and a second entry
 * linking to one hash (a fork). Run on both databases by the subclasses.
 */
abstract class AuditAppendOnlySecurityContract extends AuditStoreFixture {

  /** Runs one statement as the owner, without bypassing anything; returns the refusal. */
  SQLException refusal(String sql) {
    try (Connection connection = TestDatabases.connect(config); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("the database accepted: " + sql);
  }

  @Test
  void updateAndDeleteOnEntriesCheckpointsAndTheLockAreRefused() {
    appendEntries(3);
    String head = store.audit().head().hashHex();
    for (String sql : List.of(
        "UPDATE audit_entry SET kind = 'ITEM_ADDED' WHERE seq = 2",
        "UPDATE audit_entry SET body = body WHERE seq = 3",
        "DELETE FROM audit_entry WHERE seq = 3",
        "DELETE FROM audit_entry",
        "UPDATE audit_checkpoint SET at_text = '2020-01-01T00:00:00Z' WHERE seq = 3",
        "DELETE FROM audit_checkpoint WHERE seq = 3",
        "UPDATE audit_head SET id = 2",
        "DELETE FROM audit_head")) {
      SQLException refused = refusal(sql);
      assertThat(refused.getMessage()).as(sql).contains("is append-only");
    }
    assertThat(store.audit().head().hashHex()).isEqualTo(head);
    assertThat(store.audit().verify()).isEqualTo(new Verification.Intact(3, 3, head, 3));
    appendEntries(1); // and the lock still works
    assertThat(store.audit().verify().ok()).isTrue();
  }

  @Test
  void truncateIsRefused() {
    appendEntries(2);
    for (String table : List.of("audit_entry", "audit_checkpoint", "audit_head")) {
      // PostgreSQL: a TRUNCATE trigger; H2, which has none: the empty audit_truncate_guard references them
      assertThat(refusal("TRUNCATE TABLE " + table).getMessage()).as(table).containsAnyOf("is append-only: TRUNCATE refused", "Cannot truncate");
    }
    assertThat(store.audit().verify().ok()).isTrue();
    assertThat(store.audit().head().seq()).isEqualTo(2);
  }

  @Test
  void aSecondEntryLinkingToTheSameHashIsRefused() {
    appendEntries(3);
    String prev = query("SELECT prev_hash FROM audit_entry WHERE seq = 3");
    try (Connection connection = TestDatabases.connect(config); java.sql.PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_entry (seq, kind, subject, prev_hash, body, hash) VALUES (99, 'FORK', 's', ?, ?, ?)")) {
      insert.setString(1, prev);
      insert.setBytes(2, new byte[] {0});
      insert.setString(3, "ab".repeat(32));
      insert.executeUpdate();
      throw new AssertionError("a second entry linking to the hash of entry 2 was stored");
    } catch (SQLException refused) {
      assertThat(refused.getSQLState()).isEqualTo("23505"); // unique violation, on both databases
    }
  }
}
