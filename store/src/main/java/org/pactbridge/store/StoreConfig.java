package org.pactbridge.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the database and the key files are. {@code schema} (PostgreSQL only, may be null) isolates one
 * store from another in the same database, as the tests do. The key folder also holds the audit chain's
 * head file (docs/audit-chain.md, section 6).
 */
public record StoreConfig(String jdbcUrl, String user, String password, String schema, Path keyDir) {
  public StoreConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(keyDir, "keyDir");
    if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl + "' (jdbc:h2:… or jdbc:postgresql://…)");
    }
  }

  /**
   * The user's data directory: {@code $PACTBRIDGE_HOME}, else {@code $XDG_DATA_HOME/pactbridge}, else
   * {@code ~/.local/share/pactbridge}.
   */
  public static Path dataDir() {
    String home = System.getenv("PACTBRIDGE_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home);
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "pactbridge");
    }
    return Path.of(System.getProperty("user.home"), ".local", "share", "pactbridge");
  }

  /** The default: embedded H2 in {@code dataDir()/store}, keys in {@code dataDir()/keys}. */
  public static StoreConfig defaults() {
    return h2(dataDir().resolve("store").resolve("pactbridge"), dataDir().resolve("keys"));
  }

  /**
   * An H2 database file ({@code file} without the {@code .mv.db} suffix). {@code WRITE_DELAY=0} makes H2
   * write each commit out before it returns: without it, a process killed within a second of a commit
   * loses that commit.
   */
  public static StoreConfig h2(Path file, Path keyDir) {
    return new StoreConfig("jdbc:h2:file:" + file.toAbsolutePath() + ";WRITE_DELAY=0", "sa", "", null, keyDir);
  }

  /** A database named by URL ({@code --db}); PostgreSQL connects as {@code postgres} unless the URL says otherwise. */
  public static StoreConfig of(String jdbcUrl, Path keyDir) {
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      String url = jdbcUrl.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
      return new StoreConfig(url, "sa", "", null, keyDir);
    }
    boolean namesUser = jdbcUrl.contains("user=");
    return new StoreConfig(jdbcUrl, namesUser ? null : "postgres", null, null, keyDir);
  }

  public StoreConfig withSchema(String newSchema) {
    return new StoreConfig(jdbcUrl, user, password, newSchema, keyDir);
  }

  public boolean isPostgres() {
    return jdbcUrl.startsWith("jdbc:postgresql:");
  }

  /** The URL without credentials, for messages. */
  public String displayUrl() {
    int query = jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl.indexOf(';') : jdbcUrl.indexOf('?');
    String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    return schema == null ? base : base + " (schema " + schema + ")";
  }
}
