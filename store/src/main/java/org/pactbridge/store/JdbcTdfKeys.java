package org.pactbridge.store;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;

/**
 * The node's ZTDF key pairs (table {@code tdf_key}): RSA-2048 keys of its key access service (KAS) and of its
 * assertion signer, each with a {@code kid} derived from the public key ({@code kas-} or {@code assertion-}
 * and the first 8 bytes of SHA-256 of its X.509 encoding, hex). Private keys are sealed under the master key
 * and opened only when asked for.
 *
 * <p>Lifecycle: {@link #ensure} creates the first key of a purpose; {@link #rotate} supersedes the active key
 * and adds the next in one transaction; a superseded KAS key still unwraps archives written for it until
 * {@link #retire} erases its private part. Every creation, rotation and retirement is an audit entry in the
 * same transaction ({@code TDF_KEY_CREATED}, {@code TDF_KEY_ROTATED}, {@code TDF_KEY_RETIRED}), with kids and
 * purposes only. At most one key per purpose is active, held by a unique column, so two processes on one
 * database cannot both rotate. Thread-safe.
 */
public final class JdbcTdfKeys {
  /** What a key is for. */
  public enum Purpose {
    /** Unwraps the data keys of archives written for this node's key access service. */
    KAS,
    /** Signs the assertions (labels) of archives this node exports. */
    ASSERTION;

    /** {@code kas} or {@code assertion}, the prefix of a kid and the word the CLI uses. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A key as listed: never its private part. */
  public record TdfKey(String kid, Purpose purpose, PublicKey publicKey, Instant createdAt, Optional<Instant> supersededAt,
      Optional<Instant> retiredAt) {
    /** The key this node uses now for its purpose. */
    public boolean active() {
      return supersededAt.isEmpty() && retiredAt.isEmpty();
    }

    /** {@code active}, {@code superseded} (still unwraps or verifies) or {@code retired} (private part erased). */
    public String status() {
      return retiredAt.isPresent() ? "retired" : supersededAt.isPresent() ? "superseded" : "active";
    }
  }

  static final int RSA_BITS = 2048;
  private static final String COLUMNS = "kid, purpose, public_key, created_at, superseded_at, retired_at";

  private final Db db;
  private final JdbcAuditLog audit;
  private final NodeKeys keys;
  private final ContentCipher cipher;

  JdbcTdfKeys(Db db, JdbcAuditLog audit, NodeKeys keys, ContentCipher cipher) {
    this.db = db;
    this.audit = audit;
    this.keys = keys;
    this.cipher = cipher;
  }

  /** Every key, oldest first. */
  public List<TdfKey> list() {
    return db.tx("listing the ZTDF keys", connection -> select(connection, "", null));
  }

  /** The active key of {@code purpose}, if one was ever created. */
  public Optional<TdfKey> active(Purpose purpose) {
    return db.tx("reading the active " + purpose.word() + " key",
        connection -> select(connection, " WHERE active_for = ?", purpose.name()).stream().findFirst());
  }

  /** The key named {@code kid}, whatever its status. */
  public Optional<TdfKey> find(String kid) {
    return db.tx("reading ZTDF key " + kid, connection -> select(connection, " WHERE kid = ?", kid).stream().findFirst());
  }

  /** The private key named {@code kid}; empty when unknown or retired. A row that fails authentication is a {@link StoreException}. */
  public Optional<PrivateKey> privateKey(String kid) {
    return db.tx("opening ZTDF key " + kid, connection -> {
      try (PreparedStatement query = connection.prepareStatement(
          "SELECT key_iv, wrapped_key, private_iv, private_sealed FROM tdf_key WHERE kid = ? AND retired_at IS NULL")) {
        query.setString(1, kid);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next() || row.getBytes("private_sealed") == null) {
            return Optional.empty();
          }
          byte[] pkcs8 = cipher.openKey(kid,
              new ContentCipher.Sealed(row.getBytes("key_iv"), row.getBytes("wrapped_key"), row.getBytes("private_iv"), row.getBytes("private_sealed")));
          try {
            return Optional.of(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
          } catch (GeneralSecurityException e) {
            throw StoreException.keyCorrupt(kid);
          } finally {
            Arrays.fill(pkcs8, (byte) 0);
          }
        }
      }
    });
  }

  /** The active key of {@code purpose}, created (and audited) when there is none yet. */
  public TdfKey ensure(Purpose purpose, AuditActor actor, Instant at) {
    Optional<TdfKey> current = active(purpose);
    if (current.isPresent()) {
      return current.get();
    }
    KeyPair pair = generate();
    return db.tx("creating the first " + purpose.word() + " key", connection -> {
      Optional<TdfKey> raced = select(connection, " WHERE active_for = ?", purpose.name()).stream().findFirst();
      if (raced.isPresent()) {
        return raced.get();
      }
      TdfKey created = insert(connection, purpose, pair, at);
      audit.appendIn(connection, List.of(AuditEvent.of(created.createdAt(), "TDF_KEY_CREATED", actor, created.kid(), "purpose", purpose.word())));
      return created;
    });
  }

