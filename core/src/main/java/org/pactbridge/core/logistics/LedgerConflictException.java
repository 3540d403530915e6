package org.pactbridge.core.logistics;

import org.pactbridge.core.PactbridgeException;

/** An append raced with another: the entry's sequence is no longer the next one. Nothing was written. */
public final class LedgerConflictException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  public LedgerConflictException(long expected, long found) {
    super("ledger append conflict: expected sequence " + expected + ", got " + found + "; nothing was written");
  }
}
