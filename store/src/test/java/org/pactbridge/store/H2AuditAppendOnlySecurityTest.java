package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditAppendOnlySecurityContract} on embedded H2: triggers ({@link AppendOnlyTrigger}). */
class H2AuditAppendOnlySecurityTest extends AuditAppendOnlySecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.h2(dir);
  }
}
