package org.pactbridge.service;

import java.nio.file.Path;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.store.TestDatabases;

/** ZTDF export and import on the real PostgreSQL at 127.0.0.1:5432, each test in a schema of its own. */
class PostgresItemArchivesTest extends ItemArchivesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "archives");
  }

  @Override
  void dropDatabase(StoreConfig config) {
    TestDatabases.dropSchema(config.schema());
  }
}
