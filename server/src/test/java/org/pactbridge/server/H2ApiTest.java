package org.pactbridge.server;

/** The API contract on embedded H2. */
class H2ApiTest extends ApiContract {
  H2ApiTest() {
    super(TestNode.Db.H2);
  }
}
