package org.pactbridge.service;

import java.nio.file.Path;
import java.util.function.Function;
import org.pactbridge.store.StoreConfig;

/** Transfers between nodes on the real PostgreSQL at 127.0.0.1:5432, one schema per node. */
class PostgresTransfersTest extends TransfersContract {
  @Override
  Function<String, StoreConfig> stores(Path dir) {
    return FederationFixture.postgres(dir);
  }
}
