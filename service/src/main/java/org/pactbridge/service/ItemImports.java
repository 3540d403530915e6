package org.pactbridge.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.store.JdbcItemImport;
import org.pactbridge.store.JdbcItemRepository;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreException;

/**
 * The operator's bulk import of items ({@code pactbridge item import}): batches of labelled items,
 * each batch signed once as a Merkle tree and written in one transaction with one audit entry
 * ({@link JdbcItemImport}). The caller reads and checks the lines and makes the batches; an item whose id
 * (or, without one, whose content) is already stored is skipped, so running the same import again after
 * an interruption stores each item exactly once.
 */
public final class ItemImports {
  /** One item to import: its id ({@code null}: derived from its content), label, content and title. */
  public record NewItem(ItemId id, List<PartyCode> originators, Level level, Releasability releasability, boolean orcon, Set<Topic> topics,
      Instant declassifyOn, String marking, byte[] content, ItemTitle title) {}

  /** What one batch stored and skipped. */
  public record Batch(int imported, int skipped) {}

  /** How PostgreSQL keeps a batch from storing an id twice (see {@link JdbcItemImport.Mode}); H2 always checks first. */
  public enum Dedup {
    PRECHECK,
    STAGING
  }

  private final Store store;

  ItemImports(Store store, Dedup dedup) {
    this.store = store;
    store.itemImport().mode(dedup == Dedup.STAGING ? JdbcItemImport.Mode.STAGING : JdbcItemImport.Mode.PRECHECK);
  }

  /** Stores one batch as {@code operator} at {@code now}: all its new items or none. */
  public Batch importBatch(List<NewItem> items, Instant now, AuditActor operator) {
    List<JdbcItemImport.Entry> entries = items.stream().map(item -> new JdbcItemImport.Entry(item.id(),
        new JdbcItemRepository.Draft(item.originators(), item.level(), item.releasability(), item.orcon(), item.topics(), item.declassifyOn(),
            item.marking()), item.content(), item.title())).toList();
    try {
      JdbcItemImport.BatchResult result = store.itemImport().importBatch(entries, now, operator);
      return new Batch(result.imported(), result.skipped());
    } catch (StoreException e) {
      throw ServiceException.badInput(e.code(), e.getMessage());
    }
  }
}
