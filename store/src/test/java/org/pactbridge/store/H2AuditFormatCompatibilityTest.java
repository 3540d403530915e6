package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditFormatCompatibilityContract} on embedded H2. */
class H2AuditFormatCompatibilityTest extends AuditFormatCompatibilityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
