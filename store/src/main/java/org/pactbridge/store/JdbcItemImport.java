package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * The bulk import of new items in signed batches (issue 22). One call, one batch, one transaction:
 *
 * <ol>
 *   <li>each item's id is the one given, or else derived from its content hash ({@link #idFor}); ids
 *       already stored (and repeats within the batch) are skipped, so importing the same lines again,
 *       after a success or a {@code kill -9}, stores nothing twice;
 *   <li>the new items are hashed and their content and title sealed (a fresh data key each, wrapped by
 *       the master key, as {@code item add} does) on all cores;
 *   <li>their leaves ({@link ItemBatchProof#leafOf}) make one Merkle tree whose root the node signs once;
 *       each item keeps its leaf index and audit path, the batch row its size, root and signature;
 *   <li>the batch row, the items, their content and titles and one {@code ITEM_BATCH_IMPORTED} audit
 *       entry (count, skipped, batch id, root) are written in one transaction: on PostgreSQL with
 *       {@code COPY … FROM STDIN (FORMAT binary)} ({@link PgCopyBinary}), on H2 with batched inserts.
 * </ol>
 *
 * A batch that meets an id stored in the meantime (another importer) is rolled back whole and tried again
 * without it. On PostgreSQL, {@link Mode#STAGING} copies into temporary tables and moves the rows with
 * {@code INSERT … SELECT … ON CONFLICT DO NOTHING} instead; {@link Mode#PRECHECK} (the default) copies
 * straight into the tables after the check; the bench measures both (docs/benchmarks.md).
 */
public final class JdbcItemImport {
  /** How PostgreSQL keeps a batch from storing an id twice. H2 always pre-checks. */
  public enum Mode {
    /** Look the ids up first, then {@code COPY} straight into the tables (a conflict meanwhile retries the batch). */
    PRECHECK,
    /** Look the ids up first, {@code COPY} into temporary tables, then {@code INSERT … SELECT … ON CONFLICT DO NOTHING}. */
    STAGING
  }

  /** One item to import: its id ({@code null}: derived from the content hash), label, content and title. */
  public record Entry(ItemId id, JdbcItemRepository.Draft draft, byte[] content, ItemTitle title) {
    public Entry {
      title = title == null ? ItemTitle.NONE : title;
    }
  }

  /**
   * What a batch did: its id ({@code null} when nothing in it was new, and then nothing was written), how
   * many items it stored, and how many it skipped as already stored or repeated.
   */
  public record BatchResult(String batchId, int imported, int skipped, String rootHex) {}

  private static final HexFormat HEX = HexFormat.of();
  private static final int LOOKUP_SLICE = 500;
  private static final int ATTEMPTS = 3;

  private final Db db;
  private final JdbcAuditLog audit;
  private final NodeKeys keys;
  private final ContentCipher cipher;
  private final boolean postgres;
  private volatile Mode mode = Mode.PRECHECK;

  JdbcItemImport(Db db, JdbcAuditLog audit, NodeKeys keys, ContentCipher cipher, boolean postgres) {
    this.db = db;
    this.audit = audit;
    this.keys = keys;
    this.cipher = cipher;
    this.postgres = postgres;
  }

  /** Chooses how PostgreSQL avoids duplicates (no effect on H2). */
  public void mode(Mode chosen) {
    this.mode = chosen;
  }

  /**
   * The id of an item imported without one: a UUID (version 8, RFC 9562) made of the first 128 bits of
   * {@code SHA-256("pactbridge-import-v1\n" + contentSha256)}, so the same content always gets the same id.
   */
  public static ItemId idFor(String contentSha256) {
    byte[] hash = sha256(("pactbridge-import-v1\n" + contentSha256).getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0F) | 0x80);
    hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
    long high = 0;
    long low = 0;
    for (int i = 0; i < 8; i++) {
      high = (high << 8) | (hash[i] & 0xFF);
      low = (low << 8) | (hash[8 + i] & 0xFF);
    }
    return ItemId.of(new UUID(high, low).toString());
  }

  /** An item of the batch, hashed and sealed, waiting for its place in the tree. */
  private record Ready(ItemId id, JdbcItemRepository.Draft draft, String contentSha256, Instant created, Instant declassifyOn, byte[] leaf,
      ContentCipher.Sealed content, ContentCipher.Sealed title) {}

  /**
   * Imports one batch, audited as {@code actor}, created at {@code now}: all of its new items or none.
   * Nothing is written when every item is already stored.
   */
  public BatchResult importBatch(List<Entry> entries, Instant now, AuditActor actor) {
    Instant created = now.truncatedTo(ChronoUnit.MICROS);
    String[] hashes = new String[entries.size()];
    ItemId[] ids = new ItemId[entries.size()];
    IntStream.range(0, entries.size()).parallel().forEach(i -> {
      Entry entry = entries.get(i);
      hashes[i] = HEX.formatHex(sha256(entry.content()));
      ids[i] = entry.id() != null ? entry.id() : idFor(hashes[i]);
    });
    Set<ItemId> stored = storedAmong(List.of(ids));
    Set<ItemId> seen = new HashSet<>();
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      if (!stored.contains(ids[i]) && seen.add(ids[i])) {
        fresh.add(i);
      }
    }
    if (fresh.isEmpty()) {
      return new BatchResult(null, 0, entries.size(), null);
    }
    List<Ready> ready = fresh.parallelStream().map(i -> prepare(entries.get(i), ids[i], hashes[i], created)).toList();
    for (int attempt = 1; ; attempt++) {
      try {
        return write(ready, entries.size() - ready.size(), created, actor);
      } catch (StoreException e) {
        if (attempt >= ATTEMPTS || !duplicateKey(e)) {
          throw e;
        }
        // another importer stored some of these ids meanwhile: leave them out and sign a new tree
        Set<ItemId> now2 = storedAmong(ready.stream().map(Ready::id).toList());
        int before = ready.size();
        ready = ready.stream().filter(item -> !now2.contains(item.id())).toList();
        if (ready.isEmpty()) {
          return new BatchResult(null, 0, entries.size(), null);
        }
        if (ready.size() == before) {
          throw e;
        }
      }
    }
  }

  private Ready prepare(Entry entry, ItemId id, String hash, Instant created) {
    JdbcItemRepository.Draft draft = entry.draft();
    Instant declassify = draft.declassifyOn() == null ? null : draft.declassifyOn().truncatedTo(ChronoUnit.MICROS);
    byte[] signed = Item.signedBytes(id, draft.originators(), draft.level(), draft.releasability(), draft.orcon(), draft.topics(), created,
        declassify, hash);
    byte[] leaf = org.pactbridge.core.merkle.MerkleTree.leafHash(signed);
    ContentCipher.Sealed content = cipher.seal(id.value(), entry.content());
    ContentCipher.Sealed title = entry.title().isEmpty() ? null : cipher.sealTitle(id.value(), entry.title().value().getBytes(StandardCharsets.UTF_8));
    return new Ready(id, draft, hash, created, declassify, leaf, content, title);
  }

  private BatchResult write(List<Ready> ready, int skipped, Instant created, AuditActor actor) {
    ItemBatchProof.Tree tree = ItemBatchProof.tree(ready.stream().map(Ready::leaf).toList());
    String batchId = UUID.randomUUID().toString();
    String signature = Base64.getEncoder().encodeToString(keys.sign(ItemBatchProof.signedRootBytes(batchId, ready.size(), tree.root())));
    String rootHex = HEX.formatHex(tree.root());
    return db.tx("importing a batch of " + ready.size() + " items", connection -> {
      try (PreparedStatement batch = connection.prepareStatement(
          "INSERT INTO item_batch (id, created, tree_size, root, signature, signer_key) VALUES (?, ?, ?, ?, ?, ?)")) {
        batch.setString(1, batchId);
        Db.setInstant(batch, 2, created);
        batch.setInt(3, ready.size());
        batch.setString(4, rootHex);
        batch.setString(5, signature);
        batch.setString(6, keys.publicKeyBase64());
        batch.executeUpdate();
      }
      int imported;
      if (!postgres) {
        imported = insertH2(connection, ready, tree, batchId);
      } else if (mode == Mode.STAGING) {
        imported = copyStaged(connection, ready, tree, batchId);
      } else {
        imported = copyDirect(connection, ready, tree, batchId);
      }
      int notStored = skipped + ready.size() - imported;
      audit.appendIn(connection, List.of(AuditEvent.of(created, "ITEM_BATCH_IMPORTED", actor, batchId, "count", String.valueOf(imported),
          "skipped", String.valueOf(notStored), "tree-size", String.valueOf(ready.size()), "root", rootHex)));
      return new BatchResult(batchId, imported, notStored, rootHex);
    });
  }

  private static final String ITEM_COLUMNS = "id, originators, level_party, level_code, releasability, rel_to, orcon, topics, created,"
      + " declassify_on, marking, content_sha256, signature, signer_key, batch_id, leaf_index, inclusion_proof";
  private static final String SEALED_COLUMNS = "master_key_id, key_iv, wrapped_key, %s_iv, ciphertext";

  private int insertH2(Connection connection, List<Ready> ready, ItemBatchProof.Tree tree, String batchId) throws SQLException {
    try (PreparedStatement items = connection.prepareStatement("INSERT INTO item (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement contents = connection.prepareStatement(
            "INSERT INTO item_content (item_id, " + SEALED_COLUMNS.formatted("content") + ") VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement titles = connection.prepareStatement(
            "INSERT INTO item_title (item_id, " + SEALED_COLUMNS.formatted("title") + ") VALUES (?, ?, ?, ?, ?, ?)")) {
      boolean anyTitle = false;
      for (int i = 0; i < ready.size(); i++) {
        Ready item = ready.get(i);
        Object[] row = itemRow(item, batchId, i, tree.paths().get(i));
        for (int column = 0; column < row.length; column++) {
          if (row[column] instanceof Instant instant) {
            Db.setInstant(items, column + 1, instant);
          } else if (row[column] == null && column == 9) {
            Db.setInstant(items, column + 1, null);
          } else {
            items.setObject(column + 1, row[column]);
          }
        }
        items.addBatch();
        bindSealed(contents, item.id(), item.content());
        contents.addBatch();
        if (item.title() != null) {
          bindSealed(titles, item.id(), item.title());
          titles.addBatch();
          anyTitle = true;
        }
      }
      items.executeBatch();
      contents.executeBatch();
      if (anyTitle) {
        titles.executeBatch();
      }
    }
    return ready.size();
  }

  private void bindSealed(PreparedStatement statement, ItemId id, ContentCipher.Sealed sealed) throws SQLException {
    statement.setString(1, id.value());
    statement.setString(2, keys.masterKeyId());
    statement.setBytes(3, sealed.keyIv());
    statement.setBytes(4, sealed.wrappedKey());
    statement.setBytes(5, sealed.contentIv());
    statement.setBytes(6, sealed.ciphertext());
  }

  /** The item row in {@link #ITEM_COLUMNS} order; the per-item signature is empty, the batch proves the item. */
  private Object[] itemRow(Ready item, String batchId, int leafIndex, List<byte[]> path) {
    JdbcItemRepository.Draft draft = item.draft();
    Releasability releasability = draft.releasability();
    return new Object[] {
      item.id().value(),
      Db.join(draft.originators().stream().map(PartyCode::value).toList()),
      draft.level().party().value(),
      draft.level().code(),
      releasability.isNoforn() ? "NOFORN" : releasability.hasRelTo() ? "REL_TO" : "OPEN",
      Db.join(releasability.relToEntries()),
      draft.orcon(),
      Db.join(new java.util.TreeSet<>(draft.topics()).stream().map(Topic::slug).toList()),
      item.created(),
      item.declassifyOn(),
      draft.marking() == null ? "" : draft.marking(),
      item.contentSha256(),
      "",
      keys.publicKeyBase64(),
      batchId,
      leafIndex,
      ItemBatchProof.pathBytes(path)
    };
  }

  private int copyDirect(Connection connection, List<Ready> ready, ItemBatchProof.Tree tree, String batchId) throws SQLException {
    copyRows(connection, ready, tree, batchId, "item", "item_content", "item_title");
    return ready.size();
  }

  private int copyStaged(Connection connection, List<Ready> ready, ItemBatchProof.Tree tree, String batchId) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS import_item AS SELECT " + ITEM_COLUMNS + " FROM item WITH NO DATA");
      statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS import_content AS SELECT * FROM item_content WITH NO DATA");
      statement.execute("CREATE TEMPORARY TABLE IF NOT EXISTS import_title AS SELECT * FROM item_title WITH NO DATA");
      statement.execute("TRUNCATE import_item, import_content, import_title");
    }
    copyRows(connection, ready, tree, batchId, "import_item", "import_content", "import_title");
    int imported;
    try (Statement statement = connection.createStatement()) {
      imported = statement.executeUpdate("INSERT INTO item (" + ITEM_COLUMNS + ") SELECT " + ITEM_COLUMNS + " FROM import_item ON CONFLICT (id) DO NOTHING");
    }
    // content and titles only of the items this batch stored: a row of another importer's item stays its own
    for (String table : List.of("item_content", "item_title")) {
      try (PreparedStatement move = connection.prepareStatement("INSERT INTO " + table + " SELECT s.* FROM import_" + table.substring(5)
          + " s JOIN item i ON i.id = s.item_id AND i.batch_id = ? ON CONFLICT (item_id) DO NOTHING")) {
        move.setString(1, batchId);
        move.executeUpdate();
      }
    }
    return imported;
  }

  private void copyRows(Connection connection, List<Ready> ready, ItemBatchProof.Tree tree, String batchId, String itemTable, String contentTable,
      String titleTable) throws SQLException {
    PgCopyBinary items = new PgCopyBinary(ready.size() * 700);
    PgCopyBinary contents = new PgCopyBinary(ready.size() * (ready.get(0).content().ciphertext().length + 200));
    PgCopyBinary titles = new PgCopyBinary(1024);
    for (int i = 0; i < ready.size(); i++) {
      Ready item = ready.get(i);
      Object[] row = itemRow(item, batchId, i, tree.paths().get(i));
      items.row(row.length);
      for (Object value : row) {
        if (value == null) {
          items.nul();
        } else if (value instanceof String text) {
          items.text(text);
        } else if (value instanceof Boolean flag) {
          items.bool(flag);
        } else if (value instanceof Integer number) {
          items.int4(number);
        } else if (value instanceof Instant instant) {
          items.timestamptz(instant);
        } else {
          items.bytes((byte[]) value);
        }
      }
      sealedRow(contents, item.id(), item.content());
      if (item.title() != null) {
        sealedRow(titles, item.id(), item.title());
      }
    }
    items.copyInto(connection, itemTable, ITEM_COLUMNS);
    contents.copyInto(connection, contentTable, "item_id, " + SEALED_COLUMNS.formatted("content"));
    if (titles.rows() > 0) {
      titles.copyInto(connection, titleTable, "item_id, " + SEALED_COLUMNS.formatted("title"));
    }
  }

  private void sealedRow(PgCopyBinary copy, ItemId id, ContentCipher.Sealed sealed) {
    copy.row(6).text(id.value()).text(keys.masterKeyId()).bytes(sealed.keyIv()).bytes(sealed.wrappedKey()).bytes(sealed.contentIv())
        .bytes(sealed.ciphertext());
  }

  /** The ids among {@code ids} that are stored. */
  private Set<ItemId> storedAmong(List<ItemId> ids) {
    Set<ItemId> stored = new HashSet<>();
    for (int from = 0; from < ids.size(); from += LOOKUP_SLICE) {
      List<ItemId> slice = ids.subList(from, Math.min(ids.size(), from + LOOKUP_SLICE));
      String marks = String.join(", ", Collections.nCopies(slice.size(), "?"));
      db.tx("looking up " + slice.size() + " item ids", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM item WHERE id IN (" + marks + ")")) {
          for (int index = 0; index < slice.size(); index++) {
            select.setString(index + 1, slice.get(index).value());
          }
          try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
              stored.add(ItemId.of(row.getString(1)));
            }
          }
        }
        return null;
      });
    }
    return stored;
  }

  /** Whether a failure is a unique-key violation (SQL state 23505 on both databases). */
  private static boolean duplicateKey(StoreException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        for (SQLException next = sql; next != null; next = next.getNextException()) {
          if ("23505".equals(next.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
