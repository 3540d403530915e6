package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditFormatCompatibilityContract} on PostgreSQL, in a schema of its own. */
class PostgresAuditFormatCompatibilityTest extends AuditFormatCompatibilityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "v1chain");
  }
}
