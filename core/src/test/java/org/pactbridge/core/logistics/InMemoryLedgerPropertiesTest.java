package org.pactbridge.core.logistics;

import net.jqwik.api.PropertyDefaults;

/** The ledger's laws on the in-memory repository. */
@PropertyDefaults(tries = 300)
class InMemoryLedgerPropertiesTest extends LedgerPropertiesContract {
  @Override
  protected LedgerRepository newRepository() {
    return new InMemoryLedgerRepository();
  }
}
