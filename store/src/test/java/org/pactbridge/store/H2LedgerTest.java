package org.pactbridge.store;

import org.pactbridge.core.logistics.LedgerContract;
import org.pactbridge.core.logistics.LedgerRepository;

/** The ledger contract on embedded H2, a new database per test, audited. */
class H2LedgerTest extends LedgerContract {
  private final LedgerStores stores = new LedgerStores(false);

  @Override
  protected LedgerRepository newRepository() {
    return stores.open();
  }

  @Override
  protected void closeRepositories() {
    stores.closeAll();
  }
}
