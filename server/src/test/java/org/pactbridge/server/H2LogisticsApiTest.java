package org.pactbridge.server;

/** The logistics API on embedded H2. */
class H2LogisticsApiTest extends LogisticsApiContract {
  H2LogisticsApiTest() {
    super(TestNode.Db.H2);
  }
}
