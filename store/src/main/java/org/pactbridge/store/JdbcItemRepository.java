package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemRepository;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * Items in table {@code item}, their encrypted content in {@code item_content} and their encrypted title,
 * when they have one, in {@code item_title}. Adding an item writes its rows and its {@code ITEM_ADDED} audit
 * entry in one transaction. The audit entry names the item, its label and its content hash, never its
 * title. Levels are stored as party and code and resolved, when read, through the level resolver the
 * caller gives (the registry).
 *
 * <p>Over 400 lines: single and batched writes share the binding of the three tables, and the sealing
 * of content and title. The bulk import in signed batches (COPY, Merkle trees) is {@link JdbcItemImport};
 * this class reads its items, whose signature is their batch proof ({@link ItemBatchProof}).
 */
public final class JdbcItemRepository implements ItemRepository {
  private static final HexFormat HEX = HexFormat.of();

  private final Db db;
  private final JdbcAuditLog audit;
  private final NodeKeys keys;
  private final ContentCipher cipher;
  private volatile Function<String, Level> levels = JdbcItemRepository::detachedLevel;

  JdbcItemRepository(Db db, JdbcAuditLog audit, NodeKeys keys, ContentCipher cipher) {
    this.db = db;
    this.audit = audit;
    this.keys = keys;
    this.cipher = cipher;
  }

  /** How a stored {@code PARTY:CODE} becomes a {@link Level}: normally a registry look-up. */
  public void resolveLevelsWith(Function<String, Level> resolver) {
    this.levels = resolver;
  }

  /** A level known only by party and code (rank unknown): used when no registry is at hand. */
  private static Level detachedLevel(String qualified) {
    int colon = qualified.indexOf(':');
    return new Level(PartyCode.of(qualified.substring(0, colon)), qualified.substring(colon + 1), 1, null, null, List.of());
  }

  /** The label part of a new item; the store adds the id, the hash and the signature. */
  public record Draft(
      List<PartyCode> originators, Level level, Releasability releasability, boolean orcon, Set<Topic> topics,
      Instant declassifyOn, String marking) {}

  /**
   * Builds an item from a draft and its content (a fresh id, created at {@code now} truncated to
   * microseconds as the databases keep it, the content's SHA-256 signed by this node) and stores it,
   * audited as registered by {@code actor}.
   */
  public Item register(Draft draft, byte[] content, Instant now, AuditActor actor) {
    return register(draft, content, ItemTitle.NONE, now, actor);
  }

  /** As {@link #register(Draft, byte[], Instant, AuditActor)}, with the item's title. */
  public Item register(Draft draft, byte[] content, ItemTitle title, Instant now, AuditActor actor) {
    Item item = build(draft, content, now);
    add(item, content, title, actor);
    return item;
  }

  /** As {@link #register} without storing: for bulk imports that call {@link #addAll}. */
  public Item build(Draft draft, byte[] content, Instant now) {
    return build(ItemId.of(UUID.randomUUID().toString()), draft, content, now);
  }

  /**
   * As {@link #build(Draft, byte[], Instant)} with a given id: an item received from a peer keeps the id
   * its originator's node gave it, so that the nodes name it alike (consent requests, receipts).
   */
  public Item build(ItemId id, Draft draft, byte[] content, Instant now) {
    Instant created = now.truncatedTo(ChronoUnit.MICROS);
    Instant declassify = draft.declassifyOn() == null ? null : draft.declassifyOn().truncatedTo(ChronoUnit.MICROS);
    String hash = sha256(content);
    byte[] signed = Item.signedBytes(id, draft.originators(), draft.level(), draft.releasability(), draft.orcon(), draft.topics(), created,
        declassify, hash);
    String signature = Base64.getEncoder().encodeToString(keys.sign(signed));
    return new Item(id, draft.originators(), draft.level(), draft.releasability(), draft.orcon(), draft.topics(), created, declassify,
        draft.marking(), hash, signature, keys.publicKeyBase64());
  }

