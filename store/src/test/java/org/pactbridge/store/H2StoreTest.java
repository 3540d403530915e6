package org.pactbridge.store;

import java.nio.file.Path;

/** The store contract on embedded H2. */
class H2StoreTest extends StoreContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
