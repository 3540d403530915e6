package org.pactbridge.store;

import java.nio.file.Path;

/** {@link ItemTitleSecurityContract} on PostgreSQL, in a schema of its own. */
class PostgresItemTitleSecurityTest extends ItemTitleSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "title");
  }
}