  /**
   * Whether the item's signature verifies under the key it names: its own Ed25519 signature (items added
   * one by one, and every item stored before V19), or, for an item of a signed import batch, its
   * inclusion proof to the batch root that key signed ({@link ItemBatchProof}).
   */
  public static boolean signatureValid(Item item) {
    if (item.signature().startsWith(ItemBatchProof.PREFIX)) {
      return ItemBatchProof.decode(item.signature()).map(proof -> proof.verifies(item)).orElse(false);
    }
    try {
      return NodeKeys.verify(item.signerKey(), item.signedBytes(), Base64.getDecoder().decode(item.signature()));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  @Override
  public void add(Item item, byte[] content, ItemTitle title, AuditActor actor) {
    check(item, content);
    db.tx("adding item " + item.id(), connection -> {
      insert(connection, item, content, title);
      audit.appendIn(connection, List.of(addedEvent(item, actor)));
      return null;
    });
  }

  /** An item with its content and title, for {@link #addAll}. */
  public record WithContent(Item item, byte[] content, ItemTitle title) {
    public WithContent {
      title = title == null ? ItemTitle.NONE : title;
    }

    public WithContent(Item item, byte[] content) {
      this(item, content, ItemTitle.NONE);
    }
  }

  /**
   * Adds many items, built elsewhere, in one transaction with one {@code ITEMS_IMPORTED} audit entry:
   * all of them are kept, or none. Each item's hash and signature are checked first.
   */
  public void addAll(List<WithContent> batch, AuditActor actor) {
    for (WithContent entry : batch) {
      check(entry.item(), entry.content());
    }
    insertAll(batch, actor);
  }

  /** A draft with its content and title, for {@link #registerAll}. */
  public record NewItem(Draft draft, byte[] content, ItemTitle title) {
    public NewItem {
      title = title == null ? ItemTitle.NONE : title;
    }

    public NewItem(Draft draft, byte[] content) {
      this(draft, content, ItemTitle.NONE);
    }
  }

  /**
   * Builds, signs and stores many new items: the bulk import. Signing (Ed25519, the dominant cost) runs on
   * all cores; the items are then written in one transaction with one {@code ITEMS_IMPORTED} audit entry,
   * all or none. Signatures made here are not checked again.
   */
  public List<Item> registerAll(List<NewItem> batch, Instant now, AuditActor actor) {
    List<WithContent> built = batch.parallelStream()
        .map(entry -> new WithContent(build(entry.draft(), entry.content(), now), entry.content(), entry.title()))
        .toList();
    insertAll(built, actor);
    return built.stream().map(WithContent::item).toList();
  }

  /**
   * Writes items in one transaction with one {@code ITEMS_IMPORTED} audit entry whose {@code items-sha256}
   * covers every id and content hash in order.
   */
  private void insertAll(List<WithContent> batch, AuditActor actor) {
    if (batch.isEmpty()) {
      return;
    }
    MessageDigest digest = sha256();
    for (WithContent entry : batch) {
      digest.update((entry.item().id().value() + " " + entry.item().contentSha256() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String itemsHash = HEX.formatHex(digest.digest());
    Item first = batch.get(0).item();
    Item last = batch.get(batch.size() - 1).item();
    db.tx("importing " + batch.size() + " items", connection -> {
      try (PreparedStatement items = connection.prepareStatement(INSERT_ITEM); PreparedStatement contents = connection.prepareStatement(INSERT_CONTENT);
          PreparedStatement titles = connection.prepareStatement(INSERT_TITLE)) {
        boolean anyTitle = false;
        for (WithContent entry : batch) {
          bindItem(items, entry.item());
          items.addBatch();
          bindContent(contents, entry.item(), entry.content());
          contents.addBatch();
          if (!entry.title().isEmpty()) {
            bindTitle(titles, entry.item(), entry.title());
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
      audit.appendIn(connection, List.of(AuditEvent.of(last.created(), "ITEMS_IMPORTED", actor, first.id().value(),
          "count", String.valueOf(batch.size()), "last", last.id().value(), "items-sha256", itemsHash)));
      return null;
    });
  }

  static void check(Item item, byte[] content) {
    if (!sha256(content).equals(item.contentSha256())) {
      throw StoreException.conflict("item " + item.id(), "its content does not match its SHA-256");
    }
    if (!signatureValid(item)) {
      throw StoreException.conflict("item " + item.id(), "its originator signature does not verify");
    }
  }

  /** The registering user is the actor, not the item's originator: a KOR user's JOINT item of US level is KOR's act. */
  static AuditEvent addedEvent(Item item, AuditActor actor) {
    return AuditEvent.of(item.created(), "ITEM_ADDED", actor, item.id().value(), "level", item.level().qualified(),
        "originators", String.join(",", item.originators().stream().map(PartyCode::value).toList()), "marking", item.marking(),
        "content-sha256", item.contentSha256());
  }

  private static final String INSERT_ITEM = "INSERT INTO item (id, originators, level_party, level_code, releasability, rel_to, orcon, topics,"
      + " created, declassify_on, marking, content_sha256, signature, signer_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CONTENT =
      "INSERT INTO item_content (item_id, master_key_id, key_iv, wrapped_key, content_iv, ciphertext) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_TITLE =
      "INSERT INTO item_title (item_id, master_key_id, key_iv, wrapped_key, title_iv, ciphertext) VALUES (?, ?, ?, ?, ?, ?)";

  void insert(Connection connection, Item item, byte[] content, ItemTitle title) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(INSERT_ITEM)) {
      bindItem(statement, item);
      statement.executeUpdate();
    }
    try (PreparedStatement statement = connection.prepareStatement(INSERT_CONTENT)) {
      bindContent(statement, item, content);
      statement.executeUpdate();
    }
    if (!title.isEmpty()) {
      try (PreparedStatement statement = connection.prepareStatement(INSERT_TITLE)) {
        bindTitle(statement, item, title);
        statement.executeUpdate();
      }
    }
  }

  private static void bindItem(PreparedStatement statement, Item item) throws SQLException {
    Releasability releasability = item.releasability();
    statement.setString(1, item.id().value());
    statement.setString(2, Db.join(item.originators().stream().map(PartyCode::value).toList()));
    statement.setString(3, item.level().party().value());
    statement.setString(4, item.level().code());
    statement.setString(5, releasability.isNoforn() ? "NOFORN" : releasability.hasRelTo() ? "REL_TO" : "OPEN");
    statement.setString(6, Db.join(releasability.relToEntries()));
    statement.setBoolean(7, item.orcon());
    statement.setString(8, Db.join(item.sortedTopics().stream().map(Topic::slug).toList()));
    Db.setInstant(statement, 9, item.created());
    Db.setInstant(statement, 10, item.declassifyOn());
    statement.setString(11, item.marking());
    statement.setString(12, item.contentSha256());
    statement.setString(13, item.signature());
    statement.setString(14, item.signerKey());
  }

  private void bindContent(PreparedStatement statement, Item item, byte[] content) throws SQLException {
    bindSealed(statement, item, cipher.seal(item.id().value(), content));
  }

  private void bindTitle(PreparedStatement statement, Item item, ItemTitle title) throws SQLException {
    bindSealed(statement, item, cipher.sealTitle(item.id().value(), title.value().getBytes(StandardCharsets.UTF_8)));
  }

  private void bindSealed(PreparedStatement statement, Item item, ContentCipher.Sealed sealed) throws SQLException {
    statement.setString(1, item.id().value());
    statement.setString(2, keys.masterKeyId());
    statement.setBytes(3, sealed.keyIv());
    statement.setBytes(4, sealed.wrappedKey());
    statement.setBytes(5, sealed.contentIv());
    statement.setBytes(6, sealed.ciphertext());
  }

  @Override
  public Optional<Item> find(ItemId id) {
    return db.tx("reading item " + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE i.id = ?")) {
        select.setString(1, id.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(read(row)) : Optional.<Item>empty();
        }
      }
    });
  }

  @Override
  public Item require(ItemId id) {
    return find(id).orElseThrow(() -> StoreException.notFound("item", id.value()));
  }

  @Override
  public List<Item> list(int offset, int limit) {
    return db.tx("listing items", connection -> {
      List<Item> items = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(SELECT + " ORDER BY i.reg_no LIMIT ? OFFSET ?")) {
        select.setInt(1, limit);
        select.setInt(2, offset);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            items.add(read(row));
          }
        }
      }
      return items;
    });
  }

  @Override
  public long count() {
    return db.tx("counting items", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM item"); ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    });
  }

  @Override
  public ItemTitle title(ItemId id) {
    // titles() reads the item row too (a left join), so it also says whether the item exists
    ItemTitle title = titles(List.of(id)).get(id);
    if (title == null) {
      throw StoreException.notFound("item", id.value());
    }
    return title;
  }

  /** Read in slices of this many ids: one statement each, well under every driver's limit on parameters. */
  private static final int TITLE_SLICE = 500;

  @Override
  public Map<ItemId, ItemTitle> titles(List<ItemId> ids) {
    Map<ItemId, ContentCipher.Sealed> sealed = new HashMap<>();
    Set<ItemId> known = new HashSet<>();
    for (int from = 0; from < ids.size(); from += TITLE_SLICE) {
      List<ItemId> slice = ids.subList(from, Math.min(ids.size(), from + TITLE_SLICE));
      String marks = String.join(", ", java.util.Collections.nCopies(slice.size(), "?"));
      db.tx("reading the titles of " + slice.size() + " items", connection -> {
        try (PreparedStatement select = connection.prepareStatement("SELECT i.id, t.key_iv, t.wrapped_key, t.title_iv, t.ciphertext"
            + " FROM item i LEFT JOIN item_title t ON t.item_id = i.id WHERE i.id IN (" + marks + ")")) {
          for (int index = 0; index < slice.size(); index++) {
            select.setString(index + 1, slice.get(index).value());
          }
          try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
              ItemId id = ItemId.of(row.getString(1));
              known.add(id);
              if (row.getBytes(5) != null) {
                sealed.put(id, new ContentCipher.Sealed(row.getBytes(2), row.getBytes(3), row.getBytes(4), row.getBytes(5)));
              }
            }
          }
        }
        return null;
      });
    }
    Map<ItemId, ItemTitle> titles = new LinkedHashMap<>();
    for (ItemId id : ids) {
      if (known.contains(id)) {
        ContentCipher.Sealed row = sealed.get(id);
        titles.put(id, row == null ? ItemTitle.NONE : ItemTitle.of(new String(cipher.openTitle(id.value(), row), StandardCharsets.UTF_8)));
      }
    }
    return titles;
  }

