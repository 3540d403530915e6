package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditCodec;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditFilter;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.audit.AuditRow;
import org.pactbridge.core.audit.ChainHead;
import org.pactbridge.core.audit.ChainVerifier;
import org.pactbridge.core.audit.CheckpointSource;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.CommitRange;
import org.pactbridge.core.audit.IndexedFields;
import org.pactbridge.core.audit.KeptHead;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.merkle.MerkleProofs;
import org.pactbridge.core.merkle.MerkleTree;

/**
 * The audit log in tables {@code audit_entry}, {@code audit_checkpoint} and the lock row
 * {@code audit_head}, and the head file beside the node's keys ({@link HeadFile}).
 *
 * <p>An append is one commit (docs/audit-chain.md, section 5): it locks the one row of
 * {@code audit_head} ({@code SELECT … FOR UPDATE}, a row lock on H2 and PostgreSQL alike), so writers
 * in different processes take turns; reads the head from the entries (the highest {@code seq}; a unique
 * index on {@code prev_hash} forbids a fork); writes the v2 entries and the signed head of the last one
 * in the caller's transaction, so an operation, its entries and their signed head are kept or lost
 * together; and, once committed, records that head in the head file. It refuses to extend a chain that
 * contradicts what this instance signed or saw, or whose last commit lost its signed head: signing over
 * it would hide the change. Verification reads one snapshot (repeatable read) in pages of
 * {@value #PAGE} rows, so memory does not grow with the chain. Thread-safe through {@link Db}.
 *
 * <p>Format v3 (schema version 20): the log is also one RFC 9162 Merkle tree over the bodies. Each
 * commit reads, under the head lock, the frontier kept with the previous signed head (checked against
 * its tree head), adds its k entries and signs the new tree head: O(k + log n) hashes. A chain written
 * before v3 has no frontier: the first v3 commit rebuilds it once from the bodies. Appends that need
 * no transaction of their own ({@link #append}) go through {@link GroupCommit}: several callers' events
 * become one commit with one signed head.
 *
 * <p>Over 400 lines on purpose: append, the head's locking and verification share one transaction
 * discipline and the chain's format, and splitting them would spread one invariant over several files.
 * Issue 22's batched chain format is the moment to split it.
 */
