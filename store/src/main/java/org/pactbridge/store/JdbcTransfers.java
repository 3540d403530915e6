package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.party.PartyCode;

/**
 * Transfers between nodes, exactly once (V17): the sending side's {@code transfer} rows and the
 * {@code fed_outbox} its delivery workers empty, the receiving side's {@code transfer_inbox}, and the
 * consent requests that cross nodes ({@code consent_federated}).
 *
 * <p>Every change of state is one transaction with its audit entries: a transfer is decided, recorded and
 * queued together ({@link #record}); a receipt is stored with the outbox row's completion ({@link
 * #complete}); a received item, its holding, the inbox row and their audit entries are stored together
 * ({@link #receive}), and a repeated idempotency key finds the row already there and stores nothing.
 * Thread-safe, as the store's other repositories.
 */
public final class JdbcTransfers {
  /** The audit kinds this repository writes. */
  public static final String QUEUED = "TRANSFER_QUEUED";

  private final Db db;
  private final JdbcAuditLog audit;
  private final JdbcReleaseRepository releases;
  private final JdbcItemArchives archives;
  private final JdbcConsentRepository consents;
  private final boolean postgres;

  JdbcTransfers(Db db, JdbcAuditLog audit, JdbcReleaseRepository releases, JdbcItemArchives archives, JdbcConsentRepository consents,
      boolean postgres) {
    this.db = db;
    this.audit = audit;
    this.releases = releases;
    this.archives = archives;
    this.consents = consents;
    this.postgres = postgres;
  }

  /** What an outbox row carries. */
  public enum Kind { TRANSFER, CONSENT_REQUEST, CONSENT_ANSWER }

  /** An outbox row's state: waiting to be delivered, delivered (answered 2xx), or refused for good (4xx). */
  public enum OutboxState { PENDING, DONE, FAILED }

  /** A transfer's state on the sending node. */
  public enum State { AWAITING_CONSENT, QUEUED, DELIVERED, REFUSED }

  /**
   * One message for a peer: {@code key} is its idempotency key (for a transfer, the transfer's id);
   * {@code ref} names what it is about (the transfer, or the consent request).
   */
  public record OutboxMessage(String key, PartyCode peer, Kind kind, String ref, String path, String contentType, byte[] body,
      OutboxState state, int attempts, Instant nextAttempt, Optional<String> lastError, Instant created) {
    public OutboxMessage {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(peer, "peer");
      Objects.requireNonNull(body, "body");
      lastError = lastError == null ? Optional.empty() : lastError;
    }

    /** A new message, due at once. */
    public static OutboxMessage fresh(String key, PartyCode peer, Kind kind, String ref, String path, String contentType, byte[] body, Instant now) {
      return new OutboxMessage(key, peer, kind, ref, path, contentType, body, OutboxState.PENDING, 0, now, Optional.empty(), now);
    }
  }

  /**
   * A transfer as the sending node records it. {@code reasonsJson} is a JSON array of {@code {code,
   * message}}; {@code consents} the originators whose signed consents travel with it.
   */
  public record TransferRecord(String id, ItemId item, PartyCode holder, PartyCode recipient, String requestedBy, Instant decidedAt,
      State state, Optional<PartyCode> refusedBy, String reasonsJson, Optional<String> archiveSha256, List<PartyCode> consents,
      Optional<String> receiptId, Optional<String> receiptJws, Instant updatedAt) {
    public TransferRecord {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
      consents = List.copyOf(consents);
    }
  }

  /** The receiving node's row for one idempotency key: the outcome and the receipt as signed. */
  public record InboxRecord(String key, PartyCode sender, Optional<ItemId> item, String outcome, String reasonsJson, String receiptId,
      String receiptJws, String archiveSha256, Instant receivedAt) {}

  /** What a delivered transfer stores besides its inbox row: the item, as an archive import would. */
  public record Received(Item item, byte[] content, ItemTitle title, Holding holding, JdbcItemArchives.ArchiveRecord archive) {}

  /** A consent request that crosses nodes: asked of a peer ({@code OUT}) or by one ({@code IN}). */
  public record Federated(String requestId, String direction, PartyCode peer, Optional<String> transferId, Optional<String> answerJws) {}

