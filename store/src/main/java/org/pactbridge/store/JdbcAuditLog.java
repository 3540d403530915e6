package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalLong;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.audit.ChainHead;
import org.pactbridge.core.audit.ChainVerifier;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;

/**
 * The audit log in tables {@code audit_entry}, {@code audit_head} and {@code audit_checkpoint}.
 *
 * <p>Appending locks the one-row head ({@code SELECT … FOR UPDATE}, a row lock on H2 and PostgreSQL
 * alike), so writers in different processes take turns and the chain never forks or skips a number;
 * the entry, the new head and any due checkpoint are written in the caller's transaction, so an
 * operation and its audit entry are kept or lost together. Verification reads one snapshot
 * (repeatable read) in pages of {@value #PAGE} entries.
 */
final class JdbcAuditLog implements AuditLog {
  private static final int PAGE = 2000;
  private static final HexFormat HEX = HexFormat.of();

  private final Db db;
  private final NodeKeys keys;
  private final int checkpointEvery;
  private final String trustedKey;

  JdbcAuditLog(Db db, NodeKeys keys, int checkpointEvery, String trustedKey) {
    this.db = db;
    this.keys = keys;
    this.checkpointEvery = checkpointEvery;
    this.trustedKey = trustedKey;
  }

  @Override
  public AuditEntry append(AuditEvent event) {
    return db.tx("appending to the audit log", connection -> appendIn(connection, List.of(event)).get(0));
  }

