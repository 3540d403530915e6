package org.pactbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.pactbridge.core.agreement.AgreementId;
import java.util.ArrayList;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.item.ReleaseRepository;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Outcome;

/**
 * Recorded decisions and releases in {@code release_record}. A release that went ahead also adds the
 * recipient's holding; the record, the holding and their audit entries share one transaction, so a
 * crash leaves the whole release or none of it.
 */
final class JdbcReleaseRepository implements ReleaseRepository {
  private final Db db;
  private final JdbcAuditLog audit;
  private final JdbcHoldingRepository holdings;

  JdbcReleaseRepository(Db db, JdbcAuditLog audit, JdbcHoldingRepository holdings) {
    this.db = db;
    this.audit = audit;
    this.holdings = holdings;
  }

  @Override
  public void record(Release release, Holding recipientHolding, AuditActor actor) {
    if (release.released() != (recipientHolding != null)) {
      throw new IllegalArgumentException("release " + release.id() + ": a holding is given exactly when the item was released");
    }
    if (recipientHolding != null && (!recipientHolding.item().equals(release.item()) || !recipientHolding.holder().equals(release.recipient()))) {
      throw new IllegalArgumentException("release " + release.id() + ": the holding must be the recipient's copy of the item");
    }
    db.tx("recording release " + release.id(), connection -> {
      audit.appendIn(connection, insertIn(connection, release, recipientHolding, actor));
      return null;
    });
  }

  /** Inserts the record and the holding on {@code connection} and gives their audit events, for a caller's transaction. */
  List<AuditEvent> insertIn(java.sql.Connection connection, Release release, Holding recipientHolding, AuditActor actor) throws java.sql.SQLException {
    if (release.released() != (recipientHolding != null)) {
      throw new IllegalArgumentException("release " + release.id() + ": a holding is given exactly when the item was released");
    }
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO release_record (id, item_id, holder, recipient, at_instant, outcome, reason_codes, agreements, recipient_level, released)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, release.id());
      insert.setString(2, release.item().value());
      insert.setString(3, release.holder().value());
      insert.setString(4, release.recipient().value());
      Db.setInstant(insert, 5, release.at());
      insert.setString(6, release.outcome().name());
      insert.setString(7, Db.join(release.reasonCodes()));
      insert.setString(8, Db.join(release.agreements().stream().map(AgreementId::value).toList()));
      insert.setString(9, release.recipientLevel());
      insert.setBoolean(10, release.released());
      insert.executeUpdate();
    }
    List<AuditEvent> events = new ArrayList<>(2);
    events.add(AuditEvent.of(release.at(), release.released() ? "RELEASED" : "DECISION_RECORDED", actor, release.item().value(),
        "id", release.id(), "holder", release.holder().value(), "recipient", release.recipient().value(),
        "outcome", release.outcome().name(), "reasons", String.join(",", release.reasonCodes()),
        "agreements", String.join(",", release.agreements().stream().map(AgreementId::value).toList())));
    if (recipientHolding != null) {
      events.add(holdings.insert(connection, recipientHolding, actor));
    }
    return events;
  }

  @Override
  public List<Release> releasesOf(ItemId item) {
    return db.tx("reading releases of item " + item, connection -> {
      List<Release> releases = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT id, holder, recipient, at_instant, outcome, reason_codes, agreements, recipient_level, released FROM release_record"
              + " WHERE item_id = ? ORDER BY reg_no")) {
        select.setString(1, item.value());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            releases.add(new Release(row.getString("id"), item, PartyCode.of(row.getString("holder")), PartyCode.of(row.getString("recipient")),
                Db.getInstant(row, "at_instant"), Outcome.valueOf(row.getString("outcome")), Db.split(row.getString("reason_codes")),
                Db.split(row.getString("agreements")).stream().map(AgreementId::of).toList(), row.getString("recipient_level"),
                row.getBoolean("released")));
          }
        }
      }
      return releases;
    });
  }
}
