package org.pactbridge.store;

import java.nio.file.Path;

/** The store contract on the real PostgreSQL at 127.0.0.1:5432, each test in a schema of its own. */
class PostgresStoreTest extends StoreContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "contract");
  }

  @Override
  void dropDatabase(StoreConfig config) {
    TestDatabases.dropSchema(config.schema());
  }
}
