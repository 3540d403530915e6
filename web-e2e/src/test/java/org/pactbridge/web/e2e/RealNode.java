package org.pactbridge.web.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.world.WorldLoader;

/**
 * The real node service, as {@code pactbridge serve} runs it: Korea's node on the reference world,
 * embedded H2 (in memory, a fresh database per run), node keys in a fresh folder, a random loopback port.
 */
final class RealNode implements TestNode {
  private final NodeServer server;

  RealNode() {
    this(java.time.Clock.systemUTC());
  }

  /** The node on {@code clock}: an exercise clock makes it a node as {@code serve --clock} runs it. */
  RealNode(java.time.Clock clock) {
    try {
      server = NodeServer.start(ServerConfig.of(WorldLoader.reference(), PartyCode.of("KOR"),
          "jdbc:h2:mem:web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Files.createTempDirectory("pactbridge-web-keys"), 0).withClock(clock));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  @Override
  public String adminToken() {
    return server.firstStartAdmin().orElseThrow().secret();
  }

  @Override
  public void close() {
    server.close();
  }
}