  /** A request this node asks of an originator's node, with the message that carries it. */
  public record Asked(ConsentRequest request, OutboxMessage message) {}

  /**
   * Records a transfer as decided, in one transaction: the release record (and, when released, the
   * recipient's holding), the transfer row, the consent requests it asks of originators' nodes, the
   * outbox messages, and the audit entries ({@code TRANSFER_QUEUED}, {@code TRANSFER_AWAITING_CONSENT} or
   * {@code TRANSFER_REFUSED}).
   */
  public void record(Release release, Holding holding, TransferRecord transfer, List<Asked> asked, List<OutboxMessage> messages, AuditActor actor) {
    db.tx("recording transfer " + transfer.id(), connection -> {
      List<AuditEvent> events = new ArrayList<>(releases.insertIn(connection, release, holding, actor));
      insertTransfer(connection, transfer);
      for (Asked ask : asked) {
        events.add(consents.requestIn(connection, ask.request(), actor));
        insertFederated(connection, ask.request().id(), "OUT", ask.message().peer(), transfer.id());
        insertOutbox(connection, ask.message());
      }
      for (OutboxMessage message : messages) {
        insertOutbox(connection, message);
      }
      events.add(transferEvent(transfer, actor));
      audit.appendIn(connection, events);
      return null;
    });
  }

  /**
   * Moves a transfer that waited for consents on: to {@code QUEUED} with its release, holding and message,
   * or to {@code REFUSED}. Only from {@code AWAITING_CONSENT}; false (and nothing written) if another
   * worker moved it first.
   */
  public boolean proceed(Release release, Holding holding, TransferRecord transfer, OutboxMessage message, AuditActor actor) {
    return db.tx("moving transfer " + transfer.id() + " on", connection -> {
      try (PreparedStatement update = connection.prepareStatement("UPDATE transfer SET state = ?, refused_by = ?, reasons = ?, archive_sha256 = ?,"
          + " consents = ?, decided_at = ?, updated_at = ? WHERE id = ? AND state = 'AWAITING_CONSENT'")) {
        update.setString(1, transfer.state().name());
        update.setString(2, transfer.refusedBy().map(PartyCode::value).orElse(null));
        update.setString(3, transfer.reasonsJson());
        update.setString(4, transfer.archiveSha256().orElse(null));
        update.setString(5, Db.join(transfer.consents().stream().map(PartyCode::value).toList()));
        Db.setInstant(update, 6, transfer.decidedAt());
        Db.setInstant(update, 7, transfer.updatedAt());
        update.setString(8, transfer.id());
        if (update.executeUpdate() == 0) {
          return false;
        }
      }
      List<AuditEvent> events = new ArrayList<>(releases.insertIn(connection, release, holding, actor));
      if (message != null) {
        insertOutbox(connection, message);
      }
      events.add(transferEvent(transfer, actor));
      audit.appendIn(connection, events);
      return true;
    });
  }

  private static AuditEvent transferEvent(TransferRecord transfer, AuditActor actor) {
    return AuditEvent.of(transfer.decidedAt(), "TRANSFER_" + transfer.state().name(), actor, transfer.item().value(),
        "id", transfer.id(), "holder", transfer.holder().value(), "recipient", transfer.recipient().value(),
        "refused-by", transfer.refusedBy().map(PartyCode::value).orElse(""), "consents",
        String.join(",", transfer.consents().stream().map(PartyCode::value).toList()));
  }

