package org.pactbridge.service;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;

/**
 * Reading the audit log as a user: verifying its chain, and paging through the entries the user may
 * read ({@link AuditScope}). Thread-safe; a page costs one read of {@code limit} entries plus one
 * visibility check per distinct item they are about.
 */
public final class AuditReading {
  private final Items items;
  private final Store store;

  /** A page of entries: those shown to the reader, and the cursor of the next page (null at the end). */
  public record Page(List<AuditEntry> shown, Long next) {}

  public AuditReading(Items items) {
    this.items = items;
    this.store = items.store();
  }

  /** Walks the hash chain, its signed heads and checkpoints. */
  public Verification verify() {
    return store.audit().verify();
  }

  /**
   * The entries from sequence {@code from}, at most {@code limit} read, of which those the reader may
   * read are shown. The cursor follows the chain, not what was shown: hidden entries still move it.
   */
  public Page page(User reader, int from, int limit) {
    AuditScope scope = new AuditScope(items, reader);
    List<AuditEntry> page = store.audit().entries(from, limit);
    List<AuditEntry> shown = new ArrayList<>(page.size());
    long last = from - 1L;
    for (AuditEntry entry : page) {
      last = entry.seq();
      if (scope.shows(entry.event())) {
        shown.add(entry);
      }
    }
    return new Page(shown, page.size() < limit ? null : Long.valueOf(last + 1));
  }
}