final class JdbcAuditLog implements AuditLog, AutoCloseable {
  private static final int PAGE = 2000;
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] V2_PREFIX = (AuditCodec.MAGIC_V2 + "\n").getBytes(StandardCharsets.UTF_8);
  private static final byte[] V3_PREFIX = (AuditCodec.MAGIC_V3 + "\n").getBytes(StandardCharsets.UTF_8);
  /** At most this many events in one group commit. */
  static final int GROUP_MAX = 1024;
  /** How long a group waits for more events when several callers are active (microseconds). */
  static final long GROUP_LINGER_MICROS = 2000;
  private static final String ENTRY_COLUMNS = "seq, kind, subject, prev_hash, body, hash, actor_id, actor_name, actor_nation";
  private static final String CHECKPOINT_COLUMNS = "seq, hash, at_text, signer_key, signature, root";

  private final Db db;
  private final NodeKeys keys;
  private final String trustedKey;
  private final HeadFile headFile;
  private final GroupCommit group;
  /** The highest signed head this instance signed or saw with a valid signature; null before any. */
  private volatile Checkpoint known;
  /** Why appends are refused (the chain contradicts a signed head), or null. */
  private volatile String contradiction;

  JdbcAuditLog(Db db, NodeKeys keys, String trustedKey, HeadFile headFile) {
    this.db = db;
    this.keys = keys;
    this.trustedKey = trustedKey;
    this.headFile = headFile;
    this.group = new GroupCommit(events -> db.tx("appending to the audit log", connection -> appendIn(connection, events)), GROUP_MAX,
        GROUP_LINGER_MICROS);
  }

  /**
   * At open: reads the head file and the database's highest signed head, keeps the higher as the head
   * this instance knows, and checks that the chain still holds the file's head. A chain that does not
   * is not an error here (verify must still run): appends are refused instead.
   */
  void adoptHeads() {
    Optional<Checkpoint> fromFile = headFile.read();
    if (fromFile.isPresent() && !trusted(fromFile.get())) {
      throw StoreException.foreignHeadFile(headFile.path());
    }
    Optional<Checkpoint> fromDatabase = db.tx("reading the audit log's signed head", connection -> {
      List<Checkpoint> latest;
      try {
        latest = checkpointPage(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY seq DESC LIMIT 1");
      } catch (MalformedCheckpoint tampered) {
        latest = List.of(); // verify reports it; nothing in it can be seen as signed
      }
      if (fromFile.isPresent()) {
        contradiction = contradictionOf(connection, fromFile.get(), "the head file " + headFile.path());
      }
      return latest.isEmpty() ? Optional.<Checkpoint>empty() : Optional.of(latest.get(0));
    });
    fromFile.ifPresent(head -> known = head);
    fromDatabase.filter(this::trusted).ifPresent(this::signedOrSeen);
  }

  /** Why the chain contradicts {@code head} (entry missing, or another hash), or null when it holds it. */
  private static String contradictionOf(Connection connection, Checkpoint head, String where) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM audit_entry WHERE seq = ?")) {
      select.setLong(1, head.seq());
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return where + " records entry " + head.seq() + " (signed " + head.at() + "), which the database no longer holds";
        }
        if (!head.hashHex().equals(row.getString(1))) {
          return "entry " + head.seq() + " is not the one " + where + " records (signed " + head.at() + ")";
        }
      }
    }
    return null;
  }

  private synchronized void signedOrSeen(Checkpoint head) {
    Checkpoint current = known;
    if (current == null || head.seq() > current.seq()) {
      known = head;
    }
    headFile.offer(head);
  }

  /**
   * Appends one event through the group commit: it is written with the events other callers appended
   * meanwhile, as one commit, and this returns once that commit is durable. Called from inside a store
   * transaction (which would wait for itself), it is appended in that transaction instead.
   */
  @Override
  public AuditEntry append(AuditEvent event) {
    if (db.heldByCurrentThread()) {
      return db.tx("appending to the audit log", connection -> appendIn(connection, List.of(event)).get(0));
    }
    return group.append(event);
  }

  /**
   * Appends events in order as one commit in a transaction of its own, now, without waiting for other
   * callers: what an operation that appends several events together without other writes does.
   */
  List<AuditEntry> appendCommit(List<AuditEvent> events) {
    return db.tx("appending to the audit log", connection -> appendIn(connection, events));
  }

  /** Appends events in order as one commit, with its signed head, inside the caller's transaction. */
  List<AuditEntry> appendIn(Connection connection, List<AuditEvent> events) throws SQLException {
    if (contradiction != null) {
      throw StoreException.auditChainContradicted(contradiction, headFile.path());
    }
    lockHead(connection);
    Head head = readHead(connection);
    Checkpoint knownHead = known;
    if (knownHead != null && (head.seq < knownHead.seq() || head.seq == knownHead.seq() && !head.hashHex.equals(knownHead.hashHex()))) {
      contradiction = contradictionOf(connection, knownHead, "this instance's signed head");
      throw StoreException.auditChainContradicted(contradiction, headFile.path());
    }
    if (head.v2 && !head.hashHex.equals(head.signedHashHex)) {
      throw StoreException.auditChainContradicted("the signed head of entry " + head.seq + " is missing or does not match it", headFile.path());
    }
    byte[] prev = parseHash(head, headFile.path());
    MerkleFrontier tree = frontier(connection, head);
    List<AuditEntry> written = AuditChain.commit(head.seq + 1, prev, events);
    CommitRange commit = new CommitRange(head.seq + 1, head.seq + events.size());
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_entry (" + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < written.size(); i++) {
        AuditEntry entry = written.get(i);
        IndexedFields columns = IndexedFields.of(new AuditCodec.Decoded(2, entry.seq(), commit, events.get(i)));
        insert.setLong(1, entry.seq());
        insert.setString(2, columns.kind());
        insert.setString(3, columns.subject());
        insert.setString(4, HEX.formatHex(entry.prevHash()));
        insert.setBytes(5, entry.body());
        insert.setString(6, entry.hashHex());
        insert.setString(7, columns.actorId());
        insert.setString(8, columns.actorName());
        insert.setString(9, columns.actorNation());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    for (AuditEntry entry : written) {
      tree.appendData(entry.body());
    }
    AuditEntry last = written.get(written.size() - 1);
    Checkpoint signed = insertCheckpoint(connection, last.seq(), last.hashHex(), tree);
    db.afterCommit(() -> signedOrSeen(signed));
    return written;
  }

  private static byte[] parseHash(Head head, Path headFilePath) {
    if (head.seq == 0) {
      return AuditChain.genesis();
    }
    try {
      byte[] hash = HEX.parseHex(head.hashHex);
      if (hash.length == 32) {
        return hash;
      }
    } catch (IllegalArgumentException e) {
      // fall through: not hex
    }
    throw StoreException.auditChainContradicted("the stored hash of entry " + head.seq + " is not a hash", headFilePath);
  }

  private static void lockHead(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("the audit lock row is missing: the schema is damaged");
      }
    }
  }

  /**
   * The last entry; whether it is v2 or v3 (whose commits are always signed); and the hash, tree head
   * and frontier its signed head names (null when it has none, or for a v1 checkpoint).
   */
  private record Head(long seq, String hashHex, boolean v2, String signedHashHex, String rootHex, String frontierHex) {}

  private static Head readHead(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT e.seq, e.hash, e.body, c.hash, c.root, c.frontier FROM audit_entry e LEFT JOIN audit_checkpoint c ON c.seq = e.seq"
            + " ORDER BY e.seq DESC LIMIT 1");
        ResultSet row = select.executeQuery()) {
      if (!row.next()) {
        return new Head(0, HEX.formatHex(AuditChain.genesis()), false, null, null, null);
      }
      byte[] body = row.getBytes(3);
      boolean v2 = startsWith(body, V2_PREFIX) || startsWith(body, V3_PREFIX);
      return new Head(row.getLong(1), row.getString(2), v2, row.getString(4), row.getString(5), row.getString(6));
    }
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    return body.length >= prefix.length && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
  }

  /**
   * The Merkle tree of entries 1..head, read under the head lock: the frontier kept with the head's
   * signed head, once it folds to the tree head that signed head names; or, for a chain written before
   * v3 (no frontier yet), rebuilt from the bodies, once.
   */
  private MerkleFrontier frontier(Connection connection, Head head) throws SQLException {
    if (head.seq == 0) {
      return new MerkleFrontier();
    }
    if (head.frontierHex != null) {
      MerkleFrontier tree;
      try {
        tree = MerkleFrontier.fromHex(head.seq, head.frontierHex);
      } catch (IllegalArgumentException e) {
        throw StoreException.auditChainContradicted("the Merkle frontier kept with the signed head of entry " + head.seq + " is malformed",
            headFile.path());
      }
      if (head.rootHex == null || !HEX.formatHex(tree.root()).equals(head.rootHex)) {
        throw StoreException.auditChainContradicted("the Merkle frontier kept with the signed head of entry " + head.seq
            + " does not give its tree head", headFile.path());
      }
      return tree;
    }
    return rebuild(connection, 0, head.seq);
  }

  /** The tree of entries {@code from + 1 .. to} (leaves {@code from .. to - 1}), read from the bodies in pages. */
  private static MerkleFrontier rebuild(Connection connection, long from, long to) throws SQLException {
    MerkleFrontier tree = new MerkleFrontier();
    long next = from + 1;
    try (PreparedStatement select = connection.prepareStatement("SELECT seq, body FROM audit_entry WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?")) {
      while (next <= to) {
        select.setLong(1, next);
        select.setLong(2, to);
        select.setInt(3, PAGE);
        int read = 0;
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            long seq = row.getLong(1);
            if (seq != next) {
              throw new IllegalArgumentException("entry " + next + " is missing: the Merkle tree cannot be computed");
            }
            tree.appendData(row.getBytes(2));
            next++;
            read++;
          }
        }
        if (read == 0) {
          throw new IllegalArgumentException("entry " + next + " is missing: the Merkle tree cannot be computed");
        }
      }
    }
    return tree;
  }

  private Checkpoint insertCheckpoint(Connection connection, long seq, String hashHex, MerkleFrontier tree) throws SQLException {
    Instant at = Instant.now();
    String root = HEX.formatHex(tree.root());
    String signature = Base64.getEncoder().encodeToString(keys.sign(Checkpoint.signedBytes(seq, root, hashHex, at)));
    Checkpoint checkpoint = new Checkpoint(seq, hashHex, at, keys.publicKeyBase64(), signature, root);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_checkpoint (" + CHECKPOINT_COLUMNS + ", frontier) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setString(2, hashHex);
      insert.setString(3, at.toString());
      insert.setString(4, checkpoint.signerKey());
      insert.setString(5, signature);
      insert.setString(6, root);
      insert.setString(7, tree.toHex());
      insert.executeUpdate();
    }
    return checkpoint;
  }

  @Override
  public List<AuditEntry> entries(long fromSeq, int limit) {
    return db.tx("reading the audit log", connection -> rows(connection, fromSeq, limit).stream().map(AuditRow::entry).toList());
  }

  private static List<AuditRow> rows(Connection connection, long fromSeq, int limit) throws SQLException {
    List<AuditRow> rows = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")) {
      select.setLong(1, fromSeq);
      select.setInt(2, limit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          AuditEntry entry = new AuditEntry(row.getLong("seq"), hexOrGarbage(row.getString("prev_hash")), row.getBytes("body"),
              hexOrGarbage(row.getString("hash")));
          rows.add(new AuditRow(entry, new IndexedFields(row.getString("kind"), row.getString("subject"), row.getString("actor_id"),
              row.getString("actor_name"), row.getString("actor_nation"))));
        }
      }
    }
    return rows;
  }

  @Override
  public List<AuditEntry> find(AuditFilter filter, long cursor, boolean newestFirst, int limit) {
    // Only the columns narrow here (kind and subject since V1, the actor since V4, each indexed by V14);
    // a v1 row has no actor columns, so it passes and AuditFilter.matches decides.
    StringBuilder sql = new StringBuilder("SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq " + (newestFirst ? "<= ?" : ">= ?"));
    List<String> values = new ArrayList<>();
    if (filter.kind() != null) {
      sql.append(" AND kind = ?");
      values.add(filter.kind());
    }
    if (filter.subject() != null) {
      sql.append(" AND subject = ?");
      values.add(IndexedFields.subjectColumn(filter.subject()));
    }
    if (filter.actor() != null) {
      sql.append(" AND (actor_name IS NULL OR actor_name = ? OR actor_id = ? OR actor_nation = ?)");
      values.add(filter.actor());
      values.add(filter.actor());
      values.add(filter.actor());
    }
    sql.append(" ORDER BY seq").append(newestFirst ? " DESC" : "").append(" LIMIT ?");
    return db.tx("reading the audit log", connection -> {
      List<AuditEntry> entries = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
        int index = 1;
        select.setLong(index++, cursor);
        for (String value : values) {
          select.setString(index++, value);
        }
        select.setInt(index, limit);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            entries.add(new AuditEntry(row.getLong("seq"), hexOrGarbage(row.getString("prev_hash")), row.getBytes("body"),
                hexOrGarbage(row.getString("hash"))));
          }
        }
      }
      return entries;
    });
  }

  /** A stored hash; a value that is not 64 hex digits (tampered) becomes bytes that match nothing. */
  private static byte[] hexOrGarbage(String hex) {
    try {
      byte[] bytes = HEX.parseHex(hex);
      if (bytes.length == 32) {
        return bytes;
      }
    } catch (IllegalArgumentException | NullPointerException e) {
      // fall through: not hex
    }
    byte[] garbage = new byte[32];
    Arrays.fill(garbage, (byte) 0xA5);
    garbage[0] = (byte) (hex == null ? 0 : hex.length());
    return garbage;
  }

  @Override
  public ChainHead head() {
    return db.tx("reading the audit head", connection -> {
      Head head = readHead(connection);
      return new ChainHead(head.seq, head.hashHex);
    });
  }

  @Override
  public Optional<Checkpoint> checkpoint() {
    return db.tx("signing an audit checkpoint", connection -> {
      lockHead(connection);
      Head head = readHead(connection);
      if (head.seq == 0) {
        return Optional.<Checkpoint>empty();
      }
      if (head.signedHashHex != null) {
        List<Checkpoint> existing = checkpointPage(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE seq = " + head.seq);
        if (!head.signedHashHex.equals(head.hashHex)) {
          throw StoreException.auditChainContradicted("entry " + head.seq + " does not match its signed head", headFile.path());
        }
        return Optional.of(existing.get(0));
      }
      if (head.v2) {
        // a v2 commit always ends signed: a missing signed head was removed, and signing now would hide it
        throw StoreException.auditChainContradicted("the signed head of entry " + head.seq + " is missing", headFile.path());
      }
      Checkpoint signed = insertCheckpoint(connection, head.seq, head.hashHex, rebuild(connection, 0, head.seq));
      db.afterCommit(() -> signedOrSeen(signed));
      return Optional.of(signed);
    });
  }

  @Override
  public List<Checkpoint> checkpoints(long fromSeq, int limit) {
    return db.tx("reading audit checkpoints", connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE seq >= ? ORDER BY seq LIMIT ?")) {
        select.setLong(1, fromSeq);
        select.setInt(2, limit);
        return checkpoints(select);
      }
    });
  }

  private static List<Checkpoint> checkpointPage(Connection connection, String sql) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      return checkpoints(select);
    }
  }

  private static List<Checkpoint> checkpoints(PreparedStatement select) throws SQLException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (ResultSet row = select.executeQuery()) {
      while (row.next()) {
        long seq = row.getLong("seq");
        try {
          checkpoints.add(new Checkpoint(seq, row.getString("hash"), Instant.parse(row.getString("at_text")), row.getString("signer_key"),
              row.getString("signature"), row.getString("root")));
        } catch (RuntimeException malformed) {
          throw new MalformedCheckpoint(seq, malformed);
        }
      }
    }
    return checkpoints;
  }

  @Override
  public Verification verify() {
    return verify(List.of());
  }

  /**
   * Verifies the chain against its checkpoints, this instance's head file and {@code otherHeadFiles}
   * (other instances' copies): any of them the chain does not hold is reported. When the chain is
   * intact, its highest signed head counts as seen and moves the head file up.
   */
  Verification verify(List<Path> otherHeadFiles) {
    headFile.flush();
    List<KeptHead> kept = new ArrayList<>();
    try {
      headFile.read().ifPresent(head -> kept.add(new KeptHead(headFile.path().toString(), head)));
    } catch (StoreException corrupt) {
      return new Verification.Broken(Verification.Problem.BAD_CHECKPOINT, 0, corrupt.getMessage());
    }
    for (Path other : otherHeadFiles) {
      Checkpoint head = HeadFile.read(other).orElseThrow(() -> StoreException.corruptHeadFile(other, 0, "the file is missing"));
      kept.add(new KeptHead(other.toString(), head));
    }
    Verification verification = db.tx("verifying the audit log", Connection.TRANSACTION_REPEATABLE_READ, connection -> {
      try {
        return ChainVerifier.verify(new PagedRows(connection), new PagedCheckpoints(connection), kept, this::trusted,
            hash -> lookup(connection, hash));
      } catch (UncheckedSql e) {
        throw e.getCause();
      } catch (MalformedCheckpoint malformed) {
        return new Verification.Broken(Verification.Problem.BAD_CHECKPOINT, malformed.seq,
            "the checkpoint row at entry " + malformed.seq + " is malformed: " + malformed.getCause().getMessage());
      }
    });
    if (verification instanceof Verification.Intact intact && intact.lastSeq() > 0) {
      List<Checkpoint> latest = db.tx("reading the audit log's signed head",
          connection -> checkpointPage(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY seq DESC LIMIT 1"));
      if (!latest.isEmpty() && latest.get(0).seq() <= intact.lastSeq()) {
        signedOrSeen(latest.get(0)); // its signature was checked by the walk, which vouched for everything below it
      }
    }
    return verification;
  }

  /** Writes the heads not yet written to the head file. */
  void flushHeadFile() {
    headFile.flush();
  }

  @Override
  public byte[] treeRoot(long size) {
    return db.tx("computing the audit log's Merkle tree head", Connection.TRANSACTION_REPEATABLE_READ, connection -> {
      checkSize(connection, size);
      try {
        return size == 0 ? MerkleTree.root(List.of()) : ranges(connection).root(0, size);
      } catch (UncheckedSql e) {
        throw e.getCause();
      }
    });
  }

  @Override
  public List<byte[]> consistencyProof(long oldSize, long newSize) {
    if (oldSize < 0 || oldSize > newSize) {
      throw new IllegalArgumentException("a consistency proof runs from a smaller tree to a larger one: " + oldSize + " to " + newSize);
    }
    return db.tx("computing an audit consistency proof", Connection.TRANSACTION_REPEATABLE_READ, connection -> {
      checkSize(connection, newSize);
      try {
        return MerkleProofs.consistencyProof(ranges(connection), oldSize, newSize);
      } catch (UncheckedSql e) {
        throw e.getCause();
      }
    });
  }

  @Override
  public List<byte[]> inclusionProof(long seq, long size) {
    if (seq < 1 || seq > size) {
      throw new IllegalArgumentException("entry " + seq + " is not in a tree of " + size + " entries");
    }
    return db.tx("computing an audit inclusion proof", Connection.TRANSACTION_REPEATABLE_READ, connection -> {
      checkSize(connection, size);
      try {
        return MerkleProofs.inclusionProof(ranges(connection), seq - 1, size);
      } catch (UncheckedSql e) {
        throw e.getCause();
      }
    });
  }

  private static void checkSize(Connection connection, long size) throws SQLException {
    long head = readHead(connection).seq;
    if (size < 0 || size > head) {
      throw new IllegalArgumentException("the audit log holds " + head + " entries, not " + size);
    }
  }

  /**
   * Subtree heads of the log: the head of a tree from entry 1 that a signed head names is read from that
   * signed head's row; any other range is computed from the bodies, a page at a time. (A tampered row
   * yields a proof that fails the receiver's check against the signed head it holds; nothing is hidden.)
   */
  private static MerkleProofs.Ranges ranges(Connection connection) {
    return (from, to) -> {
      try {
        if (from == 0) {
          try (PreparedStatement select = connection.prepareStatement("SELECT root FROM audit_checkpoint WHERE seq = ? AND root IS NOT NULL")) {
            select.setLong(1, to);
            try (ResultSet row = select.executeQuery()) {
              if (row.next()) {
                return HEX.parseHex(row.getString(1));
              }
            }
          }
        }
        return rebuild(connection, from, to).root();
      } catch (SQLException e) {
        throw new UncheckedSql(e);
      }
    };
  }

  @Override
  public void close() {
    try {
      group.close();
    } finally {
      headFile.close();
    }
  }

  private boolean trusted(Checkpoint checkpoint) {
    if (!checkpoint.signerKey().equals(trustedKey)) {
      return false;
    }
    try {
      return NodeKeys.verify(trustedKey, checkpoint.signedBytes(), Base64.getDecoder().decode(checkpoint.signature()));
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private static OptionalLong lookup(Connection connection, byte[] hash) {
    try (PreparedStatement select = connection.prepareStatement("SELECT seq FROM audit_entry WHERE hash = ? ORDER BY seq LIMIT 1")) {
      select.setString(1, HEX.formatHex(hash));
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
      }
    } catch (SQLException e) {
      throw new UncheckedSql(e);
    }
  }

  /** Rows in stored order, read a page at a time. */
  private static final class PagedRows implements Iterator<AuditRow> {
    private final Connection connection;
    private List<AuditRow> page = List.of();
    private int index;
    private long next = Long.MIN_VALUE;
    private boolean exhausted;

    PagedRows(Connection connection) {
      this.connection = connection;
    }

    @Override
    public boolean hasNext() {
      if (index < page.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      try {
        page = rows(connection, next, PAGE);
      } catch (SQLException e) {
        throw new UncheckedSql(e);
      }
      index = 0;
      exhausted = page.size() < PAGE;
      if (!page.isEmpty()) {
        next = page.get(page.size() - 1).entry().seq() + 1;
      }
      return !page.isEmpty();
    }

    @Override
    public AuditRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index++);
    }
  }

  /** Checkpoints read a page at a time, up from the first or down from an entry. */
  private static final class PagedCheckpoints implements CheckpointSource {
    private final Connection connection;

    PagedCheckpoints(Connection connection) {
      this.connection = connection;
    }

    @Override
    public Iterator<Checkpoint> ascending() {
      return new Pages(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE seq > ? ORDER BY seq LIMIT " + PAGE, 0, true);
    }

    @Override
    public Iterator<Checkpoint> descendingBelow(long seq) {
      return new Pages(connection, "SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint WHERE seq < ? ORDER BY seq DESC LIMIT " + PAGE, seq, false);
    }
  }

  private static final class Pages implements Iterator<Checkpoint> {
    private final Connection connection;
    private final String sql;
    private final boolean up;
    private long bound;
    private List<Checkpoint> page = List.of();
    private int index;
    private boolean exhausted;

    Pages(Connection connection, String sql, long bound, boolean up) {
      this.connection = connection;
      this.sql = sql;
      this.bound = bound;
      this.up = up;
    }

    @Override
    public boolean hasNext() {
      if (index < page.size()) {
        return true;
      }
      if (exhausted) {
        return false;
      }
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setLong(1, bound);
        page = checkpoints(select);
      } catch (SQLException e) {
        throw new UncheckedSql(e);
      }
      index = 0;
      exhausted = page.size() < PAGE;
      if (!page.isEmpty()) {
        bound = page.get(page.size() - 1).seq();
      }
      return !page.isEmpty();
    }

    @Override
    public Checkpoint next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index++);
    }
  }

  /** A checkpoint row that does not make a checkpoint (a tampered column). */
  private static final class MalformedCheckpoint extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long seq;

    MalformedCheckpoint(long seq, RuntimeException cause) {
      super(cause);
      this.seq = seq;
    }
  }

  /** Carries an SQLException through the verifier's functional interfaces. */
  private static final class UncheckedSql extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncheckedSql(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
