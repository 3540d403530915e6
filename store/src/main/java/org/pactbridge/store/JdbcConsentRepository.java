package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRepository;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;

/**
 * Consent requests, answers and their conditions. An answer is stored once: the answer table's key is
 * the request id, so a second answer fails and nothing of it is kept. Each is audited in its transaction.
 */
final class JdbcConsentRepository implements ConsentRepository {
  private final Db db;
  private final JdbcAuditLog audit;

  JdbcConsentRepository(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  @Override
  public void request(ConsentRequest request, AuditActor actor) {
    db.tx("recording consent request " + request.id(), connection -> {
      audit.appendIn(connection, List.of(requestIn(connection, request, actor)));
      return null;
    });
  }

  /** Inserts a request on {@code connection}, inside a caller's transaction; gives its audit event. */
  AuditEvent requestIn(Connection connection, ConsentRequest request, AuditActor actor) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO consent_request (id, item_id, originator, requester, recipient, requested_at, requested_by_id, requested_by_name)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, request.id());
      insert.setString(2, request.item().value());
      insert.setString(3, request.originator().value());
      insert.setString(4, request.requester().value());
      insert.setString(5, request.recipient().value());
      Db.setInstant(insert, 6, request.requestedAt());
      insert.setString(7, request.requestedBy() == null ? null : request.requestedBy().id());
      insert.setString(8, request.requestedBy() == null ? null : request.requestedBy().name());
      insert.executeUpdate();
    }
    return AuditEvent.of(request.requestedAt(), "CONSENT_REQUESTED", actor, request.item().value(),
        "id", request.id(), "requester", request.requester().value(), "originator", request.originator().value(),
        "recipient", request.recipient().value());
  }

  @Override
  public void answer(ConsentAnswer answer, AuditActor actor) {
    ConsentRequest request = findRequest(answer.requestId()).orElseThrow(() -> StoreException.notFound("consent request", answer.requestId()));
    if (!request.originator().equals(answer.by())) {
      throw StoreException.conflict("consent request " + request.id(), "only the originator " + request.originator() + " may answer, not " + answer.by());
    }
    db.tx("recording the answer to consent request " + answer.requestId(), connection -> {
      audit.appendIn(connection, List.of(answerIn(connection, request, answer, actor)));
      return null;
    });
  }

  /** Inserts an answer to {@code request} on {@code connection}, inside a caller's transaction; gives its audit event. */
  AuditEvent answerIn(Connection connection, ConsentRequest request, ConsentAnswer answer, AuditActor actor) throws SQLException {
    if (readAnswer(connection, answer.requestId()).isPresent()) {
      throw StoreException.conflict("consent request " + answer.requestId(), "it is already answered");
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO consent_answer (request_id, answered_by, verdict, answered_at) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, answer.requestId());
      insert.setString(2, answer.by().value());
      insert.setString(3, answer.verdict().name());
      Db.setInstant(insert, 4, answer.answeredAt());
      insert.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consent_condition (request_id, pos, kind, val) VALUES (?, ?, ?, ?)")) {
      int position = 0;
      for (ConsentCondition condition : answer.conditions()) {
        insert.setString(1, answer.requestId());
        insert.setInt(2, position++);
        insert.setString(3, condition.kind());
        insert.setString(4, condition.value());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    List<String> conditions = answer.conditions().stream().map(condition -> condition.kind() + " " + condition.value()).toList();
    return AuditEvent.of(answer.answeredAt(), "CONSENT_ANSWERED", actor, request.item().value(),
        "id", answer.requestId(), "by", answer.by().value(), "verdict", answer.verdict().name(), "conditions", String.join("; ", conditions));
  }

  /** The answer to a request read on {@code connection}, inside a caller's transaction. */
  static Optional<ConsentAnswer> answerIn(Connection connection, String requestId) throws SQLException {
    return readAnswer(connection, requestId);
  }

  /** The request read on {@code connection}, inside a caller's transaction. */
  static Optional<ConsentRequest> requestIn(Connection connection, String id) throws SQLException {
    List<ConsentRequest> found = requests(connection, " WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Override
  public Optional<ConsentRequest> findRequest(String id) {
    return db.tx("reading consent request " + id, connection -> {
      List<ConsentRequest> found = requests(connection, " WHERE id = ?", id);
      return found.isEmpty() ? Optional.<ConsentRequest>empty() : Optional.of(found.get(0));
    });
  }

  @Override
  public Optional<ConsentAnswer> answerTo(String requestId) {
    return db.tx("reading the answer to consent request " + requestId, connection -> readAnswer(connection, requestId));
  }

  @Override
  public List<ConsentRequest> requestsFor(ItemId item) {
    return db.tx("reading consent requests of item " + item, connection -> requests(connection, " WHERE item_id = ?", item.value()));
  }

  @Override
  public List<ConsentRequest> pending() {
    return db.tx("reading pending consent requests", connection -> requests(connection,
        " WHERE id NOT IN (SELECT request_id FROM consent_answer)", null));
  }

  private static List<ConsentRequest> requests(Connection connection, String where, String parameter) throws SQLException {
    List<ConsentRequest> requests = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, item_id, originator, requester, recipient, requested_at, requested_by_id, requested_by_name FROM consent_request" + where
            + " ORDER BY reg_no")) {
      if (parameter != null) {
        select.setString(1, parameter);
      }
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          String askerId = row.getString("requested_by_id");
          ConsentRequest.Asker asker = askerId == null ? null : new ConsentRequest.Asker(askerId, row.getString("requested_by_name"));
          requests.add(new ConsentRequest(row.getString("id"), ItemId.of(row.getString("item_id")), PartyCode.of(row.getString("originator")),
              PartyCode.of(row.getString("requester")), PartyCode.of(row.getString("recipient")), Db.getInstant(row, "requested_at"), asker));
        }
      }
    }
    return requests;
  }

  private static Optional<ConsentAnswer> readAnswer(Connection connection, String requestId) throws SQLException {
    String by;
    String verdict;
    java.time.Instant at;
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT answered_by, verdict, answered_at FROM consent_answer WHERE request_id = ?")) {
      select.setString(1, requestId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        by = row.getString(1);
        verdict = row.getString(2);
        at = Db.getInstant(row, "answered_at");
      }
    }
    List<ConsentCondition> conditions = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("SELECT kind, val FROM consent_condition WHERE request_id = ? ORDER BY pos")) {
      select.setString(1, requestId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          conditions.add(ConsentCondition.of(row.getString(1), row.getString(2)));
        }
      }
    }
    return Optional.of(new ConsentAnswer(requestId, PartyCode.of(by), ConsentAnswer.Verdict.valueOf(verdict), at, conditions));
  }
}
