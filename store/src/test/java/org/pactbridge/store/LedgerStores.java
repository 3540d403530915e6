package org.pactbridge.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.logistics.LedgerRepository;

/**
 * Fresh stores for the ledger contract: each {@link #open} is a new H2 file or a new PostgreSQL schema
 * (unreachable PostgreSQL fails loudly), and {@link #closeAll} closes them, checks that each audit chain
 * verifies and holds one {@code LEDGER_APPENDED} entry per ledger entry, and drops what was made.
 */
final class LedgerStores {
  /** Who the ledger tests append as. */
  static final org.pactbridge.core.audit.AuditActor LOGISTICS_OFFICER =
      org.pactbridge.core.audit.AuditActor.user("u-logistics", "logistics-1", org.pactbridge.core.party.PartyCode.of("JPN"));

  private final boolean postgres;
  private final List<Store> stores = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();

  LedgerStores(boolean postgres) {
    this.postgres = postgres;
  }

  LedgerRepository open() {
    try {
      Path dir = Files.createTempDirectory("pactbridge-ledger");
      dirs.add(dir);
      Store store = Store.open(postgres ? TestDatabases.postgres(dir, "ledger") : TestDatabases.h2(dir));
      stores.add(store);
      return store.ledger(LOGISTICS_OFFICER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void closeAll() {
    try {
      for (Store store : stores) {
        checkAudit(store);
      }
    } finally {
      for (Store store : stores) {
        store.close();
        if (postgres) {
          TestDatabases.dropSchema(store.config().schema());
        }
      }
      stores.clear();
      for (Path dir : dirs) {
        delete(dir);
      }
      dirs.clear();
    }
  }

  private static void checkAudit(Store store) {
    if (!store.audit().verify().ok()) {
      throw new AssertionError("the audit chain does not verify: " + store.audit().verify());
    }
    long audited = store.audit().entries(1, Integer.MAX_VALUE).stream().map(AuditEntry::event)
        .filter(event -> event.kind().equals("LEDGER_APPENDED")).count();
    if (audited != store.ledger(LOGISTICS_OFFICER).size()) {
      throw new AssertionError("the audit chain holds " + audited + " ledger appends for " + store.ledger(LOGISTICS_OFFICER).size() + " entries");
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
