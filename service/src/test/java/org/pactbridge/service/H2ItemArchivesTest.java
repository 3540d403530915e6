package org.pactbridge.service;

import java.nio.file.Path;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.store.TestDatabases;

/** ZTDF export and import on embedded H2. */
class H2ItemArchivesTest extends ItemArchivesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }

}
