package org.pactbridge.server;

/** {@link AccountAuditSecurityContract} on embedded H2. */
class H2AccountAuditSecurityTest extends AccountAuditSecurityContract {
  H2AccountAuditSecurityTest() {
    super(TestNode.Db.H2);
  }
}
