package org.pactbridge.service;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.store.JdbcRegistryStore;
import org.pactbridge.store.MigrationProgress;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.store.StoreException;

/**
 * The use cases the node's operator runs from the command line, on a store this opens and closes:
 * verify and checkpoint the audit log, import and export the registry, register and list items, keep the
 * ledger. The operator has no user: the audit log names them as the local operator they pass in. A
 * store that refuses (a bad head file, a registry that would be edited, a bad label) is a
 * {@link ServiceException} of kind bad input, with the store's message. Not thread-safe (one command).
 */
public final class OperatorServices implements AutoCloseable {
  private final Store store;

  /** What an import added, and what it found unchanged. */
  public record Imported(
      int sources, int parties, int communities, int agreements, int events, int versions, int knownPartners, int unchanged) {}

  /** Told of progress during an import: {@code done} of {@code total} agreements. */
  @FunctionalInterface
  public interface ImportProgress {
    void agreements(int done, int total);
  }

  private OperatorServices(Store store) {
    this.store = store;
  }

  /** Opens (and migrates, reporting to {@code progress}) the store; one that cannot be opened is bad input. */
  public static OperatorServices open(StoreConfig config, MigrationProgress progress) {
    try {
      return new OperatorServices(Store.open(config, progress));
    } catch (StoreException e) {
      throw refused(e);
    }
  }

  private static ServiceException refused(StoreException e) {
    return ServiceException.badInput(e.code(), e.getMessage());
  }

  /** The node's ZTDF keys, for the operator's {@code keys} commands; first keys, if any are missing, are created as done by {@code operator}. */
  public NodeKeyring keyring(AuditActor operator) {
    return new NodeKeyring(store, operator, java.time.Clock.systemUTC());
  }

  /**
   * The node's key access service on this store, deciding with {@code registry} on the node's clock, for
   * the operator's local {@code tdf decrypt}: the same checks, engine and audit as a rewrap over HTTP, the
   * node being of {@code party}.
   */
  public KeyAccessService keyAccess(Registry registry, PartyCode party, AuditActor operator) {
    java.time.Clock clock = java.time.Clock.systemUTC();
    Items items = new Items(store, new org.pactbridge.core.engine.ReleaseEngine(registry), clock);
    return new KeyAccessService(items, new NodeKeyring(store, operator, clock), party, 1);
  }

  /** The database, for messages (no password). */
  public String displayUrl() {
    return store.config().displayUrl();
  }

  /**
   * Witnessed audit on this store, through {@code channel} and {@code signatures} (the federation's, as
   * {@code audit verify --witnesses} builds them from the node's PKI folder and peers file), at the real clock.
   */
  public AuditWitnesses witnesses(PeerChannel channel, NodeSignatures signatures) {
    return new AuditWitnesses(store, channel, signatures, java.time.Clock.systemUTC());
  }

  /** Walks the chain against its signed heads, the node's head file and {@code otherHeadFiles}. */
  public Verification verifyAudit(List<Path> otherHeadFiles) {
    try {
      return store.verifyAudit(otherHeadFiles);
    } catch (StoreException e) {
      throw refused(e);
    }
  }

  /** The signed head of the current head, signing it if the chain ends in v1 entries; empty for an empty log. */
  public Optional<Checkpoint> checkpoint() {
    try {
      return store.audit().checkpoint();
    } catch (StoreException e) {
      throw refused(e);
    }
  }

  /** The stored registry, if a world has been imported. */
  public Optional<Registry> storedRegistry() {
    return store.registry().load();
  }

  /** The stored registry; none stored is bad input. */
  public Registry requireStoredRegistry() {
    try {
      return store.registry().require();
    } catch (StoreException e) {
      throw refused(e);
    }
  }

  /** Imports {@code registry} in one transaction; anything that would edit or remove what is stored is refused and nothing written. */
  public Imported importRegistry(Registry registry, AuditActor operator, Instant now, ImportProgress progress) {
    JdbcRegistryStore.ImportReport report;
    try {
      report = store.registry().importRegistry(registry, operator, now, progress::agreements);
    } catch (StoreException e) {
      throw refused(e);
    }
    return new Imported(report.sources(), report.parties(), report.communities(), report.agreements(), report.events(), report.versions(),
        report.knownPartners(), report.unchanged());
  }

  /** Registers an item as the operator (see {@link Items#registerAsOperator}). */
  public Item registerItem(List<PartyCode> originators, Level level, Releasability releasability, boolean orcon, Set<Topic> topics,
      Instant declassifyOn, String marking, byte[] content, ItemTitle title, Instant now, AuditActor operator) {
    return Items.registerAsOperator(store, originators, level, releasability, orcon, topics, declassifyOn, marking, content, title, now, operator);
  }

  /** The bulk import of items in signed batches, PostgreSQL keeping duplicates out as {@code dedup} says. */
  public ItemImports itemImports(ItemImports.Dedup dedup) {
    return new ItemImports(store, dedup);
  }

  /**
   * Items in registration order, labels only. A stored level that {@code registry} does not know is
   * shown as it was stored (rank 1): a listing must not fail on a world that changed since.
   */
  public List<Item> listItems(Registry registry, int offset, int limit) {
    store.items().resolveLevelsWith(qualified -> {
      int colon = qualified.indexOf(':');
      Level level = registry.findParty(PartyCode.of(qualified.substring(0, colon)))
          .map(party -> party.allLevelsByCode().get(qualified.substring(colon + 1))).orElse(null);
      return level != null ? level : new Level(PartyCode.of(qualified.substring(0, colon)), qualified.substring(colon + 1), 1, null, null, List.of());
    });
    return store.items().list(offset, limit);
  }

  public long itemCount() {
    return store.items().count();
  }

  /**
   * Exports and imports of ZTDF archives for the node of {@code party}, deciding with {@code registry} on
   * {@code clock} (the node's clock: the operator's commands decide now).
   */
  public ItemArchives itemArchives(Registry registry, PartyCode party, java.time.Clock clock) {
    Items items = new Items(store, new org.pactbridge.core.engine.ReleaseEngine(registry), clock);
    return new ItemArchives(items, new ItemReleases(items), new NodeKeyring(store, party, clock), party);
  }

  /**
   * The public keys of this node's assertion keys by kid, whatever their status, for verifying archives
   * without creating any key (an assertion that names no kid finds none).
   */
  public org.pactbridge.tdf.TdfArchive.AssertionKeys assertionKeys() {
    return (assertionId, kid) -> kid == null ? Optional.empty() : store.tdfKeys().find(kid)
        .filter(key -> key.purpose() == org.pactbridge.store.JdbcTdfKeys.Purpose.ASSERTION).map(org.pactbridge.store.JdbcTdfKeys.TdfKey::publicKey);
  }

  /** The ledger in the store, appending as {@code operator}. */
  public Ledger ledger(Registry registry, AuditActor operator) {
    return Logistics.ledgerActingAs(registry, store, operator);
  }

  @Override
  public void close() {
    store.close();
  }
}
