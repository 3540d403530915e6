package org.pactbridge.store;

import java.nio.file.Path;
import org.pactbridge.core.PactbridgeException;

/**
 * Anything the store cannot do: a database it cannot reach or use, a key file it cannot trust, a row
 * that is not there. One factory per reason, so a test can pin the message. Messages carry identifiers,
 * paths and SQL states, never item content or bound values.
 */
public final class StoreException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  private StoreException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A stable code such as {@code CORRUPT_KEY_FILE}. */
  public String code() {
    return code;
  }

  /** A database that cannot be opened; an H2 file another process holds is {@link #inUse}, said plainly. */
  static StoreException unreachable(String url, Throwable cause) {
    if (url.startsWith("jdbc:h2:") && cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_ALREADY_OPEN) {
      return inUse(url, cause);
    }
    return new StoreException("DATABASE_UNREACHABLE", "cannot open the database " + url + ": " + cause.getMessage(), cause);
  }

  /** H2's error code for a database file another process holds open ({@code DATABASE_ALREADY_OPEN_1}). */
  private static final int H2_ALREADY_OPEN = 90020;

  /** An embedded H2 file held by another process: H2 lets one process at a time open it, and the usual holder is the node. */
  static StoreException inUse(String url, Throwable cause) {
    return new StoreException("DATABASE_IN_USE", "the H2 database " + url + " is in use by another process, most likely a running"
        + " 'pactbridge serve': an H2 file is opened by one process at a time; stop that process first, or run the node on PostgreSQL"
        + " (--db jdbc:postgresql://…), which several processes may share", cause);
  }

  static StoreException sql(String operation, java.sql.SQLException cause) {
    return new StoreException("SQL_FAILED", operation + " failed (SQL state " + cause.getSQLState() + "): " + firstLine(cause.getMessage()), cause);
  }

  static StoreException schemaTooNew(String url, String found, String known) {
    return new StoreException("SCHEMA_TOO_NEW", "the database " + url + " has schema version " + found
        + ", newer than this program knows (" + known + "): use a newer pactbridge; nothing was changed", null);
  }

  static StoreException migrationFailed(String url, Throwable cause) {
    return new StoreException("MIGRATION_FAILED", "migrating the database " + url + " failed: " + firstLine(cause.getMessage()), cause);
  }

  static StoreException corruptKeyFile(Path file, int line, String why) {
    return new StoreException("CORRUPT_KEY_FILE", "the key file " + file + " is corrupt at line " + line + ": " + why
        + "; restore it from backup (nothing was overwritten)", null);
  }

  static StoreException keyFileMissing(Path file, String keyId) {
    return new StoreException("KEY_FILE_MISSING", "the key file " + file + " is missing, but this database's content is encrypted under master key "
        + keyId + ": restore the file (a new key was not created)", null);
  }

  static StoreException wrongMasterKey(Path file, String fileKeyId, String databaseKeyId) {
    return new StoreException("WRONG_MASTER_KEY", "the master key in " + file + " (id " + fileKeyId
        + ") is not the one this database was created with (id " + databaseKeyId + "); nothing was changed", null);
  }

  static StoreException wrongNodeKey(Path file) {
    return new StoreException("WRONG_NODE_KEY", "the node key in " + file
        + " is not the one this database was created with; nothing was changed", null);
  }

  static StoreException keyFileUnwritable(Path file, Throwable cause) {
    return new StoreException("KEY_FILE_UNWRITABLE", "cannot create the key file " + file + ": " + cause.getMessage(), cause);
  }

  static StoreException wrongDatabasePassword(String url, Path passwordFile) {
    return new StoreException("WRONG_DATABASE_PASSWORD", "the H2 database " + url + " refuses the password in " + passwordFile
        + " (and has a password of its own): restore the key folder it was made with", null);
  }

  static StoreException passwordFileMissing(String url, Path passwordFile) {
    return new StoreException("WRONG_DATABASE_PASSWORD", "the H2 database " + url + " has a password but " + passwordFile
        + " is missing: restore the key folder it was made with", null);
  }

  static StoreException notOwnerOnly(Path path, Throwable cause) {
    return new StoreException("PERMISSIONS_UNSET", "cannot make " + path + " owner-only: " + cause.getMessage(), cause);
  }

  static StoreException corruptHeadFile(Path file, int line, String why) {
    return new StoreException("CORRUPT_HEAD_FILE", "the audit head file " + file + " is corrupt at line " + line + ": " + why
        + "; restore it from backup, or move it aside to go on without the head it kept (nothing was overwritten)", null);
  }

  static StoreException foreignHeadFile(Path file) {
    return new StoreException("FOREIGN_HEAD_FILE", "the audit head file " + file
        + " is not signed by this node's key; move it aside if it belongs to another node (nothing was overwritten)", null);
  }

  static StoreException headFileUnwritable(Path file, Throwable cause) {
    return new StoreException("HEAD_FILE_UNWRITABLE", "cannot write the audit head file " + file + ": " + cause.getMessage(), cause);
  }

  /**
   * The database's audit chain contradicts a signed head this instance holds: entries were removed or
   * rewritten, or the database is another (restored from an older backup, or new). Appending would sign
   * over it, so the store refuses until an operator looks.
   */
  static StoreException auditChainContradicted(String why, Path headFile) {
    return new StoreException("AUDIT_CHAIN_CONTRADICTED", "the audit log cannot be extended: " + why + "; run 'pactbridge audit verify'."
        + " If the database was restored or replaced on purpose, move " + headFile + " aside (keep it as evidence); nothing was stored", null);
  }

  static StoreException contentCorrupt(String itemId, String why) {
    return new StoreException("CONTENT_CORRUPT", "the stored content of item " + itemId + " cannot be trusted: " + why, null);
  }

  static StoreException keyCorrupt(String kid) {
    return new StoreException("KEY_CORRUPT", "the stored private key " + kid + " fails authentication under this node's master key", null);
  }

  static StoreException notFound(String what, String id) {
    return new StoreException("NOT_FOUND", "no " + what + " '" + id + "' in the store", null);
  }

  static StoreException provisionsOfAnotherKind(String agreementId, int versionNo, String kind, String part) {
    return new StoreException("PROVISIONS_OF_ANOTHER_KIND", "stored provisions version " + versionNo + " of " + agreementId + " hold " + part
        + ", which an agreement of kind " + kind + " does not have; the registry cannot be read until that row is corrected", null);
  }

  static StoreException conflict(String what, String why) {
    return new StoreException("CONFLICT", what + ": " + why + "; nothing was stored", null);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
