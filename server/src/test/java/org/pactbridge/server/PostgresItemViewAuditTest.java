package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** Issue 24's server side (shown decisions, recipient marking, who asked, audit filters) on PostgreSQL, in a schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresItemViewAuditTest extends ItemViewAuditContract {
  PostgresItemViewAuditTest() {
    super(TestNode.Db.POSTGRES);
  }
}
