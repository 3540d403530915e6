package org.pactbridge.store;

import java.nio.file.Path;

/** {@link AuditCrashPropertiesContract} on a schema of its own in PostgreSQL. */
class PostgresAuditCrashPropertiesTest extends AuditCrashPropertiesContract {
  @Override
  StoreConfig newConfig(Path dir) {
    return TestDatabases.postgres(dir, "auditcrash");
  }

  @Override
  void dispose(StoreConfig config) {
    TestDatabases.dropSchema(config.schema());
  }
}
