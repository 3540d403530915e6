package org.pactbridge.store;

import net.jqwik.api.PropertyDefaults;
import org.pactbridge.core.logistics.LedgerPropertiesContract;
import org.pactbridge.core.logistics.LedgerRepository;

/** The ledger's laws on embedded H2, a new database per try: fewer tries than in memory, each opens a store. */
@PropertyDefaults(tries = 30)
class H2LedgerPropertiesTest extends LedgerPropertiesContract {
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
