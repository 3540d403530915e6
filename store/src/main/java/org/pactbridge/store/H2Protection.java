package org.pactbridge.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An embedded H2 database file kept like the key files: owner-only ({@code rw-------}, in
 * {@code rwx------} folders), and opened with a generated password, so another local account can
 * neither read the file nor open it through H2's default {@code sa} account with no password.
 *
 * <p>The password is 256 random bits, base64url, in {@code h2.password} beside the key files (owner-only,
 * written as they are), made the first time a database with the default credentials ({@code sa} and an
 * empty password) is opened. Migration: a database made by an earlier version has {@code sa} without a
 * password; when the generated password is refused and the empty one is accepted, the password is set
 * ({@code ALTER USER SA SET PASSWORD}) and the database is opened with it from then on. Losing
 * {@code h2.password} then locks the database, as losing {@code master.key} loses the items: back up
 * the key folder. Credentials given explicitly are used as given.
 *
 * <p>Folders: those this creates are owner-only; of folders that already exist only the default data
 * folder ({@code $PACTBRIDGE_HOME}, its {@code store/}) is tightened, never a folder the user named
 * (it may be shared, like {@code /tmp}). The database's own files are tightened wherever they are.
 * A non-POSIX file system keeps its ACLs.
 */
public final class H2Protection {
  static final String PASSWORD_FILE = "h2.password";
  private static final String WRONG_PASSWORD = "28000";
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(H2Protection.class.getName());

  private H2Protection() {}

  /**
   * {@code config} with the generated password when it names a file database with the default
   * credentials, after tightening its folders and files and migrating a database without a password;
   * any other configuration unchanged. Idempotent; does I/O (one connection to the database).
   */
  public static StoreConfig secure(StoreConfig config) {
    Path file = h2File(config.jdbcUrl());
    if (file == null) {
      return config;
    }
    ownerOnlyFolders(file.getParent());
    StoreConfig secured = config;
    boolean defaults = (config.user() == null || config.user().equalsIgnoreCase("sa")) && (config.password() == null || config.password().isEmpty());
    if (defaults) {
      secured = new StoreConfig(config.jdbcUrl(), "sa", password(config, file), config.schema(), config.keyDir());
    }
    for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
      Path part = file.resolveSibling(file.getFileName() + suffix);
      if (Files.exists(part)) {
        tighten(part, "rw-------");
      }
    }
    return secured;
  }

  /** The database file (without H2's suffix) a {@code jdbc:h2:file:} URL names, or null for another URL. */
  static Path h2File(String url) {
    if (!url.startsWith("jdbc:h2:file:")) {
      return null;
    }
    String path = url.substring("jdbc:h2:file:".length());
    int options = path.indexOf(';');
    path = options < 0 ? path : path.substring(0, options);
    if (path.startsWith("~")) {
      path = System.getProperty("user.home") + path.substring(1);
    }
    return Path.of(path).toAbsolutePath().normalize();
  }

  /**
   * The database's password: the one in {@code h2.password}, or a new one, written there before the
   * database is made with it or given it. A database that refuses it and has a password of its own is an
   * error, and no file is written for it.
   */
  private static String password(StoreConfig config, Path file) {
    Path passwordFile = config.keyDir().resolve(PASSWORD_FILE);
    String url = config.jdbcUrl();
    if (Files.exists(passwordFile)) {
      String password = readPassword(passwordFile);
      if (!accepts(url, password)) {
        if (!accepts(url, "")) {
          throw StoreException.wrongDatabasePassword(config.displayUrl(), passwordFile);
        }
        // The file was written but the database not yet given the password (a crash in between): give it now.
        setPassword(config, password);
      }
      return password;
    }
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    boolean exists = Files.exists(file.resolveSibling(file.getFileName() + ".mv.db"));
    if (exists && !accepts(url, "")) {
      throw StoreException.passwordFileMissing(config.displayUrl(), passwordFile);
    }
    ownerOnlyFolders(config.keyDir());
    NodeKeys.writeOwnerOnly(passwordFile, password + "\n");
    if (exists) {
      setPassword(config, password);
    } else if (!accepts(url, password)) {
      throw StoreException.wrongDatabasePassword(config.displayUrl(), passwordFile);
    }
    return password;
  }

  /** Whether the database opens as {@code sa} with {@code password} (a new database is made with it). */
  private static boolean accepts(String url, String password) {
    try (Connection connection = DriverManager.getConnection(url, "sa", password)) {
      return connection.isValid(2);
    } catch (SQLException refused) {
      if (WRONG_PASSWORD.equals(refused.getSQLState())) {
        return false;
      }
      throw StoreException.unreachable(url.substring(0, url.indexOf(';') < 0 ? url.length() : url.indexOf(';')), refused);
    }
  }

  /** Migration: gives a database made without a password (an earlier version's) the generated one. */
  private static void setPassword(StoreConfig config, String password) {
    try (Connection legacy = DriverManager.getConnection(config.jdbcUrl(), "sa", ""); Statement statement = legacy.createStatement()) {
      // The password is base64url: no quote can end the literal.
      statement.execute("ALTER USER SA SET PASSWORD '" + password + "'");
    } catch (SQLException e) {
      throw StoreException.unreachable(config.displayUrl(), e);
    }
    LOG.info(() -> "the H2 database " + config.displayUrl() + " had no password; it now has the generated one in "
        + config.keyDir().resolve(PASSWORD_FILE));
  }

  private static String readPassword(Path file) {
    try {
      String password = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!password.matches("[A-Za-z0-9_-]{20,}")) {
        throw StoreException.corruptKeyFile(file, 1, "not a generated password (base64url, at least 20 characters)");
      }
      return password;
    } catch (IOException e) {
      throw StoreException.corruptKeyFile(file, 1, "unreadable (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** Creates the missing folders of {@code dir} owner-only; tightens the default data folder's. */
  private static void ownerOnlyFolders(Path dir) {
    if (dir == null) {
      return;
    }
    Path absolute = dir.toAbsolutePath().normalize();
    List<Path> missing = new ArrayList<>();
    for (Path each = absolute; each != null && !Files.exists(each); each = each.getParent()) {
      missing.add(0, each);
    }
    try {
      for (Path folder : missing) {
        Files.createDirectory(folder);
        tighten(folder, "rwx------");
      }
    } catch (IOException e) {
      throw StoreException.keyFileUnwritable(absolute, e);
    }
    Path data = StoreConfig.dataDir().toAbsolutePath().normalize();
    if (absolute.equals(data) || absolute.equals(data.resolve("store")) || absolute.equals(data.resolve("keys"))) {
      tighten(absolute, "rwx------");
      tighten(data, "rwx------");
    }
  }

  private static void tighten(Path path, String permissions) {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system (Windows): the folder's ACLs apply
    } catch (IOException e) {
      throw StoreException.notOwnerOnly(path, e);
    }
  }
}
