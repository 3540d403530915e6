package org.pactbridge.core.logistics;

/** The ledger contract on the in-memory repository. */
class InMemoryLedgerTest extends LedgerContract {
  @Override
  protected LedgerRepository newRepository() {
    return new InMemoryLedgerRepository();
  }
}
