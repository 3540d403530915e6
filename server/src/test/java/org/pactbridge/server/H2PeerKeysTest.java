package org.pactbridge.server;

/** Peers' KAS keys pinned and rotated, each node on an H2 database of its own. */
class H2PeerKeysTest extends PeerKeysContract {
  H2PeerKeysTest() {
    super(TestNode.Db.H2);
  }
}