  @Override
  public byte[] content(ItemId id) {
    Item item = require(id);
    ContentCipher.Sealed sealed = db.tx("reading the content of item " + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT key_iv, wrapped_key, content_iv, ciphertext FROM item_content WHERE item_id = ?")) {
        select.setString(1, id.value());
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            throw StoreException.contentCorrupt(id.value(), "its content row is missing");
          }
          return new ContentCipher.Sealed(row.getBytes(1), row.getBytes(2), row.getBytes(3), row.getBytes(4));
        }
      }
    });
    byte[] content = cipher.open(id.value(), sealed);
    if (!sha256(content).equals(item.contentSha256())) {
      throw StoreException.contentCorrupt(id.value(), "its content does not match the registered hash");
    }
    return content;
  }

  private static final String SELECT = "SELECT i.id, i.originators, i.level_party, i.level_code, i.releasability, i.rel_to, i.orcon, i.topics,"
      + " i.created, i.declassify_on, i.marking, i.content_sha256, i.signature, i.signer_key, i.batch_id, i.leaf_index, i.inclusion_proof,"
      + " b.tree_size, b.root AS batch_root, b.signature AS batch_signature FROM item i LEFT JOIN item_batch b ON b.id = i.batch_id";

  /** An item's signature as {@link Item} carries it: its own, or its batch proof put together from its columns and its batch's row. */
  private static String signatureOf(ResultSet row) throws SQLException {
    String batchId = row.getString("batch_id");
    if (batchId == null) {
      return row.getString("signature");
    }
    try {
      String root = row.getString("batch_root");
      return new ItemBatchProof(batchId, row.getInt("leaf_index"), row.getInt("tree_size"), root == null ? new byte[0] : HEX.parseHex(root),
          row.getString("batch_signature"), ItemBatchProof.path(row.getBytes("inclusion_proof"))).encode();
    } catch (IllegalArgumentException | NullPointerException malformed) {
      // a proof that cannot even be put together reads as one that does not verify
      return ItemBatchProof.PREFIX + "malformed";
    }
  }

  private Item read(ResultSet row) throws SQLException {
    List<PartyCode> originators = Db.split(row.getString("originators")).stream().map(PartyCode::of).toList();
    Level level = levels.apply(row.getString("level_party") + ":" + row.getString("level_code"));
    String kind = row.getString("releasability");
    Releasability releasability = switch (kind) {
      case "NOFORN" -> Releasability.noforn();
      case "REL_TO" -> Releasability.relTo(Db.split(row.getString("rel_to")));
      default -> Releasability.open();
    };
    Set<Topic> topics = new LinkedHashSet<>();
    for (String slug : Db.split(row.getString("topics"))) {
      topics.add(Topic.of(slug));
    }
    return new Item(ItemId.of(row.getString("id")), originators, level, releasability, row.getBoolean("orcon"), topics,
        Db.getInstant(row, "created"), Db.getInstant(row, "declassify_on"), row.getString("marking"), row.getString("content_sha256"),
        signatureOf(row), row.getString("signer_key"));
  }

  static String sha256(byte[] content) {
    return HEX.formatHex(sha256().digest(content));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
