package org.pactbridge.store;

import net.jqwik.api.PropertyDefaults;
import org.pactbridge.core.logistics.LedgerPropertiesContract;
import org.pactbridge.core.logistics.LedgerRepository;

/** The ledger's laws on the real PostgreSQL at 127.0.0.1:5432, a schema of its own per try: fewer tries than in memory, each opens a store. */
@PropertyDefaults(tries = 30)
class PostgresLedgerPropertiesTest extends LedgerPropertiesContract {
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
