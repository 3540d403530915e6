package org.pactbridge.store;

import org.pactbridge.core.logistics.LedgerContract;
import org.pactbridge.core.logistics.LedgerRepository;

/** The ledger contract on the real PostgreSQL at 127.0.0.1:5432, a schema of its own per test, audited. */
class PostgresLedgerTest extends LedgerContract {
  private final LedgerStores stores = new LedgerStores(true);

  @Override
  protected LedgerRepository newRepository() {
    return stores.open();
  }

  @Override
  protected void closeRepositories() {
    stores.closeAll();
  }
}
