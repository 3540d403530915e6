package org.pactbridge.server;

/** Issue 24's server side (shown decisions, recipient marking, who asked, audit filters) on embedded H2. */
class H2ItemViewAuditTest extends ItemViewAuditContract {
  H2ItemViewAuditTest() {
    super(TestNode.Db.H2);
  }
}
