package org.pactbridge.server;

/** The three-party consent workflow on embedded H2. */
class H2ConsentScenarioTest extends ConsentScenarioContract {
  H2ConsentScenarioTest() {
    super(TestNode.Db.H2);
  }
}
