package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditTamperSecurityContract} on embedded H2, its triggers dropped by the tamperer. */
class H2AuditTamperSecurityTest extends AuditTamperSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
