package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;

/**
 * The head file beside the node's keys (docs/audit-chain.md, section 6), which catches a truncation of
 * both entries and checkpoints: it holds the highest head signed or seen, owner-only, only moves up,
 * survives a half-written temporary file, and a corrupt or foreign one stops the store instead of being
 * overwritten. File mechanics, the same on either database: run on H2.
 */
class AuditHeadFileSecurityTest extends AuditStoreFixture {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }

  Checkpoint latestSigned() {
    return store.audit().checkpoint().orElseThrow();
  }

  @Test
  void theFileHoldsTheLastSignedHeadOwnerOnly() throws Exception {
    appendEntries(5);
    Checkpoint head = latestSigned();
    store.flushAuditHead();
    Path file = store.auditHeadFile();
    assertThat(file.getParent()).isEqualTo(config.keyDir());
    assertThat(Files.readString(file)).isEqualTo(HeadFile.text(head));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.resolveSibling("audit-head.lock")))).isEqualTo("rw-------");
    assertThat(file.resolveSibling("audit-head.tmp")).doesNotExist();
  }

  @Test
  void theFileOnlyMovesUp() {
    appendEntries(3);
    store.flushAuditHead();
    Checkpoint third = HeadFile.read(store.auditHeadFile()).orElseThrow();
    appendEntries(2);
    store.flushAuditHead();
    Checkpoint fifth = HeadFile.read(store.auditHeadFile()).orElseThrow();
    assertThat(fifth.seq()).isEqualTo(5);
    new HeadFile(config.keyDir()).advance(third); // a slower instance offering an older head
    assertThat(HeadFile.read(store.auditHeadFile())).contains(fifth);
  }

  @Test
  void anotherInstanceOnTheSameDatabaseRecordsTheHeadItSees() throws Exception {
    appendEntries(4);
    Checkpoint head = latestSigned();
    Path otherKeys = dir.resolve("other-instance-keys");
    Files.createDirectories(otherKeys);
    Files.copy(config.keyDir().resolve("master.key"), otherKeys.resolve("master.key"));
    Files.copy(config.keyDir().resolve("node.key"), otherKeys.resolve("node.key"));
    // An embedded H2 database's password lives beside the keys: every instance's key folder holds it.
    Path password = config.keyDir().resolve(H2Protection.PASSWORD_FILE);
    if (Files.exists(password)) {
      Files.copy(password, otherKeys.resolve(H2Protection.PASSWORD_FILE));
    }
    StoreConfig other = new StoreConfig(config.jdbcUrl(), config.user(), config.password(), config.schema(), otherKeys);
    try (Store instance = Store.open(other)) {
      instance.flushAuditHead();
      assertThat(HeadFile.read(otherKeys.resolve(HeadFile.FILE))).contains(head);
    }
  }

  @Test
  void aTemporaryFileLeftByAKilledWriterIsReplaced() throws Exception {
    appendEntries(1);
    store.flushAuditHead();
    Files.writeString(store.auditHeadFile().resolveSibling("audit-head.tmp"), "pactbridge-audit-head-v1\nseq=9");
    appendEntries(1);
    store.flushAuditHead();
    assertThat(HeadFile.read(store.auditHeadFile()).orElseThrow().seq()).isEqualTo(2);
    assertThat(store.auditHeadFile().resolveSibling("audit-head.tmp")).doesNotExist();
  }

  @Test
  void aCorruptHeadFileStopsTheStoreAndIsNotOverwritten() throws Exception {
    appendEntries(2);
    store.close();
    store = null;
    Path file = config.keyDir().resolve(HeadFile.FILE);
    Files.writeString(file, "pactbridge-audit-head-v1\nseq=two\n");
    assertThatThrownBy(() -> Store.open(config)).isInstanceOf(StoreException.class)
        .hasMessage("the audit head file " + file.toAbsolutePath() + " is corrupt at line 3: expected 6 lines, found 2; restore it from backup,"
            + " or move it aside to go on without the head it kept (nothing was overwritten)");
    assertThat(Files.readString(file)).isEqualTo("pactbridge-audit-head-v1\nseq=two\n");
  }

  @Test
  void aHeadFileSignedByAnotherKeyStopsTheStore() throws Exception {
    appendEntries(2);
    store.close();
    store = null;
    NodeKeys stranger = NodeKeys.create(dir.resolve("stranger"));
    Instant at = Instant.parse("2026-01-05T10:00:00Z");
    String hash = "ab".repeat(32);
    Checkpoint forged = new Checkpoint(9, hash, at, stranger.publicKeyBase64(),
        java.util.Base64.getEncoder().encodeToString(stranger.sign(Checkpoint.signedBytes(9, hash, at))));
    Path file = config.keyDir().resolve(HeadFile.FILE);
    Files.writeString(file, HeadFile.text(forged));
    assertThatThrownBy(() -> Store.open(config)).isInstanceOf(StoreException.class)
        .hasMessage("the audit head file " + file.toAbsolutePath() + " is not signed by this node's key; move it aside if it belongs to another"
            + " node (nothing was overwritten)");
  }

  @Test
  void afterARestoreOnPurposeMovingTheHeadFileAsideLetsTheNodeGoOn() throws Exception {
    appendEntries(6);
    store.close();
    store = null;
    // the database goes back to entry 4, as a restore from an older backup would leave it
    TestDatabases.tamper(config, "DELETE FROM audit_checkpoint WHERE seq > 4", "DELETE FROM audit_entry WHERE seq > 4");
    store = Store.open(config);
    assertThat(((Verification.Broken) store.audit().verify()).problem()).isEqualTo(Verification.Problem.TRUNCATED);
    assertThatThrownBy(() -> appendEntries(1)).isInstanceOf(StoreException.class).hasMessageContaining("cannot be extended");
    store.close();
    store = null;
    Files.move(config.keyDir().resolve(HeadFile.FILE), dir.resolve("audit-head.before-restore"));
    store = Store.open(config);
    appendEntries(1);
    assertThat(store.audit().verify()).isInstanceOf(Verification.Intact.class);
    assertThat(store.audit().head().seq()).isEqualTo(5);
  }
}
