package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.party.PartyCode;

/**
 * Two instances (two {@link Store}s, each with its own connection, group commit and head file) append to
 * one PostgreSQL at once, eight threads each, for {@code pactbridge.test.audit.seconds} (5 s by default,
 * 60 under {@code -Pgate-full}), while a ninth thread of each writes operations that append in their own
 * transaction. At the end the chain holds exactly the acknowledged entries, each at the sequence number
 * and with the hash its writer was given, numbered 1..n without a gap; it verifies; the commits of the
 * two instances interleave; group commit really grouped; and the signed tree head of the last commit is
 * the Merkle tree of every body, rebuilt here from the rows.
 */
class PostgresAuditTwoInstancesTest {
  private static final int THREADS = 8;
  private static final long SECONDS = Long.getLong("pactbridge.test.audit.seconds", 5);

  @TempDir Path dir;
  private StoreConfig config;

  @AfterEach
  void drop() {
    if (config != null) {
      TestDatabases.dropSchema(config.schema());
    }
  }

  @Test
  void twoInstancesAppendingConcurrentlyKeepOneChainWithNoGap() throws Exception {
    config = TestDatabases.postgres(dir, "twoinst");
    Store.open(config).close();
    Map<Long, String> acknowledged = new ConcurrentHashMap<>();
    Map<Long, String> byInstance = new ConcurrentHashMap<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean stop = new AtomicBoolean();
    try (Store first = Store.open(config); Store second = Store.open(config)) {
      List<Thread> threads = new ArrayList<>();
      CountDownLatch start = new CountDownLatch(1);
      for (Store store : List.of(first, second)) {
        String name = store == first ? "first" : "second";
        for (int t = 0; t < THREADS; t++) {
          AuditActor actor = AuditActor.user(name + "-" + t, name, PartyCode.of("KOR"));
          threads.add(new Thread(() -> {
            try {
              start.await();
              for (int i = 0; !stop.get(); i++) {
                AuditEntry entry = store.audit().append(AuditEvent.of(Instant.EPOCH.plusSeconds(i), "WORKER_EVENT", actor, "event-" + i));
                assertThat(acknowledged.put(entry.seq(), entry.hashHex())).as("seq %d given twice", entry.seq()).isNull();
                byInstance.put(entry.seq(), name);
              }
            } catch (Throwable e) {
              failure.compareAndSet(null, e);
            }
          }));
        }
        // commits of their own transaction (as an operation's appends are), between the group commits
        threads.add(new Thread(() -> {
          try {
            start.await();
            AuditActor operator = AuditActor.localOperator(name);
            for (int i = 0; !stop.get(); i++) {
              List<AuditEntry> commit = ((JdbcAuditLog) store.audit()).appendCommit(List.of(
                  AuditEvent.of(Instant.EPOCH, "OPERATION_STEP", operator, "op-" + i), AuditEvent.of(Instant.EPOCH, "OPERATION_STEP", operator, "op-" + i)));
              assertThat(commit.get(1).seq()).isEqualTo(commit.get(0).seq() + 1);
              Thread.sleep(20);
            }
          } catch (Throwable e) {
            failure.compareAndSet(null, e);
          }
        }));
      }
      threads.forEach(Thread::start);
      start.countDown();
      Thread.sleep(SECONDS * 1000);
      stop.set(true);
      for (Thread thread : threads) {
        thread.join();
      }
      assertThat(failure.get()).as("a writer failed").isNull();
    }
    try (Store store = Store.open(config)) {
      Verification verification = store.audit().verify();
      assertThat(verification.ok()).as(verification.toString()).isTrue();
      Verification.Intact intact = (Verification.Intact) verification;
      long total = intact.lastSeq();
      List<String> ownerOfCommit = new ArrayList<>();
      MerkleFrontier tree = new MerkleFrontier();
      long checkpoints;
      Map<Long, String> stored = new HashMap<>();
      try (Connection connection = TestDatabases.connect(config)) {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash, body, kind FROM audit_entry ORDER BY seq");
            ResultSet row = select.executeQuery()) {
          long expected = 1;
          while (row.next()) {
            assertThat(row.getLong(1)).as("no gap").isEqualTo(expected++);
            tree.appendData(row.getBytes(3));
            if (row.getString(4).equals("WORKER_EVENT")) {
              stored.put(row.getLong(1), row.getString(2));
            }
          }
          assertThat(expected - 1).isEqualTo(total);
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM audit_checkpoint"); ResultSet row = select.executeQuery()) {
          row.next();
          checkpoints = row.getLong(1);
        }
      }
      // exactly the acknowledged appends, each where and as its writer was told
      assertThat(stored).isEqualTo(acknowledged);
      assertThat(acknowledged.size()).as("appends in %d s", SECONDS).isGreaterThan(100);
      // group commit: far fewer signed heads than entries
      assertThat(checkpoints).as("signed heads for %d entries", total).isLessThan(total);
      assertThat(store.audit().checkpoint().orElseThrow().rootHex()).contains(java.util.HexFormat.of().formatHex(tree.root()));
      for (long seq = 1; seq <= total; seq++) {
        String owner = byInstance.get(seq);
        if (owner != null && (ownerOfCommit.isEmpty() || !ownerOfCommit.get(ownerOfCommit.size() - 1).equals(owner))) {
          ownerOfCommit.add(owner);
        }
      }
      assertThat(ownerOfCommit.size()).as("the two instances' commits interleave").isGreaterThan(2);
    }
  }
}
