package org.pactbridge.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.EntryType;
import org.pactbridge.core.logistics.LedgerConflictException;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.LedgerRepository;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Posting;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;

/**
 * The settlement ledger in the tables {@code ledger_entry} and {@code ledger_posting} (schema version
 * 3). Each append is one transaction: the entry, its postings and a {@code LEDGER_APPENDED} audit entry,
 * all or nothing. Rows are inserted, never updated or deleted. The next sequence is checked under the
 * audit chain's head lock, and the primary key on {@code sequence} refuses a second writer that got past
 * it: both are a {@link LedgerConflictException}. An instance appends as one actor, the user the
 * audit entries name ({@link Store#ledger(AuditActor)} makes one per acting user; it is cheap).
 */
public final class JdbcLedgerRepository implements LedgerRepository {
  private final Db db;
  private final JdbcAuditLog audit;
  private final AuditActor actor;

  JdbcLedgerRepository(Db db, JdbcAuditLog audit, AuditActor actor) {
    this.db = db;
    this.audit = audit;
    this.actor = java.util.Objects.requireNonNull(actor, "actor");
  }

  @Override
  public List<LedgerEntry> entries() {
    return db.tx("reading the ledger", JdbcLedgerRepository::read);
  }

  @Override
  public long size() {
    return db.tx("reading the ledger's size", JdbcLedgerRepository::maxSequence);
  }

  @Override
  public void append(LedgerEntry entry) {
    try {
      db.tx("appending ledger entry " + entry.sequence(), connection -> {
        // The audit head lock serialises appenders across processes before the sequence is checked.
        audit.appendIn(connection, List.of(auditEvent(entry, actor)));
        long expected = maxSequence(connection) + 1;
        if (entry.sequence() != expected) {
          throw new LedgerConflictException(expected, entry.sequence());
        }
        insert(connection, entry);
        return null;
      });
    } catch (StoreException e) {
      if (e.getCause() instanceof SQLException sql && isDuplicateKey(sql)) {
        throw new LedgerConflictException(entry.sequence() + 1, entry.sequence());
      }
      throw e;
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    // 23505: unique violation on both PostgreSQL and H2.
    return "23505".equals(e.getSQLState());
  }

  private static AuditEvent auditEvent(LedgerEntry entry, AuditActor actor) {
    List<String> details = new ArrayList<>(List.of(
        "sequence", Long.toString(entry.sequence()), "type", entry.type().name(), "agreement", entry.agreement().value(),
        "supplier", entry.supplier().value(), "receiver", entry.receiver().value(),
        "value", entry.value().amount().toPlainString(), "currency", entry.value().currency()));
    if (entry.category() != null) {
      details.addAll(List.of("category", entry.category().slug()));
    }
    if (entry.quantity() != null) {
      details.addAll(List.of("quantity", entry.quantity().toPlainString()));
    }
    if (entry.mode() != null) {
      details.addAll(List.of("mode", entry.mode().slug()));
    }
    if (entry.refers() != null) {
      details.addAll(List.of("refers", Long.toString(entry.refers())));
    }
    return AuditEvent.of(entry.at(), "LEDGER_APPENDED", actor, "ledger:" + entry.sequence(), details.toArray(String[]::new));
  }

  private static long maxSequence(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT MAX(sequence) FROM ledger_entry");
        ResultSet row = select.executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static void insert(Connection connection, LedgerEntry entry) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ledger_entry (sequence, type, agreement, supplier, receiver, category, quantity, amount, currency, mode, refers, entry_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setLong(1, entry.sequence());
      insert.setString(2, entry.type().name());
      insert.setString(3, entry.agreement().value());
      insert.setString(4, entry.supplier().value());
      insert.setString(5, entry.receiver().value());
      insert.setString(6, entry.category() == null ? null : entry.category().slug());
      insert.setString(7, entry.quantity() == null ? null : entry.quantity().toPlainString());
      insert.setBigDecimal(8, entry.value().amount());
      insert.setString(9, entry.value().currency());
      insert.setString(10, entry.mode() == null ? null : entry.mode().slug());
      if (entry.refers() == null) {
        insert.setNull(11, java.sql.Types.BIGINT);
      } else {
        insert.setLong(11, entry.refers());
      }
      Db.setInstant(insert, 12, entry.at());
      insert.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO ledger_posting (sequence, line_no, party, account, amount, currency) VALUES (?, ?, ?, ?, ?, ?)")) {
      int line = 0;
      for (Posting posting : entry.postings()) {
        insert.setLong(1, entry.sequence());
        insert.setInt(2, line++);
        insert.setString(3, posting.party().value());
        insert.setString(4, posting.account().name());
        insert.setBigDecimal(5, posting.amount().amount());
        insert.setString(6, posting.amount().currency());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static List<LedgerEntry> read(Connection connection) throws SQLException {
    Map<Long, List<Posting>> postings = new LinkedHashMap<>();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT sequence, party, account, amount, currency FROM ledger_posting ORDER BY sequence, line_no");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        postings.computeIfAbsent(row.getLong(1), k -> new ArrayList<>()).add(new Posting(
            PartyCode.of(row.getString(2)), Posting.Account.valueOf(row.getString(3)), new Money(row.getBigDecimal(4), row.getString(5))));
      }
    }
    List<LedgerEntry> entries = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
            "SELECT sequence, type, agreement, supplier, receiver, category, quantity, amount, currency, mode, refers, entry_at"
                + " FROM ledger_entry ORDER BY sequence");
        ResultSet row = select.executeQuery()) {
      while (row.next()) {
        long sequence = row.getLong("sequence");
        String category = row.getString("category");
        String quantity = row.getString("quantity");
        String mode = row.getString("mode");
        long refers = row.getLong("refers");
        Long refersTo = row.wasNull() ? null : refers;
        entries.add(new LedgerEntry(sequence, EntryType.valueOf(row.getString("type")), AgreementId.of(row.getString("agreement")),
            PartyCode.of(row.getString("supplier")), PartyCode.of(row.getString("receiver")),
            category == null ? null : Category.parse(category), quantity == null ? null : new BigDecimal(quantity),
            new Money(row.getBigDecimal("amount"), row.getString("currency")), mode == null ? null : ReimbursementMode.parse(mode),
            refersTo, Db.getInstant(row, "entry_at"), postings.getOrDefault(sequence, List.of())));
      }
    }
    return entries;
  }
}
