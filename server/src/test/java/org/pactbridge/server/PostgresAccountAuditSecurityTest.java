package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** {@link AccountAuditSecurityContract} on PostgreSQL, in a schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresAccountAuditSecurityTest extends AccountAuditSecurityContract {
  PostgresAccountAuditSecurityTest() {
    super(TestNode.Db.POSTGRES);
  }
}
