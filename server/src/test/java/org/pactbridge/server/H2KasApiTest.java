package org.pactbridge.server;

/** The key access service on H2. */
class H2KasApiTest extends KasApiContract {
  H2KasApiTest() {
    super(TestNode.Db.H2);
  }
}
