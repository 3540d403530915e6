package org.pactbridge.store;

import java.nio.file.Path;

/** {@link ItemImportContract} on PostgreSQL, in a schema of its own. */
class PostgresItemImportTest extends ItemImportContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "import");
  }
}
