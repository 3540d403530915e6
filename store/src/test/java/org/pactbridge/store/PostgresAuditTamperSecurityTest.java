package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditTamperSecurityContract} on PostgreSQL, its triggers disabled by the schema's owner. */
class PostgresAuditTamperSecurityTest extends AuditTamperSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "tamper");
  }
}
