package org.pactbridge.service;

import java.nio.file.Path;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.store.TestDatabases;

/** The use cases on embedded H2. */
class H2ServiceTest extends ServiceContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