  /**
   * Claims up to {@code max} outbox rows due at {@code now} for one worker: each is leased until {@code
   * now + lease} (its next attempt moves there), so no other worker, in this process or another on the
   * same PostgreSQL database ({@code FOR UPDATE SKIP LOCKED}), sends it meanwhile.
   */
  public List<OutboxMessage> claimDue(Instant now, Duration lease, int max) {
    return db.tx("claiming due outbox messages", connection -> {
      List<OutboxMessage> due = new ArrayList<>();
      String sql = "SELECT id, peer, kind, ref, path, content_type, body, state, attempts, next_attempt_at, last_error, created_at FROM fed_outbox"
          + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, reg_no"
          + (postgres ? " LIMIT " + max + " FOR UPDATE SKIP LOCKED" : " LIMIT " + max + " FOR UPDATE");
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        Db.setInstant(select, 1, now);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            due.add(outbox(row));
          }
        }
      }
      try (PreparedStatement lease1 = connection.prepareStatement("UPDATE fed_outbox SET next_attempt_at = ? WHERE id = ?")) {
        for (OutboxMessage message : due) {
          Db.setInstant(lease1, 1, now.plus(lease));
          lease1.setString(2, message.key());
          lease1.addBatch();
        }
        if (!due.isEmpty()) {
          lease1.executeBatch();
        }
      }
      return due;
    });
  }

  /** A failed attempt: counted, with its error (no content), and due again at {@code next}. Only while pending. */
  public void retryLater(String key, Instant next, String error) {
    db.tx("rescheduling outbox message " + key, connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE fed_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND state = 'PENDING'")) {
        Db.setInstant(update, 1, next);
        update.setString(2, truncate(error));
        update.setString(3, key);
        update.executeUpdate();
      }
      return null;
    });
  }

  /**
   * Completes a delivered message ({@code DONE}) or one the peer refused for good ({@code FAILED}), with,
   * for a transfer, the transfer's final state and receipt, in one transaction with the audit entry
   * ({@code TRANSFER_DELIVERED} or {@code TRANSFER_REFUSED}, naming the receipt). False, and nothing
   * written, when the row was completed before (a second worker's late answer).
   */
  public boolean complete(String key, OutboxState state, String note, TransferRecord finished, Instant doneAt, AuditActor actor) {
    return db.tx("completing outbox message " + key, connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE fed_outbox SET state = ?, done_at = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'PENDING'")) {
        update.setString(1, state.name());
        Db.setInstant(update, 2, doneAt);
        update.setString(3, note == null ? null : truncate(note));
        update.setString(4, key);
        if (update.executeUpdate() == 0) {
          return false;
        }
      }
      if (finished != null) {
        try (PreparedStatement update = connection.prepareStatement("UPDATE transfer SET state = ?, refused_by = ?, reasons = ?, receipt_id = ?,"
            + " receipt_jws = ?, updated_at = ? WHERE id = ?")) {
          update.setString(1, finished.state().name());
          update.setString(2, finished.refusedBy().map(PartyCode::value).orElse(null));
          update.setString(3, finished.reasonsJson());
          update.setString(4, finished.receiptId().orElse(null));
          update.setString(5, finished.receiptJws().orElse(null));
          Db.setInstant(update, 6, finished.updatedAt());
          update.setString(7, finished.id());
          update.executeUpdate();
        }
        audit.appendIn(connection, List.of(AuditEvent.of(finished.updatedAt(), "TRANSFER_" + finished.state().name(), actor,
            finished.item().value(), "id", finished.id(), "recipient", finished.recipient().value(),
            "refused-by", finished.refusedBy().map(PartyCode::value).orElse(""), "receipt", finished.receiptId().orElse(""))));
      }
      return true;
    });
  }

  /** One outbox row by its key. */
  public Optional<OutboxMessage> outbox(String key) {
    return db.tx("reading outbox message " + key, connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT id, peer, kind, ref, path, content_type, body, state, attempts,"
          + " next_attempt_at, last_error, created_at FROM fed_outbox WHERE id = ?")) {
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(outbox(row)) : Optional.<OutboxMessage>empty();
        }
      }
    });
  }

  /** How many outbox rows are in {@code state}. */
  public int count(OutboxState state) {
    return db.tx("counting outbox messages", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM fed_outbox WHERE state = ?")) {
        select.setString(1, state.name());
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getInt(1);
        }
      }
    });
  }

  /** The soonest next attempt of a pending row, if any: when a worker has something to do. */
  public Optional<Instant> nextDue() {
    return db.tx("reading the next due outbox message", connection -> {
      try (PreparedStatement select = connection.prepareStatement("SELECT MIN(next_attempt_at) AS next FROM fed_outbox WHERE state = 'PENDING'")) {
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.ofNullable(Db.getInstant(row, "next")) : Optional.<Instant>empty();
        }
      }
    });
  }

  /** One transfer of this node. */
  public Optional<TransferRecord> transfer(String id) {
    return db.tx("reading transfer " + id, connection -> {
      List<TransferRecord> found = transfers(connection, " WHERE id = ?", id, 0, 1);
      return found.isEmpty() ? Optional.<TransferRecord>empty() : Optional.of(found.get(0));
    });
  }

  /** Transfers sent by {@code holder}'s users, newest first. */
  public List<TransferRecord> transfersFrom(PartyCode holder, int offset, int limit) {
    return db.tx("listing transfers", connection -> transfers(connection, " WHERE holder = ?", holder.value(), offset, limit));
  }

  /** Transfers in {@code state}, oldest first. */
  public List<TransferRecord> transfersIn(State state, int limit) {
    return db.tx("listing transfers by state", connection -> {
      List<TransferRecord> found = transfers(connection, " WHERE state = ?", state.name(), 0, limit);
      java.util.Collections.reverse(found);
      return found;
    });
  }

  private static List<TransferRecord> transfers(Connection connection, String where, String parameter, int offset, int limit) throws SQLException {
    List<TransferRecord> out = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT id, item_id, holder, recipient, requested_by, decided_at, state, refused_by,"
        + " reasons, archive_sha256, consents, receipt_id, receipt_jws, updated_at FROM transfer" + where
        + " ORDER BY reg_no DESC LIMIT " + limit + " OFFSET " + offset)) {
      select.setString(1, parameter);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String refusedBy = row.getString("refused_by");
          out.add(new TransferRecord(row.getString("id"), ItemId.of(row.getString("item_id")), PartyCode.of(row.getString("holder")),
              PartyCode.of(row.getString("recipient")), row.getString("requested_by"), Db.getInstant(row, "decided_at"),
              State.valueOf(row.getString("state")), Optional.ofNullable(refusedBy).map(PartyCode::of), row.getString("reasons"),
              Optional.ofNullable(row.getString("archive_sha256")), Db.split(row.getString("consents")).stream().map(PartyCode::of).toList(),
              Optional.ofNullable(row.getString("receipt_id")), Optional.ofNullable(row.getString("receipt_jws")), Db.getInstant(row, "updated_at")));
        }
      }
    }
    return out;
  }

  /** The inbox row of an idempotency key. */
  public Optional<InboxRecord> inbox(String key) {
    return db.tx("reading inbox row " + key, connection -> inboxIn(connection, key));
  }

  /** The inbox, newest first. */
  public List<InboxRecord> inbox(int offset, int limit) {
    return db.tx("listing the inbox", connection -> {
      List<InboxRecord> out = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(INBOX_SELECT + " ORDER BY reg_no DESC LIMIT " + limit + " OFFSET " + offset)) {
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            out.add(inboxRow(row));
          }
        }
      }
      return out;
    });
  }

  /**
   * Stores what arrived under {@code record.key()}: the inbox row, and, when {@code received} is given,
   * the item, its content, title, holding and archive record, with the audit entries, in one transaction.
   * When the key is already in the inbox nothing is written and the stored row is returned: the caller
   * answers with its receipt, the same bytes as the first time.
   */
  public InboxRecord receive(InboxRecord record, Received received, AuditActor actor) {
    Optional<InboxRecord> stored = inbox(record.key());
    if (stored.isPresent()) {
      return stored.get();
    }
    try {
      return db.tx("storing inbox row " + record.key(), connection -> {
        Optional<InboxRecord> again = inboxIn(connection, record.key());
        if (again.isPresent()) {
          return again.get();
        }
        List<AuditEvent> events = new ArrayList<>();
        if (received != null) {
          JdbcItemRepository.check(received.item(), received.content());
          events.addAll(archives.importIn(connection, received.item(), received.content(), received.title(), received.holding(), received.archive(),
              actor));
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transfer_inbox (idem_key, sender, item_id, outcome, reasons,"
            + " receipt_id, receipt_jws, archive_sha256, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          insert.setString(1, record.key());
          insert.setString(2, record.sender().value());
          insert.setString(3, record.item().map(ItemId::value).orElse(null));
          insert.setString(4, record.outcome());
          insert.setString(5, record.reasonsJson());
          insert.setString(6, record.receiptId());
          insert.setString(7, record.receiptJws());
          insert.setString(8, record.archiveSha256());
          Db.setInstant(insert, 9, record.receivedAt());
          insert.executeUpdate();
        }
        events.add(AuditEvent.of(record.receivedAt(), "TRANSFER_RECEIVED", actor, record.item().map(ItemId::value).orElse("transfer:" + record.key()),
            "key", record.key(), "sender", record.sender().value(), "outcome", record.outcome(), "receipt", record.receiptId(),
            "archive-sha256", record.archiveSha256()));
        audit.appendIn(connection, events);
        return record;
      });
    } catch (StoreException e) {
      // another instance on the same database stored this key between our look and our insert
      Optional<InboxRecord> raced = inbox(record.key());
      if (raced.isPresent()) {
        return raced.get();
      }
      throw e;
    }
  }

  private static final String INBOX_SELECT = "SELECT idem_key, sender, item_id, outcome, reasons, receipt_id, receipt_jws, archive_sha256,"
      + " received_at FROM transfer_inbox";

  private static Optional<InboxRecord> inboxIn(Connection connection, String key) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(INBOX_SELECT + " WHERE idem_key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(inboxRow(row)) : Optional.empty();
      }
    }
  }

  private static InboxRecord inboxRow(ResultSet row) throws SQLException {
    return new InboxRecord(row.getString("idem_key"), PartyCode.of(row.getString("sender")),
        Optional.ofNullable(row.getString("item_id")).map(ItemId::of), row.getString("outcome"), row.getString("reasons"),
        row.getString("receipt_id"), row.getString("receipt_jws"), row.getString("archive_sha256"), Db.getInstant(row, "received_at"));
  }

  /**
   * Records a consent request a peer's node asked of this node (an originator's), with the peer named, in
   * one transaction with its audit entry. False, and nothing written, when the request id is known.
   */
  public boolean askedBy(PartyCode peer, ConsentRequest request, AuditActor actor) {
    return db.tx("recording consent request " + request.id() + " from " + peer, connection -> {
      if (JdbcConsentRepository.requestIn(connection, request.id()).isPresent()) {
        return false;
      }
      AuditEvent event = consents.requestIn(connection, request, actor);
      insertFederated(connection, request.id(), "IN", peer, null);
      audit.appendIn(connection, List.of(event));
      return true;
    });
  }

  /** The cross-node part of a consent request, if it has one. */
  public Optional<Federated> federated(String requestId) {
    return db.tx("reading federated consent request " + requestId, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT request_id, direction, peer, transfer_id, answer_jws FROM consent_federated WHERE request_id = ?")) {
        select.setString(1, requestId);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? Optional.of(new Federated(row.getString(1), row.getString(2), PartyCode.of(row.getString(3)),
              Optional.ofNullable(row.getString(4)), Optional.ofNullable(row.getString(5)))) : Optional.<Federated>empty();
        }
      }
    });
  }

  /**
   * Records an answer with its signed form, in one transaction with its audit entry and, when given, the
   * message that carries it back to the asking node. False, and nothing written, when the request was
   * answered before.
   */
  public boolean answer(ConsentAnswer answer, String signedJws, OutboxMessage message, AuditActor actor) {
    return db.tx("recording the signed answer to consent request " + answer.requestId(), connection -> {
      ConsentRequest request = JdbcConsentRepository.requestIn(connection, answer.requestId())
          .orElseThrow(() -> StoreException.notFound("consent request", answer.requestId()));
      if (JdbcConsentRepository.answerIn(connection, answer.requestId()).isPresent()) {
        return false;
      }
      AuditEvent event = consents.answerIn(connection, request, answer, actor);
      try (PreparedStatement update = connection.prepareStatement("UPDATE consent_federated SET answer_jws = ? WHERE request_id = ?")) {
        update.setString(1, signedJws);
        update.setString(2, answer.requestId());
        if (update.executeUpdate() == 0) {
          throw StoreException.conflict("consent request " + answer.requestId(), "it did not cross nodes");
        }
      }
      if (message != null) {
        insertOutbox(connection, message);
      }
      audit.appendIn(connection, List.of(event));
      return true;
    });
  }

  /** The consent requests a transfer asked of originators' nodes. */
  public List<Federated> askedFor(String transferId) {
    return db.tx("reading the consent requests of transfer " + transferId, connection -> {
      List<Federated> out = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("SELECT f.request_id, f.direction, f.peer, f.transfer_id, f.answer_jws"
          + " FROM consent_federated f JOIN consent_request r ON r.id = f.request_id WHERE f.transfer_id = ? ORDER BY r.reg_no")) {
        select.setString(1, transferId);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            out.add(new Federated(row.getString(1), row.getString(2), PartyCode.of(row.getString(3)), Optional.ofNullable(row.getString(4)),
                Optional.ofNullable(row.getString(5))));
          }
        }
      }
      return out;
    });
  }

  private static void insertTransfer(Connection connection, TransferRecord transfer) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transfer (id, item_id, holder, recipient, requested_by, decided_at,"
        + " state, refused_by, reasons, archive_sha256, consents, receipt_id, receipt_jws, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, transfer.id());
      insert.setString(2, transfer.item().value());
      insert.setString(3, transfer.holder().value());
      insert.setString(4, transfer.recipient().value());
      insert.setString(5, transfer.requestedBy());
      Db.setInstant(insert, 6, transfer.decidedAt());
      insert.setString(7, transfer.state().name());
      insert.setString(8, transfer.refusedBy().map(PartyCode::value).orElse(null));
      insert.setString(9, transfer.reasonsJson());
      insert.setString(10, transfer.archiveSha256().orElse(null));
      insert.setString(11, Db.join(transfer.consents().stream().map(PartyCode::value).toList()));
      insert.setString(12, transfer.receiptId().orElse(null));
      insert.setString(13, transfer.receiptJws().orElse(null));
      Db.setInstant(insert, 14, transfer.updatedAt());
      insert.executeUpdate();
    }
  }

  private static void insertFederated(Connection connection, String requestId, String direction, PartyCode peer, String transferId)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO consent_federated (request_id, direction, peer, transfer_id) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, requestId);
      insert.setString(2, direction);
      insert.setString(3, peer.value());
      insert.setString(4, transferId);
      insert.executeUpdate();
    }
  }

  private static void insertOutbox(Connection connection, OutboxMessage message) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO fed_outbox (id, peer, kind, ref, path, content_type, body, state,"
        + " attempts, next_attempt_at, last_error, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, message.key());
      insert.setString(2, message.peer().value());
      insert.setString(3, message.kind().name());
      insert.setString(4, message.ref());
      insert.setString(5, message.path());
      insert.setString(6, message.contentType());
      insert.setBytes(7, message.body());
      insert.setString(8, message.state().name());
      insert.setInt(9, message.attempts());
      Db.setInstant(insert, 10, message.nextAttempt());
      insert.setString(11, message.lastError().orElse(null));
      Db.setInstant(insert, 12, message.created());
      insert.executeUpdate();
    }
  }

  private static OutboxMessage outbox(ResultSet row) throws SQLException {
    return new OutboxMessage(row.getString("id"), PartyCode.of(row.getString("peer")), Kind.valueOf(row.getString("kind")), row.getString("ref"),
        row.getString("path"), row.getString("content_type"), row.getBytes("body"), OutboxState.valueOf(row.getString("state")),
        row.getInt("attempts"), Db.getInstant(row, "next_attempt_at"), Optional.ofNullable(row.getString("last_error")),
        Db.getInstant(row, "created_at"));
  }

  private static String truncate(String text) {
    String clean = text.replace('\n', ' ').replace('\r', ' ');
    return clean.length() <= 400 ? clean : clean.substring(0, 397) + "...";
  }
}
