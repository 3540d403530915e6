package org.pactbridge.server;

/**
 * The logistics API on the real PostgreSQL (127.0.0.1:5432, database test, user postgres), in a schema
 * of its own, dropped after. Unreachable PostgreSQL fails this test; it is not skipped.
 */
class PostgresLogisticsApiTest extends LogisticsApiContract {
  PostgresLogisticsApiTest() {
    super(TestNode.Db.POSTGRES);
  }
}
