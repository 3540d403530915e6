package org.pactbridge.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.consent.ConsentRepository;
import org.pactbridge.core.item.HoldingRepository;
import org.pactbridge.core.item.ReleaseRepository;

/**
 * An open store: one database (H2 or PostgreSQL) and the node's key files.
 *
 * <p>Opening checks before it changes anything: a schema newer than this program, a corrupt key file,
 * a missing key file for a database that has content, or a master key other than the database's is a
 * {@link StoreException} and nothing is written. Then it applies pending migrations and, on first start,
 * creates the key files. Thread-safe: operations take turns on one connection.
 */
public final class Store implements AutoCloseable {
  /**
   * Where Flyway finds no SLF4J binding (the store's own tests) it logs through java.util.logging, one INFO
   * line per step; only its warnings matter to a user. The CLI binds SLF4J (server's PlainLogger) and sets
   * its level there (pactbridge.log.level: warn, info with --verbose). Held so it is not collected.
   */
  private static final java.util.logging.Logger FLYWAY_LOG = quietFlyway();

  private final StoreConfig config;
  private final Db db;
  private final NodeKeys keys;
  private final JdbcAuditLog audit;
  private final JdbcItemRepository items;
  private final JdbcRegistryStore registry;
  private final JdbcHoldingRepository holdings;
  private final JdbcConsentRepository consents;
  private final JdbcReleaseRepository releases;
  private final JdbcCoOriginators coOriginators;
  private final JdbcTdfKeys tdfKeys;
  private final JdbcItemArchives itemArchives;
  private final JdbcPeerKasKeys peerKasKeys;
  private final JdbcWitnesses witnesses;
  private final JdbcTransfers transfers;
  private final JdbcItemImport itemImport;

  private Store(StoreConfig config, Db db, NodeKeys keys, String trustedKey) {
    this.config = config;
    this.db = db;
    this.keys = keys;
    this.audit = new JdbcAuditLog(db, keys, trustedKey, new HeadFile(keys.dir()));
    this.holdings = new JdbcHoldingRepository(db, audit);
    this.items = new JdbcItemRepository(db, audit, keys, new ContentCipher(keys.masterKey()));
    this.itemImport = new JdbcItemImport(db, audit, keys, new ContentCipher(keys.masterKey()), config.isPostgres());
    this.registry = new JdbcRegistryStore(db, audit);
    this.consents = new JdbcConsentRepository(db, audit);
    this.releases = new JdbcReleaseRepository(db, audit, holdings);
    this.coOriginators = new JdbcCoOriginators(db, audit);
    this.tdfKeys = new JdbcTdfKeys(db, audit, keys, new ContentCipher(keys.masterKey()));
    this.itemArchives = new JdbcItemArchives(db, audit, items, holdings);
    this.transfers = new JdbcTransfers(db, audit, releases, itemArchives, consents, config.isPostgres());
    this.peerKasKeys = new JdbcPeerKasKeys(db, audit);
    this.witnesses = new JdbcWitnesses(db, audit);
  }

  /** Opens (and on first start creates) the store that {@code config} names. */
  public static Store open(StoreConfig config) {
    return open(config, MigrationProgress.NONE);
  }

