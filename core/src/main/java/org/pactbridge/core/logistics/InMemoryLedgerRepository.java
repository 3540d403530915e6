package org.pactbridge.core.logistics;

import java.util.ArrayList;
import java.util.List;

/** A ledger kept in memory, for tests and one-shot command-line use. Thread-safe; appends are atomic. */
public final class InMemoryLedgerRepository implements LedgerRepository {
  private final List<LedgerEntry> entries = new ArrayList<>();

  public InMemoryLedgerRepository() {}

  @Override
  public synchronized List<LedgerEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public synchronized long size() {
    return entries.size();
  }

  @Override
  public synchronized void append(LedgerEntry entry) {
    long expected = entries.size() + 1L;
    if (entry.sequence() != expected) {
      throw new LedgerConflictException(expected, entry.sequence());
    }
    entries.add(entry);
  }
}
