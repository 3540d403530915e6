package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.IndexedFields;
import org.pactbridge.core.audit.Verification;

/**
 * Security issue 15, finding 3: the audit cannot be rewritten without the node key. Each test is the
 * database's owner, who first turns the append-only triggers off (dropped on H2, disabled on
 * PostgreSQL) and then rewrites, deletes or truncates as an attacker without the node key would;
 * verification must name the first entry that is wrong. Run on both databases by the subclasses.
 */
abstract class AuditTamperSecurityContract extends AuditStoreFixture {
  private static final HexFormat HEX = HexFormat.of();

  private static Verification.Broken broken(Verification verification) {
    assertThat(verification).isInstanceOf(Verification.Broken.class);
    return (Verification.Broken) verification;
  }

  /**
   * Rewrites entries {@code from} to the end with fresh hashes: entry {@code from} gets another subject,
   * and every later entry is relinked, so that the chain is consistent and only signed heads betray it.
   */
  void rewriteFrom(List<AuditEntry> entries, int from) throws SQLException {
    TestDatabases.tamper(config);
    byte[] prev = entries.get(from - 2).hash();
    try (Connection connection = TestDatabases.connect(config); PreparedStatement update = connection.prepareStatement(
        "UPDATE audit_entry SET subject = ?, prev_hash = ?, body = ?, hash = ? WHERE seq = ?")) {
      for (AuditEntry original : entries.subList(from - 1, entries.size())) {
        AuditEvent event = original.event();
        if (original.seq() == from) {
          event = new AuditEvent(event.at(), event.kind(), event.actor(), "rewritten", event.details());
        }
        AuditEntry again = AuditChain.append(original.seq(), prev, event);
        update.setString(1, IndexedFields.subjectColumn(event.subject()));
        update.setString(2, HEX.formatHex(prev));
        update.setBytes(3, again.body());
        update.setString(4, again.hashHex());
        update.setLong(5, original.seq());
        update.executeUpdate();
        prev = again.hash();
      }
    }
  }

  @Test
  void rewritingTheTailWithFreshHashesIsNamedAtItsFirstEntry() throws Exception {
    List<AuditEntry> entries = appendEntries(10);
    rewriteFrom(entries, 7);
    Verification.Broken verdict = broken(store.audit().verify());
    assertThat(verdict.problem()).isEqualTo(Verification.Problem.ALTERED);
    assertThat(verdict.seq()).isEqualTo(7);
    assertThat(verdict.message()).startsWith("entry 7 differs from what was signed at ");
  }

  @Test
  void rewritingTheTailAndDeletingItsSignedHeadsIsNamedAtItsFirstEntry() throws Exception {
    List<AuditEntry> entries = appendEntries(10);
    rewriteFrom(entries, 7);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq >= 7");
    Verification.Broken verdict = broken(store.audit().verify());
    assertThat(verdict.problem()).isEqualTo(Verification.Problem.UNSIGNED);
    assertThat(verdict.seq()).isEqualTo(7);
    assertThat(verdict.message()).startsWith("the signed head of commit 7-7 is missing: entry 7 is confirmed by no signed head");
  }

