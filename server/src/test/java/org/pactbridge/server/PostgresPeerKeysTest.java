package org.pactbridge.server;

import org.junit.jupiter.api.condition.EnabledIf;

/** Peers' KAS keys pinned and rotated, each node on a PostgreSQL schema of its own. */
@EnabledIf("org.pactbridge.server.TestNode#postgresAvailable")
class PostgresPeerKeysTest extends PeerKeysContract {
  PostgresPeerKeysTest() {
    super(TestNode.Db.POSTGRES);
  }
}
