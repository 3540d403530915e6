package org.pactbridge.store;

import java.nio.file.Path;

/** {@link WitnessesContract} on embedded H2. */
class H2WitnessesTest extends WitnessesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
