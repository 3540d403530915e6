package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.HoldingRepository;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;

/**
 * Holdings in table {@code holding}, with the agreement each came under (V13); each addition is audited as
 * {@code HOLDING_ADDED} in the same transaction.
 */
final class JdbcHoldingRepository implements HoldingRepository {
  private final Db db;
  private final JdbcAuditLog audit;

  JdbcHoldingRepository(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  @Override
  public void add(Holding holding, AuditActor actor) {
    db.tx("adding a holding of item " + holding.item(), connection -> {
      audit.appendIn(connection, List.of(insert(connection, holding, actor)));
      return null;
    });
  }

  /** Inserts the holding and returns its audit event, for the caller to append in its commit. */
  AuditEvent insert(Connection connection, Holding holding, AuditActor actor) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO holding (item_id, holder, received, route, national_marking, agreement_id) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, holding.item().value());
      insert.setString(2, holding.holder().value());
      Db.setInstant(insert, 3, holding.received());
      insert.setString(4, Db.join(holding.route().stream().map(PartyCode::value).toList()));
      insert.setString(5, holding.nationalMarking());
      insert.setString(6, holding.underAgreement().map(AgreementId::value).orElse(null));
      insert.executeUpdate();
    }
    String route = String.join(">", holding.route().stream().map(PartyCode::value).toList());
    // the agreement is named only when there is one, so that a holding without one is audited as before V13
    return holding.agreement() == null
        ? AuditEvent.of(holding.received(), "HOLDING_ADDED", actor, holding.item().value(), "holder", holding.holder().value(),
            "route", route, "marking", holding.nationalMarking())
        : AuditEvent.of(holding.received(), "HOLDING_ADDED", actor, holding.item().value(), "holder", holding.holder().value(),
            "route", route, "marking", holding.nationalMarking(), "agreement", holding.agreement().value());
  }

  @Override
  public List<Holding> holdingsOf(ItemId item) {
    return db.tx("reading holdings of item " + item, connection -> {
      List<Holding> holdings = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT holder, received, route, national_marking, agreement_id FROM holding WHERE item_id = ? ORDER BY id")) {
        select.setString(1, item.value());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            holdings.add(new Holding(item, PartyCode.of(row.getString("holder")), Db.getInstant(row, "received"),
                Db.split(row.getString("route")).stream().map(PartyCode::of).toList(), row.getString("national_marking"),
                row.getString("agreement_id") == null ? null : AgreementId.of(row.getString("agreement_id"))));
          }
        }
      }
      return holdings;
    });
  }
}
