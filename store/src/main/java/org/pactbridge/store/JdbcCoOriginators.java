package org.pactbridge.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;

/**
 * The co-originators of JOINT items that a registering nation named and that have not yet confirmed,
 * in table {@code item_co_originator}. A nation named here and unconfirmed does not see the item:
 * another nation's word that it co-originated something is a claim, not a grant. Confirming is audited
 * as {@code CO_ORIGINATOR_CONFIRMED} in the same transaction. Thread-safe.
 */
public final class JdbcCoOriginators {
  private final Db db;
  private final JdbcAuditLog audit;

  JdbcCoOriginators(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /**
   * Names {@code parties} as co-originators of {@code item} awaiting confirmation. Written before the
   * item itself, so that no crash can leave the item stored without its restriction.
   */
  public void name(ItemId item, Collection<PartyCode> parties, Instant at) {
    if (parties.isEmpty()) {
      return;
    }
    db.tx("naming the co-originators of item " + item, connection -> {
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item_co_originator (item_id, party, named_at) VALUES (?, ?, ?)")) {
        for (PartyCode party : parties) {
          insert.setString(1, item.value());
          insert.setString(2, party.value());
          Db.setInstant(insert, 3, at);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      return null;
    });
  }

  /** The nations named as co-originators of {@code item} that have not confirmed yet. One indexed read. */
  public Set<PartyCode> unconfirmed(ItemId item) {
    return db.tx("reading the co-originators of item " + item, connection -> {
      Set<PartyCode> parties = new LinkedHashSet<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT party FROM item_co_originator WHERE item_id = ? AND confirmed_at IS NULL ORDER BY party")) {
        select.setString(1, item.value());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            parties.add(PartyCode.of(row.getString(1)));
          }
        }
      }
      return parties;
    });
  }

  /** The items awaiting {@code party}'s confirmation, oldest first. */
  public List<ItemId> awaiting(PartyCode party) {
    return db.tx("reading the items awaiting " + party + "'s confirmation", connection -> {
      List<ItemId> items = new java.util.ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(
          "SELECT item_id FROM item_co_originator WHERE party = ? AND confirmed_at IS NULL ORDER BY named_at, item_id")) {
        select.setString(1, party.value());
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            items.add(ItemId.of(row.getString(1)));
          }
        }
      }
      return items;
    });
  }

  /**
   * Records that {@code party} confirms it co-originated {@code item}, by the user {@code by}, and
   * audits it as their act; false when {@code party} was not awaiting confirmation of the item.
   */
  public boolean confirm(ItemId item, PartyCode party, AuditActor by, Instant at) {
    return db.tx("confirming a co-originator of item " + item, connection -> {
      int updated;
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE item_co_originator SET confirmed_by = ?, confirmed_at = ? WHERE item_id = ? AND party = ? AND confirmed_at IS NULL")) {
        update.setString(1, by.userId());
        Db.setInstant(update, 2, at);
        update.setString(3, item.value());
        update.setString(4, party.value());
        updated = update.executeUpdate();
      }
      if (updated == 1) {
        audit.appendIn(connection, List.of(AuditEvent.of(at, "CO_ORIGINATOR_CONFIRMED", by, item.value(), "party", party.value())));
      }
      return updated == 1;
    });
  }
}
