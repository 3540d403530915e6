package org.pactbridge.service;

import java.nio.file.Path;
import org.pactbridge.store.StoreConfig;

/** The use cases on embedded H2. */
class H2ServiceTest extends ServiceContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return ServiceDatabases.h2(dir);
  }
}
