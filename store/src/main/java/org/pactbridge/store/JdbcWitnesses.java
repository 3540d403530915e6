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
import java.util.UUID;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.party.PartyCode;

/**
 * Witnessed audit (issue 20 part 4), tables of V18: the peers' checkpoints this node witnessed and cosigned
 * ({@code witnessed_checkpoint}), the inconsistent checkpoints it refused, kept as evidence
 * ({@code witness_evidence}, each with its audit entry {@code WITNESS_EVIDENCE} in the same transaction), and
 * the cosignatures peers made of this node's own checkpoints ({@code audit_cosignature}). Routine witnessing
 * writes no audit entry: each entry would grow the log and make the peers witness it again, without end.
 * Thread-safe.
 */
public final class JdbcWitnesses {
  /** A peer's checkpoint this node holds: size, Merkle root, chain hash, the peer's signing instant, its signed statement and this node's cosignature. */
  public record Witnessed(PartyCode party, long size, String root, String hash, String signedAt, String statement, String cosignature,
      Instant witnessedAt) {}

  /** A refused checkpoint: what was held, what was offered, the peer's signed statement, and why. */
  public record Evidence(String id, PartyCode party, String kind, long heldSize, String heldRoot, long offeredSize, String offeredRoot,
      String statement, String detail, Instant recordedAt) {}

  /** A peer's cosignature of one of this node's checkpoints. */
  public record Cosignature(PartyCode witness, long size, String root, String hash, String cosignature, Instant receivedAt) {}

  private static final String WITNESSED = "party, size, root, hash, signed_at, statement, cosignature, witnessed_at";
  private static final String EVIDENCE = "id, party, kind, held_size, held_root, offered_size, offered_root, statement, detail, recorded_at";
  private static final String COSIGNATURE = "witness, size, root, hash, cosignature, received_at";

  private final Db db;
  private final JdbcAuditLog audit;

  JdbcWitnesses(Db db, JdbcAuditLog audit) {
    this.db = db;
    this.audit = audit;
  }

  /** The latest checkpoint of {@code party} this node witnessed, if any. */
  public Optional<Witnessed> latest(PartyCode party) {
    return db.tx("reading the witnessed checkpoint of " + party, connection -> latestIn(connection, party));
  }

  /** Every checkpoint of {@code party} this node witnessed, oldest first. */
  public List<Witnessed> history(PartyCode party) {
    return db.tx("reading the witnessed checkpoints of " + party, connection -> {
      try (PreparedStatement query = connection.prepareStatement("SELECT " + WITNESSED + " FROM witnessed_checkpoint WHERE party = ? ORDER BY size")) {
        query.setString(1, party.value());
        return witnessed(query);
      }
    });
  }

  /**
   * Keeps {@code checkpoint} as the latest of its party, unless one at least as large is held already (a
   * concurrent witness round got there first): then the one held is returned and nothing is written.
   */
  public Witnessed record(Witnessed checkpoint) {
    return db.tx("keeping the witnessed checkpoint of " + checkpoint.party(), connection -> {
      Optional<Witnessed> held = latestIn(connection, checkpoint.party());
      if (held.isPresent() && held.get().size() >= checkpoint.size()) {
        return held.get();
      }
      Instant at = checkpoint.witnessedAt().truncatedTo(ChronoUnit.MICROS);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO witnessed_checkpoint (" + WITNESSED + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, checkpoint.party().value());
        insert.setLong(2, checkpoint.size());
        insert.setString(3, checkpoint.root());
        insert.setString(4, checkpoint.hash());
        insert.setString(5, checkpoint.signedAt());
        insert.setString(6, checkpoint.statement());
        insert.setString(7, checkpoint.cosignature());
        Db.setInstant(insert, 8, at);
        insert.executeUpdate();
      }
      return new Witnessed(checkpoint.party(), checkpoint.size(), checkpoint.root(), checkpoint.hash(), checkpoint.signedAt(), checkpoint.statement(),
          checkpoint.cosignature(), at);
    });
  }

