package org.pactbridge.store;

import java.nio.file.Path;

/** {@link ItemTitleSecurityContract} on embedded H2. */
class H2ItemTitleSecurityTest extends ItemTitleSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
