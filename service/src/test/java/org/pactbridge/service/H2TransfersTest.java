package org.pactbridge.service;

import java.nio.file.Path;
import java.util.function.Function;
import org.pactbridge.store.StoreConfig;

/** Transfers between nodes on embedded H2, one database per node. */
class H2TransfersTest extends TransfersContract {
  @Override
  Function<String, StoreConfig> stores(Path dir) {
    return FederationFixture.h2(dir);
  }
}