  /**
   * Keeps a refused checkpoint as evidence, with its audit entry {@code WITNESS_EVIDENCE} (party, kind and
   * sizes; the statement stays in the table) in the same transaction, at {@code auditAt} (the node's clock).
   * The same checkpoint refused again for the same reason (the periodic task meets it every round) is kept
   * once: the evidence already held is returned.
   */
  public Evidence recordEvidence(PartyCode party, String kind, long heldSize, String heldRoot, long offeredSize, String offeredRoot, String statement,
      String detail, Instant recordedAt, Instant auditAt, AuditActor actor) {
    Evidence evidence = new Evidence(UUID.randomUUID().toString(), party, kind, heldSize, heldRoot, offeredSize, offeredRoot, statement,
        detail.length() > 1000 ? detail.substring(0, 1000) : detail, recordedAt.truncatedTo(ChronoUnit.MICROS));
    return db.tx("keeping evidence against " + party, connection -> {
      try (PreparedStatement known = connection.prepareStatement("SELECT " + EVIDENCE
          + " FROM witness_evidence WHERE party = ? AND kind = ? AND held_size = ? AND offered_size = ? AND offered_root = ?")) {
        known.setString(1, party.value());
        known.setString(2, kind);
        known.setLong(3, heldSize);
        known.setLong(4, offeredSize);
        known.setString(5, offeredRoot);
        List<Evidence> found = evidence(known);
        if (!found.isEmpty()) {
          return found.get(0);
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO witness_evidence (" + EVIDENCE + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, evidence.id());
        insert.setString(2, party.value());
        insert.setString(3, kind);
        insert.setLong(4, heldSize);
        insert.setString(5, heldRoot);
        insert.setLong(6, offeredSize);
        insert.setString(7, offeredRoot);
        insert.setString(8, statement);
        insert.setString(9, evidence.detail());
        Db.setInstant(insert, 10, evidence.recordedAt());
        insert.executeUpdate();
      }
      audit.appendIn(connection, List.of(AuditEvent.of(auditAt, "WITNESS_EVIDENCE", actor, party.value(), "evidence-kind", kind, "evidence", evidence.id(),
          "held-size", Long.toString(heldSize), "offered-size", Long.toString(offeredSize))));
      return evidence;
    });
  }

  /** The evidence kept against {@code party} (every party when null), oldest first. */
  public List<Evidence> evidence(PartyCode party) {
    return db.tx("reading witness evidence", connection -> {
      String where = party == null ? "" : " WHERE party = ?";
      try (PreparedStatement query = connection.prepareStatement("SELECT " + EVIDENCE + " FROM witness_evidence" + where + " ORDER BY no")) {
        if (party != null) {
          query.setString(1, party.value());
        }
        return evidence(query);
      }
    });
  }

  private static List<Evidence> evidence(PreparedStatement query) throws SQLException {
    List<Evidence> found = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        found.add(new Evidence(row.getString("id"), PartyCode.of(row.getString("party")), row.getString("kind"), row.getLong("held_size"),
            row.getString("held_root"), row.getLong("offered_size"), row.getString("offered_root"), row.getString("statement"),
            row.getString("detail"), Db.getInstant(row, "recorded_at")));
      }
    }
    return found;
  }

  /** Keeps a peer's cosignature of this node's checkpoint (the same witness and size again: kept once). */
  public void recordCosignature(Cosignature cosignature) {
    db.tx("keeping the cosignature of " + cosignature.witness(), connection -> {
      try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM audit_cosignature WHERE witness = ? AND size = ?")) {
        exists.setString(1, cosignature.witness().value());
        exists.setLong(2, cosignature.size());
        try (ResultSet row = exists.executeQuery()) {
          if (row.next()) {
            return null;
          }
        }
      }
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_cosignature (" + COSIGNATURE + ") VALUES (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, cosignature.witness().value());
        insert.setLong(2, cosignature.size());
        insert.setString(3, cosignature.root());
        insert.setString(4, cosignature.hash());
        insert.setString(5, cosignature.cosignature());
        Db.setInstant(insert, 6, cosignature.receivedAt().truncatedTo(ChronoUnit.MICROS));
        insert.executeUpdate();
      }
      return null;
    });
  }

  /** The latest cosignature of this node's log that {@code witness} sent back, if any. */
  public Optional<Cosignature> latestCosignature(PartyCode witness) {
    return db.tx("reading the cosignature of " + witness, connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT " + COSIGNATURE + " FROM audit_cosignature WHERE witness = ? ORDER BY size DESC LIMIT 1")) {
        query.setString(1, witness.value());
        try (ResultSet row = query.executeQuery()) {
          return row.next()
              ? Optional.of(new Cosignature(PartyCode.of(row.getString("witness")), row.getLong("size"), row.getString("root"), row.getString("hash"),
                  row.getString("cosignature"), Db.getInstant(row, "received_at")))
              : Optional.empty();
        }
      }
    });
  }

  private static Optional<Witnessed> latestIn(Connection connection, PartyCode party) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT " + WITNESSED + " FROM witnessed_checkpoint WHERE party = ? ORDER BY size DESC LIMIT 1")) {
      query.setString(1, party.value());
      return witnessed(query).stream().findFirst();
    }
  }

  private static List<Witnessed> witnessed(PreparedStatement query) throws SQLException {
    List<Witnessed> found = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        found.add(new Witnessed(PartyCode.of(row.getString("party")), row.getLong("size"), row.getString("root"), row.getString("hash"),
            row.getString("signed_at"), row.getString("statement"), row.getString("cosignature"), Db.getInstant(row, "witnessed_at")));
      }
    }
    return found;
  }
}
