package org.pactbridge.store;

import java.nio.file.Path;

/** {@link TdfKeysContract} on embedded H2. */
class H2TdfKeysTest extends TdfKeysContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
