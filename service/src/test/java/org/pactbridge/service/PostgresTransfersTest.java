package org.pactbridge.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.store.JdbcTransfers.OutboxMessage;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;

/**
 * Transfers between nodes on the real PostgreSQL at 127.0.0.1:5432, one schema per node; and two instances
 * of one node sharing its outbox: their workers claim with {@code FOR UPDATE SKIP LOCKED}, so no row is
 * claimed by both.
 */
class PostgresTransfersTest extends TransfersContract {
  @Override
  Function<String, StoreConfig> stores(Path dir) {
    return FederationFixture.postgres(dir);
  }

  @Test
  void twoInstancesOnOneDatabaseClaimEachDueRowOnce() throws Exception {
    try (FederationFixture fed = new FederationFixture(Instant.parse("2024-06-01T00:00:00Z"), stores(dir), "KOR", "USA")) {
      FederationFixture.Node kor = fed.node("KOR");
      var sender = kor.user("kor-fdo", "I", Role.DISCLOSURE_OFFICER);
      for (int i = 0; i < 12; i++) {
        kor.transfers.send(sender, fed.korReport("shared " + i).id().value(), PartyCode.of("USA"));
      }
      try (Store second = Store.open(kor.config)) {
        List<Store> instances = List.of(kor.store, second);
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          List<Future<List<String>>> claims = new ArrayList<>();
          for (Store instance : instances) {
            claims.add(pool.submit(() -> {
              List<String> mine = new ArrayList<>();
              together.await();
              for (int round = 0; round < 6; round++) {
                instance.transfers().claimDue(fed.real.instant(), Duration.ofMinutes(1), 2).stream().map(OutboxMessage::key).forEach(mine::add);
              }
              return mine;
            }));
          }
          List<String> first = claims.get(0).get();
          List<String> other = claims.get(1).get();
          Set<String> overlap = new HashSet<>(first);
          overlap.retainAll(other);
          assertThat(overlap).as("no row claimed by both instances").isEmpty();
          assertThat(first.size() + other.size()).isEqualTo(12);
        } finally {
          pool.shutdownNow();
        }
      }
      // the leases run out; one instance's worker delivers all twelve, each stored once
      fed.real.advance(Duration.ofMinutes(2));
      kor.deliverAll();
      assertThat(fed.node("USA").store.items().list(0, 100)).hasSize(12);
      assertThat(fed.node("USA").store.transfers().inbox(0, 100)).hasSize(12);
    }
  }
}
