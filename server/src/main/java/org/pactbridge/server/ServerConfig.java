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
    Tls tls,
    java.nio.file.Path keyDir) {

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
    Objects.requireNonNull(keyDir, "keyDir");
  }

  /** The store's configuration: the same database, the node's key files in {@code keyDir}. */
  public org.pactbridge.store.StoreConfig storeConfig() {
    org.pactbridge.store.StoreConfig store = org.pactbridge.store.StoreConfig.of(dbUrl, keyDir);
    if (dbUser != null) {
      store = new org.pactbridge.store.StoreConfig(store.jdbcUrl(), dbUser, dbPassword, null, keyDir);
    }
    String schema = schemaOf(dbUrl);
    return schema == null ? store : store.withSchema(schema);
  }

  /** The PostgreSQL {@code currentSchema} the URL names, if any. */
  static String schemaOf(String url) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)").matcher(url);
    return matcher.find() ? matcher.group(1) : null;
  }

  public static ServerConfig of(Registry registry, PartyCode party, String dbUrl, java.nio.file.Path keyDir, int port) {
    return new ServerConfig(registry, party, dbUrl, null, null, "127.0.0.1", port, Clock.systemUTC(), DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH, null,
        keyDir);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, bytes, maxBatch, tls, keyDir);
  }

  public ServerConfig withCredentials(String user, String password) {
    return new ServerConfig(registry, party, dbUrl, user, password, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir);
  }

  public ServerConfig withTls(Tls newTls) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, newTls, keyDir);
  }
}
