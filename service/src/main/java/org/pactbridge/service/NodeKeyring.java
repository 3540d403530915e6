package org.pactbridge.service;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.JdbcTdfKeys;
import org.pactbridge.store.JdbcTdfKeys.Purpose;
import org.pactbridge.store.JdbcTdfKeys.TdfKey;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreException;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.SigningKey;
import org.pactbridge.tdf.TdfArchive;

/**
 * The node's ZTDF keys as the use cases need them: the key access service's public key that exports wrap
 * data keys for, its private keys (the active one and superseded ones not yet retired) that rewraps unwrap
 * with, and the assertion key that signs labels. The first key of each purpose is created on first use,
 * audited as done by the node. Private keys opened once are kept in memory; a retirement through this
 * keyring drops them (another process's retirement is seen by this one only after a restart). Thread-safe.
 */
public final class NodeKeyring {
  private final JdbcTdfKeys keys;
  private final Clock clock;
  private final AuditActor node;
  /** Opened private keys by purpose and kid ({@code KAS:kas-…}). */
  private final Map<String, PrivateKey> opened = new ConcurrentHashMap<>();

  /** The keyring of {@code store}, whose first keys are created as done by the node of {@code party}. */
  public NodeKeyring(Store store, PartyCode party, Clock clock) {
    this(store, AuditActor.node(party), clock);
  }

  /** The keyring of {@code store}, whose first keys, if a command needs them before the node has made them, are created as done by {@code creator}. */
  public NodeKeyring(Store store, AuditActor creator, Clock clock) {
    this.keys = store.tdfKeys();
    this.clock = clock;
    this.node = creator;
  }

  /** The active KAS key as archives name it: this node's KAS at {@code kasUrl}. */
  public KasKey kasKey(String kasUrl) {
    TdfKey key = keys.ensure(Purpose.KAS, node, clock.instant());
    return new KasKey(kasUrl, key.kid(), key.publicKey());
  }

  /** The active KAS key's record (its kid and public key). */
  private TdfKey activeKas() {
    return keys.ensure(Purpose.KAS, node, clock.instant());
  }

  /** The private KAS key named {@code kid}: the active one or a superseded one not yet retired. */
  public Optional<PrivateKey> kasPrivateKey(String kid) {
    return privateKey(kid, Purpose.KAS);
  }

  /** The active assertion key, which signs the labels of exported archives. */
  public SigningKey assertionKey() {
    TdfKey key = keys.ensure(Purpose.ASSERTION, node, clock.instant());
    PrivateKey signing = privateKey(key.kid(), Purpose.ASSERTION)
        .orElseThrow(() -> new IllegalStateException("the active assertion key " + key.kid() + " has no private part"));
    return new SigningKey(key.kid(), signing);
  }

  /** The public key of this node's assertion key {@code kid}, whatever its status (retired keys still verify). */
  public Optional<PublicKey> assertionPublicKey(String kid) {
    return keys.find(kid).filter(key -> key.purpose() == Purpose.ASSERTION).map(TdfKey::publicKey);
  }

  /**
   * Finds the key that verifies an assertion of an archive this node signed: by the JWS's kid, or, when the
   * JWS names none, the active assertion key.
   */
  public TdfArchive.AssertionKeys assertionKeys() {
    return (assertionId, kid) -> kid == null || kid.isEmpty()
        ? Optional.of(keys.ensure(Purpose.ASSERTION, node, clock.instant()).publicKey())
        : assertionPublicKey(kid);
  }

  /** Which key: the key access service's or the assertion signer's. */
  public enum Kind { KAS, ASSERTION }

  /**
   * A key as the front doors show it, without its private part: kid, kind, public key, when made,
   * superseded and retired, and its status ({@code active}, {@code superseded}, {@code retired}).
   */
  public record KeyView(String kid, Kind kind, PublicKey publicKey, java.time.Instant created, Optional<java.time.Instant> superseded,
      Optional<java.time.Instant> retired, String status) {
    static KeyView of(TdfKey key) {
      return new KeyView(key.kid(), key.purpose() == Purpose.KAS ? Kind.KAS : Kind.ASSERTION, key.publicKey(), key.createdAt(),
          key.supersededAt(), key.retiredAt(), key.status());
    }
  }

  /** Every key, oldest first, as the front doors show them. */
  public List<KeyView> views() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  /** The active KAS key, as the front doors show it. */
  public KeyView activeKasView() {
    return KeyView.of(activeKas());
  }

  /** A KAS key that still unwraps (active or superseded, not retired), by kid. */
  public Optional<KeyView> unwrappingKasKey(String kid) {
    return keys.find(kid).filter(key -> key.purpose() == Purpose.KAS && key.retiredAt().isEmpty()).map(KeyView::of);
  }

  /** Rotates the key of {@code kind} (audited as {@code actor}); the superseded one stays usable until retired. */
  public KeyView rotate(Kind kind, AuditActor actor) {
    return KeyView.of(keys.rotate(kind == Kind.KAS ? Purpose.KAS : Purpose.ASSERTION, actor, clock.instant()));
  }

  /** Retires a superseded key (audited as {@code actor}); an unknown, active or retired kid is bad input or a conflict. */
  public KeyView retire(String kid, AuditActor actor) {
    try {
      TdfKey retired = keys.retire(kid, actor, clock.instant());
      opened.keySet().removeIf(cached -> cached.endsWith(":" + kid));
      return KeyView.of(retired);
    } catch (StoreException e) {
      throw switch (e.code()) {
        case "NOT_FOUND" -> ServiceException.notFound("no key '" + kid + "' on this node");
        case "CONFLICT" -> ServiceException.conflict("KEY_NOT_RETIRABLE", "Key cannot be retired", e.getMessage());
        default -> e;
      };
    }
  }

  private Optional<PrivateKey> privateKey(String kid, Purpose purpose) {
    PrivateKey cached = opened.get(purpose + ":" + kid);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<TdfKey> key = keys.find(kid).filter(found -> found.purpose() == purpose && found.retiredAt().isEmpty());
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Optional<PrivateKey> loaded = keys.privateKey(kid);
    loaded.ifPresent(value -> opened.put(purpose + ":" + kid, value));
    return loaded;
  }
}
