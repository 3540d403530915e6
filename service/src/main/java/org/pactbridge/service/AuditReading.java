package org.pactbridge.service;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditFilter;
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
    return search(reader, AuditFilter.ALL, from, false, limit);
  }

  /**
   * The entries that pass {@code filter} and that the reader may read, from sequence {@code cursor}
   * ({@code newestFirst}: from {@code cursor} downwards), reading at most {@code limit} of those the
   * store's columns let through. As with {@link #page}, the cursor follows what was read, not what was
   * shown: a page may show fewer than {@code limit} entries and still have a next one.
   */
  public Page search(User reader, AuditFilter filter, long cursor, boolean newestFirst, int limit) {
    AuditScope scope = new AuditScope(items, reader);
    List<AuditEntry> read = store.audit().find(filter, cursor, newestFirst, limit);
    List<AuditEntry> shown = new ArrayList<>(read.size());
    for (AuditEntry entry : read) {
      if (filter.matches(entry.event()) && scope.shows(entry.event())) {
        shown.add(entry);
      }
    }
    if (read.size() < limit) {
      return new Page(shown, null);
    }
    long last = read.get(read.size() - 1).seq();
    if (newestFirst) {
      return new Page(shown, last > 1 ? Long.valueOf(last - 1) : null);
    }
    return new Page(shown, Long.valueOf(last + 1));
  }
}