  /**
   * Supersedes the active key of {@code purpose} (it stays usable for unwrapping or verifying) and makes a new
   * one active, in one transaction with its audit entry. Without an active key, this creates the first.
   */
  public TdfKey rotate(Purpose purpose, AuditActor actor, Instant at) {
    KeyPair pair = generate();
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    return db.tx("rotating the " + purpose.word() + " key", connection -> {
      Optional<TdfKey> old = select(connection, " WHERE active_for = ?", purpose.name()).stream().findFirst();
      if (old.isPresent()) {
        try (PreparedStatement update = connection.prepareStatement(
            "UPDATE tdf_key SET superseded_at = ?, active_for = NULL WHERE kid = ? AND active_for = ?")) {
          Db.setInstant(update, 1, when);
          update.setString(2, old.get().kid());
          update.setString(3, purpose.name());
          if (update.executeUpdate() != 1) {
            throw StoreException.conflict("rotating the " + purpose.word() + " key", "another process rotated it first");
          }
        }
      }
      TdfKey created = insert(connection, purpose, pair, when);
      List<String> details = new ArrayList<>(List.of("purpose", purpose.word()));
      old.ifPresent(previous -> details.addAll(List.of("superseded", previous.kid())));
      audit.appendIn(connection, List.of(AuditEvent.of(when, old.isPresent() ? "TDF_KEY_ROTATED" : "TDF_KEY_CREATED", actor, created.kid(),
          details.toArray(String[]::new))));
      return created;
    });
  }

  /**
   * Retires a superseded key: its private part is erased, so archives wrapped for it can no longer be opened
   * here (a KAS key) or it can sign nothing (an assertion key); its public part stays to verify what it signed.
   * The active key cannot be retired (rotate first); an unknown kid is {@code NOT_FOUND}, a retired one {@code CONFLICT}.
   */
  public TdfKey retire(String kid, AuditActor actor, Instant at) {
    Instant when = at.truncatedTo(ChronoUnit.MICROS);
    return db.tx("retiring key " + kid, connection -> {
      TdfKey key = select(connection, " WHERE kid = ?", kid).stream().findFirst().orElseThrow(() -> StoreException.notFound("ZTDF key", kid));
      if (key.retiredAt().isPresent()) {
        throw StoreException.conflict("retiring key " + kid, "it was retired at " + key.retiredAt().get());
      }
      if (key.active()) {
        throw StoreException.conflict("retiring key " + kid,
            "it is the active " + key.purpose().word() + " key; rotate it first ('pactbridge keys rotate --" + key.purpose().word() + "')");
      }
      try (PreparedStatement update = connection.prepareStatement("UPDATE tdf_key SET retired_at = ?, master_key_id = NULL, key_iv = NULL,"
          + " wrapped_key = NULL, private_iv = NULL, private_sealed = NULL WHERE kid = ? AND retired_at IS NULL")) {
        Db.setInstant(update, 1, when);
        update.setString(2, kid);
        update.executeUpdate();
      }
      audit.appendIn(connection, List.of(AuditEvent.of(when, "TDF_KEY_RETIRED", actor, kid, "purpose", key.purpose().word())));
      return new TdfKey(key.kid(), key.purpose(), key.publicKey(), key.createdAt(), key.supersededAt(), Optional.of(when));
    });
  }

  /** {@code kas-} or {@code assertion-} and 16 hex digits of SHA-256 over the key's X.509 encoding. */
  static String kidOf(Purpose purpose, PublicKey publicKey) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded());
      return purpose.word() + "-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(RSA_BITS);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no RSA", e);
    }
  }

  private TdfKey insert(Connection connection, Purpose purpose, KeyPair pair, Instant at) throws SQLException {
    Instant created = at.truncatedTo(ChronoUnit.MICROS);
    String kid = kidOf(purpose, pair.getPublic());
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    ContentCipher.Sealed sealed = cipher.sealKey(kid, pkcs8);
    Arrays.fill(pkcs8, (byte) 0);
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO tdf_key (kid, purpose, algorithm, public_key, master_key_id,"
        + " key_iv, wrapped_key, private_iv, private_sealed, created_at, active_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, kid);
      insert.setString(2, purpose.name());
      insert.setString(3, "RSA-" + RSA_BITS);
      insert.setBytes(4, pair.getPublic().getEncoded());
      insert.setString(5, keys.masterKeyId());
      insert.setBytes(6, sealed.keyIv());
      insert.setBytes(7, sealed.wrappedKey());
      insert.setBytes(8, sealed.contentIv());
      insert.setBytes(9, sealed.ciphertext());
      Db.setInstant(insert, 10, created);
      insert.setString(11, purpose.name());
      insert.executeUpdate();
    }
    return new TdfKey(kid, purpose, pair.getPublic(), created, Optional.empty(), Optional.empty());
  }

  private static List<TdfKey> select(Connection connection, String where, String parameter) throws SQLException {
    List<TdfKey> found = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM tdf_key" + where + " ORDER BY reg_no")) {
      if (parameter != null) {
        query.setString(1, parameter);
      }
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String kid = row.getString("kid");
          PublicKey publicKey;
          try {
            publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(row.getBytes("public_key")));
          } catch (GeneralSecurityException e) {
            throw StoreException.keyCorrupt(kid);
          }
          found.add(new TdfKey(kid, Purpose.valueOf(row.getString("purpose")), publicKey, Db.getInstant(row, "created_at"),
              Optional.ofNullable(Db.getInstant(row, "superseded_at")), Optional.ofNullable(Db.getInstant(row, "retired_at"))));
        }
      }
    }
    return found;
  }
}