  @Test
  void deletingTheTailIsCaught() {
    appendEntries(10);
    TestDatabases.tamper(config, "DELETE FROM audit_entry WHERE seq > 6");
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.TRUNCATED, 7,
        "entries 7 to 10 are missing: a signed checkpoint names entry 10 but the log ends at entry 6"));
  }

  @Test
  void deletingCheckpointsIsCaughtAtTheFirstEntryTheyNoLongerSign() {
    appendEntries(10);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq >= 4");
    Verification.Broken verdict = broken(store.audit().verify());
    assertThat(verdict.problem()).isEqualTo(Verification.Problem.UNSIGNED);
    assertThat(verdict.seq()).isEqualTo(4);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint");
    verdict = broken(store.audit().verify());
    assertThat(verdict.problem()).isEqualTo(Verification.Problem.UNSIGNED);
    assertThat(verdict.seq()).isEqualTo(1);
  }

  @Test
  void truncatingBothEntriesAndCheckpointsIsCaughtByTheHeadFile() throws Exception {
    appendEntries(10);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq > 6", "DELETE FROM audit_entry WHERE seq > 6");
    Path headFile = store.auditHeadFile();
    Verification.Broken verdict = broken(store.audit().verify());
    assertThat(verdict.problem()).isEqualTo(Verification.Problem.TRUNCATED);
    assertThat(verdict.seq()).isEqualTo(7);
    assertThat(verdict.message()).startsWith("entries 7 to 10 are missing: the signed head kept in " + headFile + " (signed at ")
        .endsWith(") records entry 10 but the log ends at entry 6");
    // without the file, the database alone looks whole: the file is what catches it
    store.close();
    store = null;
    Files.move(headFile, dir.resolve("audit-head.evidence"));
    store = Store.open(config);
    assertThat(store.audit().verify()).isInstanceOf(Verification.Intact.class);
    assertThat(broken(store.verifyAudit(List.of(dir.resolve("audit-head.evidence")))).problem()).isEqualTo(Verification.Problem.TRUNCATED);
  }

  @Test
  void aStoreRefusesToExtendAChainItsHeadFileContradicts() {
    appendEntries(10);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq > 6", "DELETE FROM audit_entry WHERE seq > 6");
    // the running instance knows it signed entry 10
    assertThatThrownBy(() -> appendEntries(1)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the audit log cannot be extended: this instance's signed head records entry 10 (signed ")
        .hasMessageContaining("which the database no longer holds; run 'pactbridge audit verify'");
    // a new instance reads it from the head file
    reopen();
    assertThatThrownBy(() -> appendEntries(1)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the audit log cannot be extended: the head file " + store.auditHeadFile() + " records entry 10")
        .hasMessageEndingWith("move " + store.auditHeadFile() + " aside (keep it as evidence); nothing was stored");
    assertThat(store.audit().head().seq()).isEqualTo(6);
  }

  @Test
  void aStoreRefusesToSignOverACommitWhoseSignedHeadWasDeleted() {
    appendEntries(5);
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq = 5");
    assertThatThrownBy(() -> appendEntries(1)).isInstanceOf(StoreException.class)
        .hasMessageStartingWith("the audit log cannot be extended: the signed head of entry 5 is missing or does not match it");
    assertThatThrownBy(() -> store.audit().checkpoint()).isInstanceOf(StoreException.class)
        .hasMessageContaining("the signed head of entry 5 is missing");
    assertThat(store.audit().head().seq()).isEqualTo(5);
  }

  @Test
  void changingOnlyTheKindColumnIsCaughtAtThatEntry() {
    appendEntries(6);
    TestDatabases.tamper(config, "UPDATE audit_entry SET kind = 'ITEM_ADDED' WHERE seq = 4");
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.ALTERED, 4,
        "entry 4 is altered: its stored kind 'ITEM_ADDED' is not its body's 'TEST_EVENT'"));
  }

  @Test
  void changingOnlyTheSubjectColumnIsCaughtAtThatEntry() {
    appendEntries(6);
    TestDatabases.tamper(config, "UPDATE audit_entry SET subject = 'item-9' WHERE seq = 5");
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.ALTERED, 5,
        "entry 5 is altered: its stored subject 'item-9' is not its body's 'subject-4'"));
  }

  @Test
  void changingOnlyAnActorColumnIsCaughtAtThatEntry() {
    appendEntries(6);
    TestDatabases.tamper(config, "UPDATE audit_entry SET actor_nation = 'USA' WHERE seq = 2");
    assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.ALTERED, 2,
        "entry 2 is altered: its stored actor.nation 'USA' is not its body's 'KOR'"));
    TestDatabases.tamper(config, "UPDATE audit_entry SET actor_nation = 'KOR', actor_name = 'lee' WHERE seq = 2");
    assertThat(broken(store.audit().verify()).message()).isEqualTo("entry 2 is altered: its stored actor.name 'lee' is not its body's 'kim'");
  }
}
