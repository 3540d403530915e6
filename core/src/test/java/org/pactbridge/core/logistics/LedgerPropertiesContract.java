package org.pactbridge.core.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.core.logistics.LogisticsFixture.ACSA;
import static org.pactbridge.core.logistics.LogisticsFixture.JPN;
import static org.pactbridge.core.logistics.LogisticsFixture.USA;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.ReimbursementMode;

/**
 * Laws of the ledger over random sequences of commands, including ones that are refused, run against
 * every {@link LedgerRepository} (a fresh one per try). The number of tries is the concrete class's
 * {@code @PropertyDefaults}: many in memory, fewer on a database, where each try opens a new store.
 */
public abstract class LedgerPropertiesContract {
  /** A new, empty repository; called once per try. */
  protected abstract LedgerRepository newRepository();

  /** Releases what {@link #newRepository} opened. */
  protected void closeRepositories() {}

  @AfterTry
  protected void closeAfterTry() {
    closeRepositories();
  }

  private static final Instant START = Instant.parse("2001-01-01T00:00:00Z");

  /** One command: what to do, on which earlier entry (as an index), how much, in which currency. */
  public record Command(int kind, int target, long cents, String currency, boolean jpnSupplies) {}

  @Provide
  public Arbitrary<List<Command>> commands() {
    Arbitrary<Command> command = Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 30),
            Arbitraries.longs().between(-500, 1_000_000),
            Arbitraries.of("USD", "JPY", "EUR"),
            Arbitraries.of(true, false))
        .as(Command::new);
    return command.list().ofMaxSize(30);
  }

  private static void apply(Ledger ledger, Command command, int day) {
    Instant at = START.plusSeconds(86_400L * day);
    long size = ledger.entries().size();
    try {
      switch (command.kind()) {
        case 0, 1 -> {
          Transfer transfer = new Transfer(
              ACSA, command.jpnSupplies() ? JPN : USA, command.jpnSupplies() ? USA : JPN, Category.FUEL, null,
              money(command), at);
          if (command.kind() == 0) {
            ledger.provide(transfer);
          } else {
            ledger.receive(transfer);
          }
        }
        case 2, 3 -> ledger.reimburse(
            size == 0 ? 1 : 1 + command.target() % size, ReimbursementMode.values()[command.target() % 3], money(command), at);
        default -> ledger.reverse(size == 0 ? 1 : 1 + command.target() % size, at);
      }
    } catch (InvalidInputException refused) {
      // refused commands are part of the law: they must leave no trace
      assertThat(ledger.entries()).hasSize((int) size);
    }
  }

  private static Money money(Command command) {
    BigDecimal amount = BigDecimal.valueOf(command.cents(), command.currency().equals("JPY") ? 0 : 2);
    return new Money(amount, command.currency());
  }

  @Property
  public void theLedgerAlwaysBalances(@ForAll("commands") List<Command> commands) {
    Ledger ledger = new Ledger(LogisticsFixture.registry(), newRepository());
    for (int i = 0; i < commands.size(); i++) {
      apply(ledger, commands.get(i), i);
      Map<String, BigDecimal> total = new HashMap<>();
      for (LedgerEntry entry : ledger.entries()) {
        BigDecimal sum = entry.postings().stream().map(p -> p.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.signum()).as("entry %d balances", entry.sequence()).isZero();
      }
      for (Balance balance : ledger.balances()) {
        total.merge(balance.currency(), balance.net(), BigDecimal::add);
        assertThat(balance.receivable().signum()).isGreaterThanOrEqualTo(0);
        assertThat(balance.payable().signum()).isLessThanOrEqualTo(0);
      }
      total.values().forEach(sum -> assertThat(sum.signum()).isZero());
      for (Obligation obligation : ledger.obligations(START)) {
        assertThat(obligation.outstanding().isNegative()).isFalse();
      }
    }
  }

  @Property
  public void aReversalRestoresThePreviousBalances(@ForAll("commands") List<Command> commands, @ForAll("commands") List<Command> last) {
    Ledger ledger = new Ledger(LogisticsFixture.registry(), newRepository());
    for (int i = 0; i < commands.size(); i++) {
      apply(ledger, commands.get(i), i);
    }
    for (Command command : last) {
      List<Balance> before = ledger.balances();
      int size = ledger.entries().size();
      apply(ledger, command, commands.size());
      if (ledger.entries().size() == size) {
        continue;
      }
      LedgerEntry added = ledger.entries().get(size);
      if (added.type() == EntryType.REVERSE) {
        continue;
      }
      ledger.reverse(added.sequence(), added.at());
      assertThat(ledger.balances()).isEqualTo(before);
    }
  }
}
