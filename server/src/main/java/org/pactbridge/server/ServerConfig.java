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
    int maxBatch,
    Tls tls) {

  /**
   * HTTPS instead of HTTP: the node's key and certificate in a PKCS#12 key store; with a trust store,
   * clients may also log in with a certificate it trusts, whose subject CN names the user.
   */
  public record Tls(java.nio.file.Path keyStore, String keyStorePassword, java.nio.file.Path trustStore, String trustStorePassword) {
    public Tls {
      Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(keyStorePassword, "keyStorePassword");
    }
  }

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
    return new ServerConfig(registry, party, dbUrl, null, null, "127.0.0.1", port, Clock.systemUTC(), DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH, null);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, bytes, maxBatch, tls);
  }

  public ServerConfig withCredentials(String user, String password) {
    return new ServerConfig(registry, party, dbUrl, user, password, host, port, clock, maxBodyBytes, maxBatch, tls);
  }

  public ServerConfig withTls(Tls newTls) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, newTls);
  }
}
