package org.pactbridge.server;

import java.io.IOException;
import java.nio.file.Path;
import org.pactbridge.core.party.PartyCode;

/**
 * A second node process on a database another test node already uses: started by tests that need two
 * real processes (a JVM of its own, on the test class path). Arguments: the database URL and the key
 * folder. Prints {@code PORT n} once listening, and stops when its standard input closes.
 */
public final class NodeProcessMain {
  private NodeProcessMain() {}

  public static void main(String[] args) throws IOException {
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), args[0], Path.of(args[1]), 0);
    try (NodeServer server = NodeServer.start(config)) {
      System.out.println("PORT " + server.port());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our input
      }
    }
  }
}
