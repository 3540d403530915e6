package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.party.PartyCode;

/**
 * Any sequence of batches and crashes leaves a chain that verifies and holds exactly the acknowledged
 * entries, each at the number and with the hash its writer was given. The steps: a group of concurrent
 * appends through the group commit; a commit in a transaction of its own; a transaction that appends and
 * is then rolled back midway (after its rows and its signed head are written, before the commit); a
 * second writer, on its own connection, that takes the head lock, writes its commit and loses its
 * connection before committing; and closing and reopening the store. The signed tree head of the last
 * commit is checked against the tree rebuilt from the stored bodies.
 */
abstract class AuditCrashPropertiesContract {
  private static final AuditActor ACTOR = AuditActor.user("u-prop", "prop", PartyCode.of("KOR"));

  enum Kind { GROUP, OWN_TRANSACTION, ROLLED_BACK, CONNECTION_LOST, REOPEN }

  record Step(Kind kind, int size) {}

  abstract StoreConfig newConfig(Path dir);

  abstract void dispose(StoreConfig config);

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(1, 12)).as(Step::new).list().ofMinSize(1).ofMaxSize(10);
  }

  @Property(tries = 8)
  void batchesAndCrashesLeaveExactlyTheAcknowledgedEntries(@ForAll("steps") List<Step> steps) throws Exception {
    Path dir = Files.createTempDirectory("pactbridge-audit-crash");
    StoreConfig config = newConfig(dir);
    Map<Long, String> acknowledged = new HashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    Store store = Store.open(config);
    try {
      int counter = 0;
      for (Step step : steps) {
        switch (step.kind()) {
          case GROUP -> {
            List<Future<AuditEntry>> answers = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
              AuditEvent event = event("group", counter++);
              Store target = store;
              answers.add(pool.submit((Callable<AuditEntry>) () -> target.audit().append(event)));
            }
            for (Future<AuditEntry> answer : answers) {
              acknowledge(acknowledged, answer.get());
            }
          }
          case OWN_TRANSACTION -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
              events.add(event("own", counter++));
            }
            ((JdbcAuditLog) store.audit()).appendCommit(events).forEach(entry -> acknowledge(acknowledged, entry));
          }
          case ROLLED_BACK -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
              events.add(event("rolled-back", counter++));
            }
            JdbcAuditLog log = (JdbcAuditLog) store.audit();
            Db db = store.db();
            assertThatThrownBy(() -> db.tx("a step that fails midway", connection -> {
              log.appendIn(connection, events);
              throw new IllegalStateException("killed midway");
            })).hasMessage("killed midway");
          }
          case CONNECTION_LOST -> {
            List<AuditEvent> events = new ArrayList<>();
            for (int i = 0; i < step.size(); i++) {
              events.add(event("lost", counter++));
            }
            Path otherKeys = Files.createTempDirectory(dir, "other");
            Connection connection = Store.connect(config);
            Db db = new Db(connection);
            try (JdbcAuditLog other = new JdbcAuditLog(db, store.keys(), store.keys().publicKeyBase64(), new HeadFile(otherKeys))) {
              assertThatThrownBy(() -> db.tx("a writer whose connection is lost", tx -> {
                other.appendIn(tx, events);
                tx.close(); // the process died before its commit: the database rolls the transaction back
                return null;
              })).isInstanceOf(StoreException.class);
            }
          }
          case REOPEN -> {
            store.close();
            store = Store.open(config);
          }
        }
      }
      Verification verification = store.audit().verify();
      assertThat(verification.ok()).as(verification.toString()).isTrue();
      Map<Long, String> stored = new HashMap<>();
      MerkleFrontier tree = new MerkleFrontier();
      for (long from = 1; ; ) {
        List<AuditEntry> page = store.audit().entries(from, 500);
        if (page.isEmpty()) {
          break;
        }
        for (AuditEntry entry : page) {
          stored.put(entry.seq(), entry.hashHex());
          tree.appendData(entry.body());
        }
        from = page.get(page.size() - 1).seq() + 1;
      }
      assertThat(stored).isEqualTo(acknowledged);
      if (!stored.isEmpty()) {
        assertThat(store.audit().checkpoint().orElseThrow().rootHex()).contains(java.util.HexFormat.of().formatHex(tree.root()));
      }
    } finally {
      pool.shutdownNow();
      store.close();
      dispose(config);
      deleteQuietly(dir);
    }
  }

  private static AuditEvent event(String what, int n) {
    return AuditEvent.of(Instant.parse("2026-12-03T18:00:00Z").plusMillis(n), "PROPERTY_STEP", ACTOR, what + "-" + n);
  }

  private static void acknowledge(Map<Long, String> acknowledged, AuditEntry entry) {
    assertThat(acknowledged.put(entry.seq(), entry.hashHex())).as("entry %d acknowledged twice", entry.seq()).isNull();
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: left for the system to clear
    }
  }
}
