package org.pactbridge.store;

import java.nio.file.Path;

/** {@link TdfKeysContract} on PostgreSQL, in a schema of its own. */
class PostgresTdfKeysTest extends TdfKeysContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "tdfkeys");
  }
}