  /** Appends events in order inside the caller's transaction. */
  List<AuditEntry> appendIn(Connection connection, List<AuditEvent> events) throws SQLException {
    long seq;
    byte[] prev;
    try (PreparedStatement lock = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      if (!row.next()) {
        throw new IllegalStateException("the audit head row is missing: the schema is damaged");
      }
      seq = row.getLong("seq");
      prev = HEX.parseHex(row.getString("hash"));
    }
    List<AuditEntry> written = new ArrayList<>(events.size());
    List<AuditEntry> due = new ArrayList<>();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_entry (seq, kind, subject, prev_hash, body, hash) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent event : events) {
        seq++;
        AuditEntry entry = AuditChain.append(seq, prev, event);
        insert.setLong(1, seq);
        insert.setString(2, event.kind());
        insert.setString(3, truncate(event.subject(), 400));
        insert.setString(4, HEX.formatHex(prev));
        insert.setBytes(5, entry.body());
        insert.setString(6, entry.hashHex());
        insert.addBatch();
        written.add(entry);
        if (seq % checkpointEvery == 0) {
          due.add(entry);
        }
        prev = entry.hash();
      }
      insert.executeBatch();
    }
    try (PreparedStatement head = connection.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
      head.setLong(1, seq);
      head.setString(2, HEX.formatHex(prev));
      head.executeUpdate();
    }
    for (AuditEntry entry : due) {
      insertCheckpoint(connection, entry.seq(), entry.hashHex());
    }
    return written;
  }

  private Checkpoint insertCheckpoint(Connection connection, long seq, String hashHex) throws SQLException {
    Instant at = Instant.now();
    String signature = Base64.getEncoder().encodeToString(keys.sign(Checkpoint.signedBytes(seq, hashHex, at)));
    Checkpoint checkpoint = new Checkpoint(seq, hashHex, at, keys.publicKeyBase64(), signature);
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO audit_checkpoint (seq, hash, at_text, signer_key, signature) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setString(2, hashHex);
      insert.setString(3, at.toString());
      insert.setString(4, checkpoint.signerKey());
      insert.setString(5, signature);
      insert.executeUpdate();
    }
    return checkpoint;
  }

  @Override
  public List<AuditEntry> entries(long fromSeq, int limit) {
    return db.tx("reading the audit log", connection -> page(connection, fromSeq, limit));
  }

  private static List<AuditEntry> page(Connection connection, long fromSeq, int limit) throws SQLException {
    List<AuditEntry> entries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT seq, prev_hash, body, hash FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")) {
      select.setLong(1, fromSeq);
      select.setInt(2, limit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          entries.add(new AuditEntry(row.getLong("seq"), hexOrGarbage(row.getString("prev_hash")), row.getBytes("body"),
              hexOrGarbage(row.getString("hash"))));
        }
      }
    }
    return entries;
  }

  /** A stored hash; a value that is not 64 hex digits (tampered) becomes bytes that match nothing. */
  private static byte[] hexOrGarbage(String hex) {
    try {
      byte[] bytes = HEX.parseHex(hex);
      if (bytes.length == 32) {
        return bytes;
      }
    } catch (IllegalArgumentException e) {
      // fall through: not hex
    }
    byte[] garbage = new byte[32];
    java.util.Arrays.fill(garbage, (byte) 0xA5);
    garbage[0] = (byte) hex.length();
    return garbage;
  }

  @Override
  public ChainHead head() {
    return db.tx("reading the audit head", JdbcAuditLog::readHead);
  }

  private static ChainHead readHead(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      return row.next() ? new ChainHead(row.getLong("seq"), row.getString("hash")) : null;
    }
  }

  @Override
  public Optional<Checkpoint> checkpoint() {
    return db.tx("signing an audit checkpoint", connection -> {
      long seq;
      String hash;
      try (PreparedStatement lock = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE");
          ResultSet row = lock.executeQuery()) {
        row.next();
        seq = row.getLong("seq");
        hash = row.getString("hash");
      }
      if (seq == 0) {
        return Optional.<Checkpoint>empty();
      }
      for (Checkpoint existing : readCheckpoints(connection)) {
        if (existing.seq() == seq) {
          return Optional.of(existing);
        }
      }
      return Optional.of(insertCheckpoint(connection, seq, hash));
    });
  }

  @Override
  public List<Checkpoint> checkpoints() {
    return db.tx("reading audit checkpoints", JdbcAuditLog::readCheckpoints);
  }

  private static List<Checkpoint> readCheckpoints(Connection connection) throws SQLException {
    List<Checkpoint> checkpoints = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT seq, hash, at_text, signer_key, signature FROM audit_checkpoint ORDER BY seq");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        checkpoints.add(new Checkpoint(row.getLong("seq"), row.getString("hash"), Instant.parse(row.getString("at_text")),
            row.getString("signer_key"), row.getString("signature")));
      }
    }
    return checkpoints;
  }

  @Override
  public Verification verify() {
    return db.tx("verifying the audit log", Connection.TRANSACTION_REPEATABLE_READ, connection -> {
      ChainHead head = readHead(connection);
      List<Checkpoint> checkpoints;
      try {
        checkpoints = readCheckpoints(connection);
      } catch (RuntimeException malformed) {
        return new Verification.Broken(Verification.Problem.BAD_CHECKPOINT, 0, "a checkpoint row is malformed: " + malformed.getMessage());
      }
      Iterator<AuditEntry> entries = new PagedEntries(connection);
      try {
        return ChainVerifier.verify(entries, hash -> lookup(connection, hash), head, checkpoints, this::trusted);
      } catch (UncheckedSql e) {
        throw e.getCause();
      }
    });
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

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  /** Entries in stored order, read a page at a time. */
  private static final class PagedEntries implements Iterator<AuditEntry> {
    private final Connection connection;
    private List<AuditEntry> page = List.of();
    private int index;
    private long next = Long.MIN_VALUE;
    private boolean exhausted;

    PagedEntries(Connection connection) {
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
        page = page(connection, next, PAGE);
      } catch (SQLException e) {
        throw new UncheckedSql(e);
      }
      index = 0;
      if (page.size() < PAGE) {
        exhausted = true;
      }
      if (!page.isEmpty()) {
        next = page.get(page.size() - 1).seq() + 1;
      }
      return !page.isEmpty();
    }

    @Override
    public AuditEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return page.get(index++);
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
