package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.merkle.MerkleTree;
import org.pactbridge.core.party.PartyCode;

/**
 * A chain written in format v1 by a store at schema version 3 still verifies after the upgrade to
 * versions 4 and 5, and grows (now in v3): v1 entries followed by later ones verify as one chain, and
 * changing a v1 entry's stored column is still caught. A chain of v1 then v2 entries (schema 15, before
 * the Merkle tree) verifies after the upgrade to version 20 and continues in v3, whose signed heads name
 * the Merkle tree head over all entries, v1 and v2 included. The v1 database is made as the old code made it: Flyway up
 * to version 3, the rows the old writer inserted, its head row, a checkpoint signed by the node key.
 */
abstract class AuditFormatCompatibilityContract {
  private static final HexFormat HEX = HexFormat.of();
  private static final Instant T0 = Instant.parse("2019-11-22T09:00:00Z");

  @TempDir Path dir;
  StoreConfig config;

  abstract StoreConfig newConfig(Path dir);

  @AfterEach
  void drop() {
    if (config != null && config.isPostgres()) {
      TestDatabases.dropSchema(config.schema());
    }
  }

  /** A database at schema version 3 holding {@code count} v1 entries and a v1 checkpoint at entry 3; returns the entries. */
  List<AuditEntry> v1Database(int count) throws Exception {
    var flyway = Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password()).locations("classpath:db/migration")
        .target("3");
    if (config.schema() != null) {
      flyway = flyway.schemas(config.schema()).defaultSchema(config.schema()).createSchemas(true);
    }
    flyway.load().migrate();
    NodeKeys keys = NodeKeys.create(config.keyDir());
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection connection = Store.connect(config)) {
      if (config.schema() != null) {
        connection.setSchema(config.schema());
      }
      try (PreparedStatement meta = connection.prepareStatement("INSERT INTO node_meta (name, val) VALUES (?, ?)")) {
        meta.setString(1, "master_key_id");
        meta.setString(2, keys.masterKeyId());
        meta.executeUpdate();
        meta.setString(1, "node_public_key");
        meta.setString(2, keys.publicKeyBase64());
        meta.executeUpdate();
      }
      byte[] prev = AuditChain.genesis();
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO audit_entry (seq, kind, subject, prev_hash, body, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (int i = 1; i <= count; i++) {
          AuditEvent event = AuditEvent.of(T0.plusSeconds(i), i % 2 == 0 ? "RELEASED" : "ITEM_ADDED", AuditActor.v1(i % 2 == 0 ? "USA" : "KOR"),
              "item-" + i, "level", "KOR:II");
          AuditEntry entry = AuditChain.appendV1(i, prev, event);
          insert.setLong(1, i);
          insert.setString(2, event.kind());
          insert.setString(3, event.subject());
          insert.setString(4, HEX.formatHex(prev));
          insert.setBytes(5, entry.body());
          insert.setString(6, entry.hashHex());
          insert.executeUpdate();
          entries.add(entry);
          prev = entry.hash();
        }
      }
      try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
        head.setLong(1, count);
        head.setString(2, HEX.formatHex(prev));
        head.executeUpdate();
      }
      Instant at = T0.plusSeconds(60);
      String hash3 = entries.get(2).hashHex();
      try (PreparedStatement checkpoint = connection.prepareStatement(
          "INSERT INTO audit_checkpoint (seq, hash, at_text, signer_key, signature) VALUES (3, ?, ?, ?, ?)")) {
        checkpoint.setString(1, hash3);
        checkpoint.setString(2, at.toString());
        checkpoint.setString(3, keys.publicKeyBase64());
        checkpoint.setString(4, Base64.getEncoder().encodeToString(keys.sign(Checkpoint.signedBytes(3, hash3, at))));
        checkpoint.executeUpdate();
      }
    }
    return entries;
  }

  @Test
  void aV1ChainStillVerifiesAfterTheUpgradeAndGrowsInV2() throws Exception {
    config = newConfig(dir);
    List<AuditEntry> v1 = v1Database(5);
    try (Store store = Store.open(config)) {
      assertThat(store.audit().verify()).isEqualTo(new Verification.Intact(5, 5, v1.get(4).hashHex(), 1));
      AuditActor kim = AuditActor.user("u-kim", "kim", PartyCode.of("KOR"));
      store.audit().append(AuditEvent.of(T0.plusSeconds(100), "TEST_EVENT", kim, "after-upgrade"));
      store.audit().append(AuditEvent.of(T0.plusSeconds(101), "TEST_EVENT", kim, "after-upgrade"));
      assertThat(store.audit().verify()).isEqualTo(new Verification.Intact(7, 7, store.audit().head().hashHex(), 3));
      assertThat(store.audit().entries(1, 10)).extracting(entry -> entry.decoded().format()).containsExactly(1, 1, 1, 1, 1, 3, 3);
      assertThat(store.audit().entries(1, 10).get(1).event().actor()).isEqualTo(AuditActor.v1("USA"));
      assertThat(store.audit().entries(6, 1).get(0).event().actor()).isEqualTo(kim);
      assertThat(store.audit().entries(1, 5)).isEqualTo(v1);
    }
    try (Connection connection = Store.connect(config);
        PreparedStatement select = connection.prepareStatement("SELECT seq, actor_id, actor_nation FROM audit_entry ORDER BY seq");
        ResultSet rows = select.executeQuery()) {
      List<String> actors = new ArrayList<>();
      while (rows.next()) {
        actors.add(rows.getLong(1) + ":" + rows.getString(2) + ":" + rows.getString(3));
      }
      assertThat(actors).containsExactly("1:null:null", "2:null:null", "3:null:null", "4:null:null", "5:null:null", "6:u-kim:KOR", "7:u-kim:KOR");
    }
  }

  @Test
  void aV1EntrysStoredColumnIsStillCheckedAgainstItsBody() throws Exception {
    config = newConfig(dir);
    v1Database(5);
    Store.open(config).close();
    TestDatabases.tamper(config, "UPDATE audit_entry SET subject = 'item-9' WHERE seq = 2");
    try (Store store = Store.open(config)) {
      assertThat(store.audit().verify()).isEqualTo(new Verification.Broken(Verification.Problem.ALTERED, 2,
          "entry 2 is altered: its stored subject 'item-9' is not its body's 'item-2'"));
    }
  }

  @Test
  void aV1ThenV2ChainContinuesInV3WithTreeHeadsOverEveryEntry() throws Exception {
    config = newConfig(dir);
    List<AuditEntry> entries = new ArrayList<>(v1Database(5));
    StoreConfig secured = H2Protection.secure(config); // the first connection protected the H2 file
    var flyway = Flyway.configure().dataSource(secured.jdbcUrl(), secured.user(), secured.password())
        .locations("classpath:db/migration", "classpath:db/vendor/" + (config.isPostgres() ? "postgresql" : "h2")).target("15");
    if (config.schema() != null) {
      flyway = flyway.schemas(config.schema()).defaultSchema(config.schema());
    }
    flyway.load().migrate();
    NodeKeys keys = NodeKeys.load(config.keyDir());
    AuditActor kim = AuditActor.user("u-kim", "kim", PartyCode.of("KOR"));
    List<AuditEntry> v2 = AuditChain.commitV2(6, entries.get(4).hash(),
        List.of(AuditEvent.of(T0.plusSeconds(90), "RELEASED", kim, "item-1"), AuditEvent.of(T0.plusSeconds(90), "HOLDING_ADDED", kim, "item-1")));
    try (Connection connection = Store.connect(config)) {
      if (config.schema() != null) {
        connection.setSchema(config.schema());
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO audit_entry (seq, kind, subject, prev_hash, body, hash, actor_id, actor_name, actor_nation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (AuditEntry entry : v2) {
          insert.setLong(1, entry.seq());
          insert.setString(2, entry.event().kind());
          insert.setString(3, entry.event().subject());
          insert.setString(4, HEX.formatHex(entry.prevHash()));
          insert.setBytes(5, entry.body());
          insert.setString(6, entry.hashHex());
          insert.setString(7, "u-kim");
          insert.setString(8, "kim");
          insert.setString(9, "KOR");
          insert.executeUpdate();
        }
      }
      Instant at = T0.plusSeconds(91);
      String hash7 = v2.get(1).hashHex();
      try (PreparedStatement checkpoint = connection.prepareStatement(
          "INSERT INTO audit_checkpoint (seq, hash, at_text, signer_key, signature) VALUES (7, ?, ?, ?, ?)")) {
        checkpoint.setString(1, hash7);
        checkpoint.setString(2, at.toString());
        checkpoint.setString(3, keys.publicKeyBase64());
        checkpoint.setString(4, Base64.getEncoder().encodeToString(keys.sign(Checkpoint.signedBytes(7, hash7, at))));
        checkpoint.executeUpdate();
      }
    }
    entries.addAll(v2);
    try (Store store = Store.open(config)) {
      assertThat(store.audit().verify()).isEqualTo(new Verification.Intact(7, 7, v2.get(1).hashHex(), 2));
      store.audit().append(AuditEvent.of(T0.plusSeconds(100), "TEST_EVENT", kim, "after-upgrade"));
      store.audit().append(AuditEvent.of(T0.plusSeconds(101), "TEST_EVENT", kim, "after-upgrade"));
      assertThat(store.audit().verify()).isEqualTo(new Verification.Intact(9, 9, store.audit().head().hashHex(), 4));
      List<AuditEntry> all = store.audit().entries(1, 20);
      assertThat(all).extracting(entry -> entry.decoded().format()).containsExactly(1, 1, 1, 1, 1, 2, 2, 3, 3);
      List<byte[]> leaves = all.stream().map(entry -> MerkleTree.leafHash(entry.body())).toList();
      Checkpoint head = store.audit().checkpoint().orElseThrow();
      assertThat(head.seq()).isEqualTo(9);
      assertThat(head.rootHex()).contains(HEX.formatHex(MerkleTree.root(leaves)));
      for (long size = 0; size <= 9; size++) {
        assertThat(store.audit().treeRoot(size)).isEqualTo(MerkleTree.root(leaves.subList(0, (int) size)));
        for (long old = 0; old <= size; old++) {
          assertThat(MerkleTree.verifyConsistency(old, size, MerkleTree.root(leaves.subList(0, (int) old)), MerkleTree.root(leaves.subList(0, (int) size)),
              store.audit().consistencyProof(old, size))).as("%d to %d", old, size).isTrue();
        }
        for (long seq = 1; seq <= size; seq++) {
          assertThat(MerkleTree.verifyInclusion(leaves.get((int) seq - 1), seq - 1, size, store.audit().inclusionProof(seq, size),
              MerkleTree.root(leaves.subList(0, (int) size)))).as("entry %d in %d", seq, size).isTrue();
        }
      }
    }
  }
}
