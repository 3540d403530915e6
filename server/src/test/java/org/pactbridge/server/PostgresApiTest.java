package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** The API contract on PostgreSQL (127.0.0.1:5432, database test, user postgres), in a schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresApiTest extends ApiContract {
  PostgresApiTest() {
    super(TestNode.Db.POSTGRES);
  }
}
