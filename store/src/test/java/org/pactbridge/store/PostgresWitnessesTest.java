package org.pactbridge.store;

import java.nio.file.Path;

/** {@link WitnessesContract} on PostgreSQL, in a schema of its own. */
class PostgresWitnessesTest extends WitnessesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "witnesses");
  }
}
