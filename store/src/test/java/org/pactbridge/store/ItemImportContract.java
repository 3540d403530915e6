package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.merkle.MerkleTree;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.world.WorldLoader;

/**
 * The bulk import in signed batches ({@link JdbcItemImport}) on a real database, H2 or PostgreSQL by
 * subclass: one signature per batch, each item verifiable alone by its inclusion proof, re-import
 * idempotent, a tampered proof refused, items signed one by one still verifying beside batch items.
 */
abstract class ItemImportContract extends AuditStoreFixture {
  private static final HexFormat HEX = HexFormat.of();

  private static final Registry WORLD = WorldLoader.reference();

  JdbcItemRepository.Draft draft() {
    Registry world = WORLD;
    PartyCode kor = PartyCode.of("KOR");
    return new JdbcItemRepository.Draft(List.of(kor), world.requireParty(kor).findLevel("II", T0).orElseThrow(),
        Releasability.relTo(List.of("USA", "JPN")), false, Set.of(Topic.of("dprk-missile")), null, "//KOR II//REL TO USA, JPN");
  }

  /** {@code count} entries with distinct content; every third has a title, every other one an id given. */
  List<JdbcItemImport.Entry> entries(int count, String tag) {
    List<JdbcItemImport.Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ItemId id = i % 2 == 0 ? ItemId.of(java.util.UUID.nameUUIDFromBytes((tag + i).getBytes(StandardCharsets.UTF_8)).toString()) : null;
      entries.add(new JdbcItemImport.Entry(id, draft(), (tag + " report " + i).getBytes(StandardCharsets.UTF_8),
          i % 3 == 0 ? ItemTitle.of("Sohae pad " + i) : ItemTitle.NONE));
    }
    return entries;
  }

  @Test
  void aBatchIsSignedOnceAndEachItemVerifiesAloneByItsProof() {
    List<JdbcItemImport.Entry> entries = entries(37, "a");
    JdbcItemImport.BatchResult result = store.itemImport().importBatch(entries, T0, KIM);
    assertThat(result.imported()).isEqualTo(37);
    assertThat(result.skipped()).isZero();
    assertThat(query("SELECT COUNT(*) FROM item_batch")).isEqualTo("1");
    assertThat(query("SELECT tree_size FROM item_batch")).isEqualTo("37");
    assertThat(query("SELECT root FROM item_batch")).isEqualTo(result.rootHex());
    assertThat(query("SELECT COUNT(*) FROM item WHERE signature <> ''")).isEqualTo("0");
    reopen();
    List<Item> items = store.items().list(0, 100);
    assertThat(items).hasSize(37);
    List<byte[]> leaves = new ArrayList<>();
    for (Item item : items) {
      assertThat(JdbcItemRepository.signatureValid(item)).as("item %s verifies alone", item.id()).isTrue();
      ItemBatchProof proof = ItemBatchProof.decode(item.signature()).orElseThrow();
      assertThat(proof.batchId()).isEqualTo(result.batchId());
      leaves.add(ItemBatchProof.leafOf(item));
    }
    // the stored leaf order is the tree's: each proof is the RFC's PATH(m, D[n])
    List<Item> byLeaf = items.stream().sorted(java.util.Comparator.comparingInt(item -> ItemBatchProof.decode(item.signature()).orElseThrow().leafIndex())).toList();
    List<byte[]> ordered = byLeaf.stream().map(ItemBatchProof::leafOf).toList();
    assertThat(HEX.formatHex(MerkleTree.root(ordered))).isEqualTo(result.rootHex());
    for (int i = 0; i < byLeaf.size(); i++) {
      List<byte[]> path = ItemBatchProof.decode(byLeaf.get(i).signature()).orElseThrow().path();
      assertThat(path.stream().map(HEX::formatHex).toList()).isEqualTo(MerkleTree.inclusionProof(ordered, i).stream().map(HEX::formatHex).toList());
    }
    // content and titles are sealed per item and read back
    Item first = store.items().require(entries.get(0).id());
    assertThat(new String(store.items().content(first.id()), StandardCharsets.UTF_8)).isEqualTo("a report 0");
    assertThat(store.items().title(first.id()).value()).isEqualTo("Sohae pad 0");
    // one audit entry for the batch, in its transaction, naming count, batch and root, never a title
    List<AuditEntry> batchEntries = store.audit().entries(1, 1000).stream().filter(entry -> entry.event().kind().equals("ITEM_BATCH_IMPORTED")).toList();
    assertThat(batchEntries).hasSize(1);
    String body = new String(batchEntries.get(0).body(), StandardCharsets.UTF_8);
    assertThat(body).contains(result.batchId()).contains(result.rootHex()).contains("37").doesNotContain("Sohae").doesNotContain("report");
    assertThat(store.verifyAudit(List.of()).ok()).isTrue();
  }

  @Test
  void importingTheSameItemsAgainStoresNothingTwice() {
    List<JdbcItemImport.Entry> entries = entries(25, "b");
    store.itemImport().importBatch(entries.subList(0, 10), T0, KIM);
    JdbcItemImport.BatchResult again = store.itemImport().importBatch(entries, T0.plusSeconds(5), KIM);
    assertThat(again.imported()).isEqualTo(15);
    assertThat(again.skipped()).isEqualTo(10);
    JdbcItemImport.BatchResult third = store.itemImport().importBatch(entries, T0.plusSeconds(9), KIM);
    assertThat(third.imported()).isZero();
    assertThat(third.skipped()).isEqualTo(25);
    assertThat(third.batchId()).isNull();
    assertThat(query("SELECT COUNT(*) FROM item")).isEqualTo("25");
    assertThat(query("SELECT COUNT(*) FROM item_content")).isEqualTo("25");
    assertThat(query("SELECT COUNT(*) FROM item_batch")).isEqualTo("2");
    assertThat(store.verifyAudit(List.of()).ok()).isTrue();
  }

  @Test
  void anItemWithoutAnIdIsKnownByItsContentHashAndRepeatsInABatchAreSkipped() {
    byte[] content = "the same report".getBytes(StandardCharsets.UTF_8);
    JdbcItemImport.Entry once = new JdbcItemImport.Entry(null, draft(), content, null);
    JdbcItemImport.BatchResult result = store.itemImport().importBatch(List.of(once, once), T0, KIM);
    assertThat(result.imported()).isEqualTo(1);
    assertThat(result.skipped()).isEqualTo(1);
    ItemId expected = JdbcItemImport.idFor(JdbcItemRepository.sha256(content));
    assertThat(store.items().find(expected)).isPresent();
    assertThat(expected.value()).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void aTamperedProofLeafIndexRootOrLabelIsRefused() {
    store.itemImport().importBatch(entries(9, "c"), T0, KIM);
    List<Item> items = store.items().list(0, 100);
    assertThat(items).allMatch(JdbcItemRepository::signatureValid);
    String victim = items.get(3).id().value();
    String other = items.get(4).id().value();

    // one flipped byte of the proof
    String proof = query("SELECT " + hexOf("inclusion_proof") + " FROM item WHERE id = '" + victim + "'").toLowerCase(java.util.Locale.ROOT);
    byte[] flipped = HEX.parseHex(proof);
    flipped[5] ^= 0x01;
    TestDatabases.sql(config, "UPDATE item SET inclusion_proof = " + bytesLiteral(flipped) + " WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isFalse();
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(other)))).isTrue();
    TestDatabases.sql(config, "UPDATE item SET inclusion_proof = " + bytesLiteral(HEX.parseHex(proof)) + " WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isTrue();

    // a truncated proof, another leaf index, a changed label
    TestDatabases.sql(config, "UPDATE item SET inclusion_proof = " + bytesLiteral(java.util.Arrays.copyOf(HEX.parseHex(proof), 40)) + " WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isFalse();
    TestDatabases.sql(config, "UPDATE item SET inclusion_proof = " + bytesLiteral(HEX.parseHex(proof)) + ", leaf_index = leaf_index + 1 WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isFalse();
    TestDatabases.sql(config, "UPDATE item SET leaf_index = leaf_index - 1, level_code = 'I' WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isFalse();
    TestDatabases.sql(config, "UPDATE item SET level_code = 'II' WHERE id = '" + victim + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(ItemId.of(victim)))).isTrue();

    // another root for the batch: every item of it fails
    TestDatabases.sql(config, "UPDATE item_batch SET root = '" + "0".repeat(64) + "'");
    assertThat(store.items().list(0, 100)).noneMatch(JdbcItemRepository::signatureValid);
  }

  @Test
  void itemsSignedOneByOneStillVerifyBesideBatchItems() {
    Item single = store.items().register(draft(), "alone".getBytes(StandardCharsets.UTF_8), T0, KIM);
    store.itemImport().importBatch(entries(3, "d"), T0, KIM);
    Item read = store.items().require(single.id());
    assertThat(read.signature()).doesNotStartWith(ItemBatchProof.PREFIX);
    assertThat(JdbcItemRepository.signatureValid(read)).isTrue();
    assertThat(store.items().list(0, 10)).hasSize(4).allMatch(JdbcItemRepository::signatureValid);
    // a single item's signature tampered is still refused as before
    TestDatabases.sql(config, "UPDATE item SET level_code = 'I' WHERE id = '" + single.id().value() + "'");
    assertThat(JdbcItemRepository.signatureValid(store.items().require(single.id()))).isFalse();
  }

  @Test
  void theStagingModeStoresTheSameAndSkipsTheSame() {
    store.itemImport().mode(JdbcItemImport.Mode.STAGING);
    List<JdbcItemImport.Entry> entries = entries(20, "e");
    store.itemImport().importBatch(entries.subList(0, 5), T0, KIM);
    JdbcItemImport.BatchResult result = store.itemImport().importBatch(entries, T0, KIM);
    assertThat(result.imported()).isEqualTo(15);
    assertThat(result.skipped()).isEqualTo(5);
    assertThat(query("SELECT COUNT(*) FROM item")).isEqualTo("20");
    assertThat(query("SELECT COUNT(*) FROM item_content")).isEqualTo("20");
    assertThat(query("SELECT COUNT(*) FROM item_title")).isEqualTo("7");
    assertThat(store.items().list(0, 100)).allMatch(JdbcItemRepository::signatureValid);
    assertThat(store.verifyAudit(List.of()).ok()).isTrue();
  }

  private String hexOf(String column) {
    return config.isPostgres() ? "encode(" + column + ", 'hex')" : "RAWTOHEX(" + column + ")";
  }

  private String bytesLiteral(byte[] bytes) {
    return config.isPostgres() ? "'\\x" + HEX.formatHex(bytes) + "'::bytea" : "X'" + HEX.formatHex(bytes) + "'";
  }
}
