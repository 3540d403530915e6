package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerConflictException;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.world.WorldLoader;

/**
 * Two writers on one PostgreSQL ledger (two stores, two connections, a schema of their own): a stale
 * sequence is refused whole, and writers that retry on conflict keep one gapless ledger whose every
 * entry is audited once.
 */
class PostgresLedgerWritersTest {
  private static final Registry REFERENCE = WorldLoader.reference();
  private static final Instant AT = Instant.parse("2018-06-04T00:00:00Z");

  @TempDir Path dir;
  private StoreConfig config;
  private final List<Store> stores = new ArrayList<>();

  @BeforeEach
  void open() {
    config = TestDatabases.postgres(dir, "ledger_writers");
    stores.add(Store.open(config));
    stores.add(Store.open(config));
  }

  @AfterEach
  void close() {
    stores.forEach(Store::close);
    TestDatabases.dropSchema(config.schema());
  }

  private static Transfer fuel(int value) {
    return new Transfer(AgreementId.of("USA-JPN-ACSA"), PartyCode.of("JPN"), PartyCode.of("USA"), Category.FUEL, null,
        Money.of(Integer.toString(value), "JPY"), AT);
  }

  @Test
  void aSecondWriterWithTheSameSequenceIsRefusedAndWritesNothing() {
    LedgerEntry first = new Ledger(REFERENCE, stores.get(0).ledger(LedgerStores.LOGISTICS_OFFICER)).provide(fuel(100));
    LedgerEntry rival = new LedgerEntry(1, first.type(), first.agreement(), first.supplier(), first.receiver(), first.category(), null,
        Money.of("999", "JPY"), null, null, AT, first.postings().stream()
            .map(p -> new org.pactbridge.core.logistics.Posting(p.party(), p.account(), new Money(p.amount().amount().signum() > 0
                ? new java.math.BigDecimal("999") : new java.math.BigDecimal("-999"), "JPY"))).toList());
    assertThatThrownBy(() -> stores.get(1).ledger(LedgerStores.LOGISTICS_OFFICER).append(rival))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessage("ledger append conflict: expected sequence 2, got 1; nothing was written");
    assertThat(stores.get(1).ledger(LedgerStores.LOGISTICS_OFFICER).entries()).containsExactly(first);
    assertThat(ledgerAudits(stores.get(1))).isEqualTo(1);
  }

  @Test
  void writersThatRetryOnConflictKeepOneGaplessAuditedLedger() throws Exception {
    int each = 40;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> conflicts = new ArrayList<>();
      for (Store store : stores) {
        Callable<Integer> writer = () -> {
          Ledger ledger = new Ledger(REFERENCE, store.ledger(LedgerStores.LOGISTICS_OFFICER));
          int refused = 0;
          for (int i = 1; i <= each; i++) {
            while (true) {
              try {
                ledger.provide(fuel(i));
                break;
              } catch (LedgerConflictException e) {
                refused++;
              }
            }
          }
          return refused;
        };
        conflicts.add(pool.submit(writer));
      }
      for (Future<Integer> future : conflicts) {
        assertThat(future.get()).isGreaterThanOrEqualTo(0);
      }
    } finally {
      pool.shutdown();
    }
    List<LedgerEntry> entries = stores.get(0).ledger(LedgerStores.LOGISTICS_OFFICER).entries();
    assertThat(entries).extracting(LedgerEntry::sequence).containsExactlyElementsOf(LongStream.rangeClosed(1, 2L * each).boxed().toList());
    assertThat(stores.get(0).ledger(LedgerStores.LOGISTICS_OFFICER).size()).isEqualTo(2L * each);
    assertThat(stores.get(0).audit().verify().ok()).isTrue();
    assertThat(ledgerAudits(stores.get(0))).isEqualTo(2L * each);
  }

  private static long ledgerAudits(Store store) {
    return store.audit().entries(1, Integer.MAX_VALUE).stream().map(AuditEntry::event)
        .filter(event -> event.kind().equals("LEDGER_APPENDED")).count();
  }
}