  /** As {@link #open(StoreConfig)}, telling {@code progress} of each pending migration as it starts. */
  public static Store open(StoreConfig given, MigrationProgress progress) {
    // An embedded H2 file gets owner-only files and its generated password first (H2Protection).
    StoreConfig config = H2Protection.secure(given);
    ProgressCallback callback = new ProgressCallback(progress);
    Flyway flyway = flyway(config, callback);
    // Our connection opens first and stays open: an embedded H2 database then stays open while Flyway's
    // own connections come and go, instead of closing and reopening under it.
    Connection connection = connect(config);
    try {
      for (MigrationInfo info : flyway.info().all()) {
        MigrationState state = info.getState();
        if (state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED) {
          throw StoreException.schemaTooNew(config.displayUrl(), String.valueOf(info.getVersion()), latestKnown(flyway));
        }
      }
      NodeKeys existing = NodeKeys.present(config.keyDir()) ? NodeKeys.load(config.keyDir()) : null;
      try {
        callback.total = flyway.info().pending().length;
        MigrateResult result = flyway.migrate();
        if (callback.total > 0) {
          progress.finished(result.migrationsExecuted);
        }
        if (!result.success) {
          throw StoreException.migrationFailed(config.displayUrl(), new IllegalStateException(String.valueOf(result.warnings)));
        }
      } catch (org.flywaydb.core.api.FlywayException e) {
        throw StoreException.migrationFailed(config.displayUrl(), e);
      }
      if (config.schema() != null) {
        connection.setSchema(config.schema());
      }
      Db db = new Db(connection);
      String[] meta = db.tx("reading the node's keys", c -> new String[] {readMeta(c, "master_key_id"), readMeta(c, "node_public_key")});
      NodeKeys keys = existing;
      if (meta[0] != null) {
        if (keys == null) {
          throw StoreException.keyFileMissing(config.keyDir().resolve(NodeKeys.MASTER_FILE), meta[0]);
        }
        if (!keys.masterKeyId().equals(meta[0])) {
          throw StoreException.wrongMasterKey(keys.masterKeyFile(), keys.masterKeyId(), meta[0]);
        }
        if (meta[1] != null && !keys.publicKeyBase64().equals(meta[1])) {
          throw StoreException.wrongNodeKey(config.keyDir().resolve(NodeKeys.NODE_FILE));
        }
      } else {
        if (keys == null) {
          keys = NodeKeys.create(config.keyDir());
        }
        NodeKeys adopted = keys;
        db.tx("recording the node's keys", c -> {
          insertMeta(c, "master_key_id", adopted.masterKeyId());
          insertMeta(c, "node_public_key", adopted.publicKeyBase64());
          return null;
        });
      }
      Store store = new Store(config, db, keys, keys.publicKeyBase64());
      try {
        store.audit.adoptHeads();
      } catch (RuntimeException e) {
        store.audit.close();
        throw e;
      }
      return store;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw StoreException.sql("opening the store", sql);
      }
      throw (RuntimeException) e;
    }
  }

  private static java.util.logging.Logger quietFlyway() {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger("org.flywaydb");
    logger.setLevel(java.util.logging.Level.WARNING);
    return logger;
  }

  private static String latestKnown(Flyway flyway) {
    String latest = "none";
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED && info.getVersion() != null) {
        latest = info.getVersion().getVersion();
      }
    }
    return latest;
  }

  private static Flyway flyway(StoreConfig config, ProgressCallback callback) {
    FLYWAY_LOG.fine("configuring migrations");
    prepare(config);
    var configuration = Flyway.configure()
        .dataSource(config.jdbcUrl(), config.user(), config.password())
        // the vendor folder holds what cannot be written once for both: the audit tables' triggers and roles
        .locations("classpath:db/migration", "classpath:db/vendor/" + (config.isPostgres() ? "postgresql" : "h2"))
        .failOnMissingLocations(true)
        .callbacks(callback);
    if (config.schema() != null) {
      configuration = configuration.schemas(config.schema()).defaultSchema(config.schema()).createSchemas(true);
    }
    return configuration.load();
  }

  /** Counts the migrations as Flyway starts them and tells the listener. */
  private static final class ProgressCallback extends BaseCallback {
    private final MigrationProgress progress;
    int total;
    private int started;

    ProgressCallback(MigrationProgress progress) {
      this.progress = progress;
    }

    @Override
    public boolean supports(Event event, Context context) {
      return event == Event.BEFORE_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
      return true;
    }

    @Override
    public void handle(Event event, Context context) {
      MigrationInfo info = context.getMigrationInfo();
      started++;
      progress.starting(started, Math.max(total, started), info.getVersion() == null ? "" : info.getVersion().getVersion(),
          info.getDescription());
    }
  }

  private static void prepare(StoreConfig config) {
    if (config.jdbcUrl().startsWith("jdbc:h2:file:")) {
      String path = config.jdbcUrl().substring("jdbc:h2:file:".length());
      int options = path.indexOf(';');
      Path file = Path.of(options < 0 ? path : path.substring(0, options));
      try {
        if (file.getParent() != null) {
          Files.createDirectories(file.getParent());
        }
      } catch (IOException e) {
        throw StoreException.unreachable(config.displayUrl(), e);
      }
    }
  }

  static Connection connect(StoreConfig given) {
    StoreConfig config = H2Protection.secure(given);
    Properties properties = new Properties();
    if (config.user() != null) {
      properties.setProperty("user", config.user());
    }
    if (config.password() != null) {
      properties.setProperty("password", config.password());
    }
    try {
      Connection connection = DriverManager.getConnection(config.jdbcUrl(), properties);
      if (config.schema() != null && schemaExists(connection, config.schema())) {
        connection.setSchema(config.schema());
      }
      return connection;
    } catch (SQLException e) {
      throw StoreException.unreachable(config.displayUrl(), e);
    }
  }

  private static boolean schemaExists(Connection connection, String schema) throws SQLException {
    try (ResultSet schemas = connection.getMetaData().getSchemas(null, schema)) {
      return schemas.next();
    }
  }

  private static String readMeta(Connection connection, String name) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT val FROM node_meta WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private static void insertMeta(Connection connection, String name, String value) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO node_meta (name, val) VALUES (?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, value);
      insert.executeUpdate();
    }
  }

  /** The connection and its transactions, for the store's own tests. */
  Db db() {
    return db;
  }

  public StoreConfig config() {
    return config;
  }

  public NodeKeys keys() {
    return keys;
  }

  public AuditLog audit() {
    return audit;
  }

  public JdbcItemRepository items() {
    return items;
  }

  /** The bulk import of items in signed batches. */
  public JdbcItemImport itemImport() {
    return itemImport;
  }

  public JdbcRegistryStore registry() {
    return registry;
  }

  public HoldingRepository holdings() {
    return holdings;
  }

  public ConsentRepository consents() {
    return consents;
  }

  public ReleaseRepository releases() {
    return releases;
  }

  /**
   * The settlement ledger's entries (core's {@code Ledger} runs the commands over it), appending as
   * {@code actor}: the audit entries of its appends name them. Cheap; make one per acting user.
   */
  public JdbcLedgerRepository ledger(AuditActor actor) {
    return new JdbcLedgerRepository(db, audit, actor);
  }

  /**
   * Verifies the audit chain as {@link AuditLog#verify()} does, and also against other instances' head
   * files ({@code otherHeadFiles}, copied from their key folders): a chain that does not hold any of
   * them is reported. A file that cannot be read is a {@link StoreException}.
   */
  public Verification verifyAudit(List<Path> otherHeadFiles) {
    return audit.verify(otherHeadFiles);
  }

  /** The file beside the node's keys that keeps the highest signed head of the audit chain. */
  public Path auditHeadFile() {
    return keys.dir().resolve(HeadFile.FILE);
  }

  /** Writes the audit heads signed so far to the head file, which otherwise happens moments after each commit. */
  public void flushAuditHead() {
    audit.flushHeadFile();
  }

  /**
   * The URL of this node's key access service as the node last announced it ({@code serve} records it on
   * start): exports name it in their key access objects, and the KAS refuses objects that name another.
   */
  public Optional<String> kasUrl() {
    return Optional.ofNullable(db.tx("reading the KAS URL", c -> readMeta(c, KAS_URL)));
  }

  /** Records {@code url} as this node's KAS URL (replacing an earlier one). */
  public void recordKasUrl(String url) {
    if (url == null || url.isBlank() || url.length() > 2000) {
      throw new IllegalArgumentException("a KAS URL is 1 to 2000 characters");
    }
    db.tx("recording the KAS URL", c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM node_meta WHERE name = ?")) {
        delete.setString(1, KAS_URL);
        delete.executeUpdate();
      }
      insertMeta(c, KAS_URL, url);
      return null;
    });
  }

  private static final String KAS_URL = "kas_url";

  /** The node's ZTDF key pairs (KAS and assertion signer). */
  public JdbcTdfKeys tdfKeys() {
    return tdfKeys;
  }

  /** Items imported from ZTDF archives, with what their archives said besides the label. */
  public JdbcItemArchives itemArchives() {
    return itemArchives;
  }

  /** Transfers between nodes: the outbox, the transfers sent, the inbox and the consent requests that cross nodes. */
  public JdbcTransfers transfers() {
    return transfers;
  }

  /** Peers' KAS public keys, pinned at first use and changed only by a rotation their node announced. */
  public JdbcPeerKasKeys peerKasKeys() {
    return peerKasKeys;
  }

  /** Witnessed audit: peers' checkpoints this node cosigned, evidence against them, and their cosignatures of this node's log. */
  public JdbcWitnesses witnesses() {
    return witnesses;
  }

  /** Co-originators of JOINT items that were named and have not confirmed yet. */
  public JdbcCoOriginators coOriginators() {
    return coOriginators;
  }

  @Override
  public void close() {
    try {
      audit.close();
    } finally {
      db.close();
    }
  }
}
