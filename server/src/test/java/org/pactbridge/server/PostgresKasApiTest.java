package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** The key access service on PostgreSQL, in a schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresKasApiTest extends KasApiContract {
  PostgresKasApiTest() {
    super(TestNode.Db.POSTGRES);
  }
}
