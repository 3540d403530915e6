package org.pactbridge.core.logistics;

import java.util.List;

/**
 * Where ledger entries are kept: append-only. An implementation stores each entry whole or not at
 * all, never updates or deletes one, and refuses an entry whose sequence is not the next one
 * ({@link LedgerConflictException}), so two writers that validated against the same state cannot
 * both append. Implementations must be thread-safe.
 */
public interface LedgerRepository {

  /** Every entry, in sequence order. */
  List<LedgerEntry> entries();

  /** The number of entries, which is also the sequence of the last one. */
  long size();

  /** Appends one entry, whose sequence must be {@code size() + 1}; atomic. */
  void append(LedgerEntry entry);
}
