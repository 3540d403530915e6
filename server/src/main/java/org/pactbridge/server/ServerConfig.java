package org.pactbridge.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * How to run a node. {@code port} 0 picks a free port. {@code dbUser}/{@code dbPassword} may be null
 * when the URL carries them or the database needs none. {@code insecureHttp} allows plain HTTP on an
 * address other than loopback; {@code failedLogins} throttles invalid tokens per client address.
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
    java.nio.file.Path keyDir,
    boolean insecureHttp,
    FailedLogins failedLogins,
    String publicUrl,
    Federation federation) {

  /**
   * The federation listener, beside the user-facing one: {@code host}:{@code port} (0 picks a free port),
   * this node's PKI folder as {@code pki init} made it, and the peers file. Null: no federation.
   */
  public record Federation(String host, int port, java.nio.file.Path tlsDir, java.nio.file.Path peersFile) {
    public Federation {
      host = host == null ? "127.0.0.1" : host;
      Objects.requireNonNull(tlsDir, "tlsDir");
      Objects.requireNonNull(peersFile, "peersFile");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("federation port " + port);
      }
    }
  }

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

  /** After {@code burst} invalid tokens from one address, one more is looked at every {@code interval}. */
  public record FailedLogins(int burst, Duration interval) {
    public static final FailedLogins DEFAULT = new FailedLogins(20, Duration.ofSeconds(3));

    public FailedLogins {
      if (burst < 1 || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("failed logins: a burst of at least 1 and a positive interval");
      }
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
    failedLogins = failedLogins == null ? FailedLogins.DEFAULT : failedLogins;
    if (publicUrl != null) {
      publicUrl = publicUrl.strip();
      while (publicUrl.endsWith("/")) {
        publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
      }
      if (!publicUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
        throw new IllegalArgumentException("--public-url must be an http:// or https:// URL without query or fragment");
      }
    }
  }

  /** The configuration as it was before {@code federation}: no federation listener. */
  public ServerConfig(Registry registry, PartyCode party, String dbUrl, String dbUser, String dbPassword, String host, int port, Clock clock,
      long maxBodyBytes, int maxBatch, Tls tls, java.nio.file.Path keyDir, boolean insecureHttp, FailedLogins failedLogins, String publicUrl) {
    this(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp, failedLogins, publicUrl,
        null);
  }

  /** The configuration as it was before {@code publicUrl}: the node's KAS URL is the listener's own. */
  public ServerConfig(Registry registry, PartyCode party, String dbUrl, String dbUser, String dbPassword, String host, int port, Clock clock,
      long maxBodyBytes, int maxBatch, Tls tls, java.nio.file.Path keyDir, boolean insecureHttp, FailedLogins failedLogins) {
    this(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp, failedLogins, null);
  }

  /**
   * The node's KAS URL, which exports name in their key access objects: {@code publicUrl} (or the listener's
   * own {@code scheme://host:port} when none is given) followed by {@code /kas}.
   */
  public String kasUrl(int boundPort) {
    String base = publicUrl != null ? publicUrl : (tls != null ? "https" : "http") + "://" + hostForUrl() + ":" + boundPort;
    return base + "/kas";
  }

  private String hostForUrl() {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public ServerConfig withPublicUrl(String url) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp,
        failedLogins, url, federation);
  }

  /** The configuration as it was before {@code insecureHttp} and {@code failedLogins}: loopback-safe defaults for both. */
  public ServerConfig(Registry registry, PartyCode party, String dbUrl, String dbUser, String dbPassword, String host, int port, Clock clock,
      long maxBodyBytes, int maxBatch, Tls tls, java.nio.file.Path keyDir) {
    this(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, false, null);
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

  /** Whether {@code host} names only loopback addresses (127.0.0.0/8, ::1, localhost). */
  public boolean isLoopback() {
    try {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      for (InetAddress address : addresses) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return addresses.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * Why this configuration must not start, if it must not: plain HTTP on an address other than loopback
   * sends tokens and item content in clear over the network, so it needs TLS or an explicit
   * {@code insecureHttp}.
   */
  public Optional<String> listenerRefusal() {
    if (tls != null || insecureHttp || isLoopback()) {
      return Optional.empty();
    }
    return Optional.of("refusing plain HTTP on " + host + ", which is not a loopback address: tokens and item content would cross the network"
        + " in clear. Serve HTTPS with --tls-keystore, bind to 127.0.0.1, or accept the risk with --insecure-http");
  }

  public static ServerConfig of(Registry registry, PartyCode party, String dbUrl, java.nio.file.Path keyDir, int port) {
    return new ServerConfig(registry, party, dbUrl, null, null, "127.0.0.1", port, Clock.systemUTC(), DEFAULT_MAX_BODY, DEFAULT_MAX_BATCH, null,
        keyDir);
  }

  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, bytes, maxBatch, tls, keyDir, insecureHttp,
        failedLogins, publicUrl, federation);
  }

  public ServerConfig withCredentials(String user, String password) {
    return new ServerConfig(registry, party, dbUrl, user, password, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp,
        failedLogins, publicUrl, federation);
  }

  public ServerConfig withTls(Tls newTls) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, newTls, keyDir, insecureHttp,
        failedLogins, publicUrl, federation);
  }

  public ServerConfig withHost(String newHost, boolean allowInsecureHttp) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, newHost, port, clock, maxBodyBytes, maxBatch, tls, keyDir, allowInsecureHttp,
        failedLogins, publicUrl, federation);
  }

  public ServerConfig withClock(Clock newClock) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, newClock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp,
        failedLogins, publicUrl, federation);
  }

  public ServerConfig withFailedLogins(FailedLogins policy) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp,
        policy, publicUrl, federation);
  }

  public ServerConfig withFederation(Federation newFederation) {
    return new ServerConfig(registry, party, dbUrl, dbUser, dbPassword, host, port, clock, maxBodyBytes, maxBatch, tls, keyDir, insecureHttp,
        failedLogins, publicUrl, newFederation);
  }
}
