package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditActorSecurityContract} on PostgreSQL, in a schema of its own. */
class PostgresAuditActorSecurityTest extends AuditActorSecurityContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "actor");
  }
}
