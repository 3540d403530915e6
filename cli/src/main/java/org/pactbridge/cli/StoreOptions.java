package org.pactbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.service.OperatorServices;
import org.pactbridge.service.ServiceException;
import org.pactbridge.store.StoreConfig;
import picocli.CommandLine.Option;

/** Options of every command that opens the store: which database, which key folder. */
final class StoreOptions {
  @Option(names = "--db", paramLabel = "URL",
      description = "The database: jdbc:postgresql://HOST:PORT/NAME or jdbc:h2:file:PATH; default: H2 in the user's data folder"
          + " (${sys:user.home}/.local/share/pactbridge, or $PACTBRIDGE_HOME).")
  String db;

  @Option(names = "--keys", paramLabel = "DIR", description = "The folder of the node's key files; default: keys/ in the user's data folder.")
  Path keys;

  StoreConfig config() {
    Path keyDir = keys != null ? keys : StoreConfig.dataDir().resolve("keys");
    if (db == null) {
      StoreConfig defaults = StoreConfig.defaults();
      return keys == null ? defaults : StoreConfig.h2(StoreConfig.dataDir().resolve("store").resolve("pactbridge"), keyDir);
    }
    try {
      return StoreConfig.of(db, keyDir);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Who the audit log names for what a command writes: the local operator, the operating-system user
   * who ran it on the node's host ({@code local:<user>}, no nation: the store cannot know it).
   */
  static AuditActor operator() {
    return AuditActor.localOperator(System.getProperty("user.name"));
  }

  /**
   * Opens the store for the operator's use cases, with a progress line on {@code err} while migrations run on a terminal; a store that
   * cannot be opened (bad key file, newer schema, unreachable) is bad input.
   */
  OperatorServices open(PrintWriter err) {
    return open(err, false);
  }

  /**
   * As {@link #open(PrintWriter)}; {@code nodeMode} says whether the command also takes {@code --node URL}
   * ({@link RemoteNode}), for the message when another process (a running {@code serve}) holds the
   * embedded H2 database, which is single-process.
   */
  OperatorServices open(PrintWriter err, boolean nodeMode) {
    StoreConfig config = config();
    try {
      return OperatorServices.open(config, TerminalProgress.migrations(err));
    } catch (ServiceException e) {
      if (inUse(e)) {
        throw new BadInputException("the database " + config.displayUrl() + " is in use by another process (is 'pactbridge serve' running on it?):"
            + " the embedded H2 database is single-process. " + (nodeMode
                ? "Do this through the running node instead: add --node URL (e.g. --node http://127.0.0.1:8080), with an API token in "
                    + RemoteNode.TOKEN_VARIABLE + "."
                : "This command has no --node mode (the API has no equivalent): stop the node first, then run it."));
      }
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Whether opening failed because another process holds the H2 file: the store's {@code DATABASE_IN_USE}
   * (H2's error 90020), or H2's own words where a path reports it unwrapped.
   */
  static boolean inUse(ServiceException e) {
    String message = String.valueOf(e.getMessage());
    return "DATABASE_IN_USE".equals(e.code()) || message.contains("is in use by another process") || message.contains("Database may be already in use")
        || message.contains("[90020-");
  }
}
