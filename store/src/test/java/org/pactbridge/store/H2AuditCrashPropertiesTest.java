package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditCrashPropertiesContract} on an H2 file. */
class H2AuditCrashPropertiesTest extends AuditCrashPropertiesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }

  @Override
  void dispose(StoreConfig config) {
    // the temporary folder holds it
  }
}
