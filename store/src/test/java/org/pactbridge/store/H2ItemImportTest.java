package org.pactbridge.store;

import java.nio.file.Path;

/** {@link ItemImportContract} on embedded H2. */
class H2ItemImportTest extends ItemImportContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
