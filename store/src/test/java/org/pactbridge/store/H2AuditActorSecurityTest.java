package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditActorSecurityContract} on embedded H2. */
class H2AuditActorSecurityTest extends AuditActorSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
