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
    try {
      return OperatorServices.open(config(), TerminalProgress.migrations(err));
    } catch (ServiceException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
