package org.pactbridge.server;

import java.time.Clock;
import java.util.Objects;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * How to run a node. {@code port} 0 picks a free port. {@code dbUser}/{@code dbPassword} may be null
 * when the URL carries them or the database needs none.
 */
public record ServerConfig(
    Registry registry,
    PartyCode party,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String host,
    int port,
    Clock clock,
    long maxBodyBytes,
    int maxBatch) {

  public static final long DEFAULT_MAX_BODY = 4L * 1024 * 1024;
  public static final int DEFAULT_MAX_BATCH = 10_000;

  public ServerConfig {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(dbUrl, "dbUrl");
    host = host == null ? "127.0.0.1" : host;
    clock = clock == null ? Clock.systemUTC() : clock;
  }

  public static ServerConfig of(Registry registry, PartyCode party, String dbUrl, int port) {
    return new ServerConfig(registry, party, dbUrl, null, null, "127.0.0.1", port, Clock.systemUTC(), DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, bytes, maxBatch);
  }

  public ServerConfig withCredentials(String user, String password) {
    return new ServerConfig(registry, party, dbUrl, user, password, host, port, clock, maxBodyBytes, maxBatch);
  }
}
