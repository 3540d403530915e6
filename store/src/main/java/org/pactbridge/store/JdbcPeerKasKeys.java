package org.pactbridge.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.party.PartyCode;

/**
 * Peers' KAS public keys (table {@code peer_kas_key}): the first key a peer's node stated is pinned; a later
 * one replaces it only through {@link #rotate}, which the service layer calls for a rotation announcement the
 * peer's node signed. Each pin and rotation is an audit entry in the same transaction
 * ({@code PEER_KAS_KEY_PINNED}, {@code PEER_KAS_KEY_ROTATED}), naming the party and kids only. At most one
 * key per party is active, held by a unique column. Thread-safe.
 */
public final class JdbcPeerKasKeys {
  /** How a key came: fetched at first use, or announced by the peer as a rotation. */
  public enum How { FETCHED, ANNOUNCED }

  /** A pinned key: its party, kid, the KAS URL, algorithm and X.509 (SPKI) encoding, and the signed statement. */
  public record PeerKasKey(PartyCode party, String kid, String url, String algorithm, byte[] publicKey, String statement, Instant statedAt,
      Instant pinnedAt, How how, Optional<Instant> supersededAt) {}

  private static final String COLUMNS = "party, kid, url, algorithm, public_key, statement, stated_at, pinned_at, how, superseded_at";

  private final Db db;
  private final JdbcAuditLog audit;

  JdbcPeerKasKeys(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** The active (pinned) key of {@code party}, if any. */
  public Optional<PeerKasKey> active(PartyCode party) {
    return db.tx("reading the pinned KAS key of " + party, connection -> select(connection, " WHERE active_for = ?", party.value()).stream().findFirst());
  }

  /** Every key of {@code party}, the first pinned first. */
  public List<PeerKasKey> history(PartyCode party) {
    return db.tx("reading the KAS keys of " + party, connection -> select(connection, " WHERE party = ? ORDER BY pinned_at, kid", party.value()));
  }

  /**
   * Pins {@code key} as {@code party}'s when it has none yet; returns the key that is pinned afterwards (the
   * one already there when another caller pinned first).
   */
  public PeerKasKey pinFirst(PeerKasKey key, AuditActor actor) {
    return db.tx("pinning the KAS key of " + key.party(), connection -> {
      Optional<PeerKasKey> there = select(connection, " WHERE active_for = ?", key.party().value()).stream().findFirst();
      if (there.isPresent()) {
        return there.get();
      }
      PeerKasKey pinned = insert(connection, key);
      audit.appendIn(connection, List.of(AuditEvent.of(pinned.pinnedAt(), "PEER_KAS_KEY_PINNED", actor, key.party().value(), "kid", key.kid(),
          "how", key.how().name().toLowerCase(java.util.Locale.ROOT))));
      return pinned;
    });
  }

  /**
   * Makes {@code key} {@code party}'s active key, superseding the one pinned (if any), in one transaction with
   * its audit entry. The caller has checked the peer's signed announcement. The same kid again is a no-op.
   */
  public PeerKasKey rotate(PeerKasKey key, AuditActor actor) {
    return db.tx("rotating the KAS key of " + key.party(), connection -> {
      Optional<PeerKasKey> old = select(connection, " WHERE active_for = ?", key.party().value()).stream().findFirst();
      if (old.isPresent() && old.get().kid().equals(key.kid())) {
        return old.get();
      }
      Instant when = key.pinnedAt().truncatedTo(ChronoUnit.MICROS);
      if (old.isPresent()) {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE peer_kas_key SET superseded_at = ?, active_for = NULL WHERE party = ? AND kid = ? AND active_for = ?")) {
          Db.setInstant(update, 1, when);
          update.setString(2, key.party().value());
          update.setString(3, old.get().kid());
          update.setString(4, key.party().value());
          if (update.executeUpdate() != 1) {
            throw StoreException.conflict("rotating the KAS key of " + key.party(), "another process changed it first");
          }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM peer_kas_key WHERE party = ? AND kid = ? AND active_for IS NULL")) {
          // a kid announced again after it was superseded comes back as a new row
          delete.setString(1, key.party().value());
          delete.setString(2, key.kid());
          delete.executeUpdate();
        }
      }
      PeerKasKey pinned = insert(connection, key);
      List<String> details = new ArrayList<>(List.of("kid", key.kid(), "how", key.how().name().toLowerCase(java.util.Locale.ROOT)));
      old.ifPresent(previous -> details.addAll(List.of("superseded", previous.kid())));
      audit.appendIn(connection, List.of(AuditEvent.of(when, old.isPresent() ? "PEER_KAS_KEY_ROTATED" : "PEER_KAS_KEY_PINNED", actor,
          key.party().value(), details.toArray(String[]::new))));
      return pinned;
    });
  }

  private static PeerKasKey insert(Connection connection, PeerKasKey key) throws SQLException {
    Instant pinnedAt = key.pinnedAt().truncatedTo(ChronoUnit.MICROS);
    Instant statedAt = key.statedAt().truncatedTo(ChronoUnit.MICROS);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO peer_kas_key (" + COLUMNS + ", active_for)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)")) {
      insert.setString(1, key.party().value());
      insert.setString(2, key.kid());
      insert.setString(3, key.url());
      insert.setString(4, key.algorithm());
      insert.setBytes(5, key.publicKey());
      insert.setString(6, key.statement());
      Db.setInstant(insert, 7, statedAt);
      Db.setInstant(insert, 8, pinnedAt);
      insert.setString(9, key.how().name());
      insert.setString(10, key.party().value());
      insert.executeUpdate();
    }
    return new PeerKasKey(key.party(), key.kid(), key.url(), key.algorithm(), key.publicKey(), key.statement(), statedAt, pinnedAt, key.how(),
        Optional.empty());
  }

  private static List<PeerKasKey> select(Connection connection, String where, String value) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM peer_kas_key" + where)) {
      query.setString(1, value);
      List<PeerKasKey> keys = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          keys.add(new PeerKasKey(PartyCode.of(row.getString("party")), row.getString("kid"), row.getString("url"), row.getString("algorithm"),
              row.getBytes("public_key"), row.getString("statement"), Db.getInstant(row, "stated_at"), Db.getInstant(row, "pinned_at"),
              How.valueOf(row.getString("how")), Optional.ofNullable(Db.getInstant(row, "superseded_at"))));
        }
      }
      return keys;
    }
  }
}
