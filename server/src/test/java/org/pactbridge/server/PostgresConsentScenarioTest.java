package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** The three-party consent workflow on PostgreSQL, in a schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresConsentScenarioTest extends ConsentScenarioContract {
  PostgresConsentScenarioTest() {
    super(TestNode.Db.POSTGRES);
  }
}
