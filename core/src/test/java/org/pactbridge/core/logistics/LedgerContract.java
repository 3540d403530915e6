package org.pactbridge.core.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.core.logistics.LogisticsFixture.ACSA;
import static org.pactbridge.core.logistics.LogisticsFixture.JPN;
import static org.pactbridge.core.logistics.LogisticsFixture.KOR;
import static org.pactbridge.core.logistics.LogisticsFixture.USA;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.ReimbursementMode;

/**
 * The ledger's contract, run against every {@link LedgerRepository}: in memory
 * ({@link InMemoryLedgerTest}) here, H2 and PostgreSQL in the store module.
 */
public abstract class LedgerContract {
  private static final Instant MAY = Instant.parse("2001-05-10T00:00:00Z");
  private LedgerRepository repository;
  private Ledger ledger;

  /** A new, empty repository; called once per test. */
  protected abstract LedgerRepository newRepository();

  /** Releases what {@link #newRepository} opened. */
  protected void closeRepositories() {}

  @BeforeEach
  protected void openLedger() {
    repository = newRepository();
    ledger = new Ledger(LogisticsFixture.registry(), repository);
  }

  @AfterEach
  protected void closeLedger() {
    closeRepositories();
  }

  private static Transfer fuel(String value, String currency) {
    return new Transfer(ACSA, JPN, USA, Category.FUEL, new BigDecimal("100"), Money.of(value, currency), MAY);
  }

  @Test
  public void aTransferCreatesAnObligationThatReimbursementSettles() {
    LedgerEntry provided = ledger.provide(fuel("5000", "USD"));
    assertThat(ledger.balances()).extracting(Balance::party, Balance::net)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(JPN, new BigDecimal("5000.00")), org.assertj.core.groups.Tuple.tuple(USA, new BigDecimal("-5000.00")));
    ledger.reimburse(provided.sequence(), ReimbursementMode.CASH, Money.of("2000", "USD"), MAY.plusSeconds(86400));
    assertThat(ledger.obligations(MAY).get(0).outstanding()).isEqualTo(Money.of("3000", "USD"));
    ledger.reimburse(provided.sequence(), ReimbursementMode.EQUAL_VALUE_EXCHANGE, Money.of("3000", "USD"), MAY.plusSeconds(86400));
    assertThat(ledger.balances()).isEmpty();
    assertThat(ledger.obligations(MAY).get(0).settled()).isTrue();
  }

  @Test
  public void anUnsettledObligationBecomesOverdueAfterTheSettlementPeriod() {
    LedgerEntry provided = ledger.provide(fuel("5000", "USD"));
    Instant due = Instant.parse("2001-08-08T00:00:00Z"); // 90 days after 2001-05-10
    assertThat(ledger.obligations(due).get(0).due()).isEqualTo(due);
    assertThat(ledger.overdue(due)).isEmpty();
    assertThat(ledger.overdue(due.plusSeconds(1))).extracting(o -> o.transfer().sequence()).containsExactly(provided.sequence());
    assertThat(ledger.overdue(due.plusSeconds(1)).get(0).dueAssumed()).isTrue();
  }

  @Test
  public void aReversalRestoresTheBalances() {
    ledger.provide(fuel("5000", "USD"));
    List<Balance> before = ledger.balances();
    LedgerEntry water = ledger.receive(new Transfer(ACSA, JPN, USA, Category.WATER, null, Money.of("700", "USD"), MAY));
    ledger.reverse(water.sequence(), MAY);
    assertThat(ledger.balances()).isEqualTo(before);
    assertThat(ledger.entries()).hasSize(3);
  }

  @Test
  public void badInputLeavesTheLedgerUntouched() {
    LedgerEntry provided = ledger.provide(fuel("5000", "USD"));
    List<LedgerEntry> before = ledger.entries();
    rejects(() -> ledger.reimburse(provided.sequence(), ReimbursementMode.CASH, Money.of("100", "JPY"), MAY), "CURRENCY_MISMATCH",
        "currency mismatch: expected USD, found JPY");
    rejects(() -> ledger.reimburse(provided.sequence(), ReimbursementMode.CASH, Money.of("6000", "USD"), MAY), "OVER_REIMBURSEMENT",
        "reimbursement of 6000.00 USD exceeds the 5000.00 USD outstanding on entry 1");
    rejects(() -> ledger.reimburse(9, ReimbursementMode.CASH, Money.of("1", "USD"), MAY), "UNKNOWN_ENTRY", "no ledger entry 9 (the ledger has 1)");
    rejects(() -> ledger.provide(new Transfer(ACSA, JPN, USA, Category.MEDICAL, null, Money.of("1", "USD"), MAY)), "CATEGORY_NOT_COVERED",
        "TEST-ACSA does not cover medical at 2001-05-10T00:00:00Z");
    rejects(() -> ledger.provide(new Transfer(ACSA, JPN, USA, Category.FUEL, null, Money.of("1", "USD"), Instant.parse("1999-01-01T00:00:00Z"))),
        "AGREEMENT_NOT_IN_FORCE", "TEST-ACSA is not in force at 1999-01-01T00:00:00Z");
    rejects(() -> ledger.provide(new Transfer(ACSA, KOR, USA, Category.FUEL, null, Money.of("1", "USD"), MAY)), "CONTRADICTORY_INPUT",
        "TEST-ACSA is not an agreement between KOR and USA");
    rejects(() -> ledger.provide(new Transfer(AgreementId.of("NOPE"), JPN, USA, Category.FUEL, null, Money.of("1", "USD"), MAY)),
        "UNKNOWN_AGREEMENT", "unknown agreement 'NOPE'");
    rejects(() -> new Transfer(ACSA, JPN, USA, Category.FUEL, new BigDecimal("-5"), Money.of("1", "USD"), MAY), "NEGATIVE_QUANTITY",
        "quantity must not be negative: -5");
    rejects(() -> Money.of("1", "XYZ"), "UNKNOWN_CURRENCY", "unknown currency 'XYZ' (expected an ISO 4217 code such as USD or JPY)");
    rejects(() -> Money.of("1.5", "JPY"), "MALFORMED_AMOUNT", "amount 1.5 has more than 0 decimals for JPY");
    rejects(() -> ledger.reverse(provided.sequence(), Instant.parse("2001-01-01T00:00:00Z")), "BEFORE_REFERENCED_ENTRY",
        "this entry is dated 2001-01-01T00:00:00Z, before entry 1 (2001-05-10T00:00:00Z) it refers to");
    assertThat(ledger.entries()).isEqualTo(before);
  }

  @Test
  public void aTransferWithReimbursementsCannotBeReversedUntilTheyAre() {
    LedgerEntry provided = ledger.provide(fuel("5000", "USD"));
    LedgerEntry paid = ledger.reimburse(provided.sequence(), ReimbursementMode.CASH, Money.of("100", "USD"), MAY);
    rejects(() -> ledger.reverse(provided.sequence(), MAY), "REIMBURSEMENTS_OUTSTANDING", "entry 1 has reimbursements [2]; reverse them first");
    LedgerEntry reversal = ledger.reverse(paid.sequence(), MAY);
    rejects(() -> ledger.reverse(paid.sequence(), MAY), "ALREADY_REVERSED", "entry 2 is already reversed by entry 3");
    rejects(() -> ledger.reverse(reversal.sequence(), MAY), "CANNOT_REVERSE_REVERSAL", "entry 3 is a reversal; record the entry again instead");
    ledger.reverse(provided.sequence(), MAY);
    assertThat(ledger.balances()).isEmpty();
    assertThat(ledger.obligations(MAY)).isEmpty();
  }

  @Test
  public void theRepositoryRefusesAStaleSequence() {
    LedgerEntry entry = ledger.provide(fuel("10", "USD"));
    assertThatThrownBy(() -> repository.append(entry))
        .isInstanceOf(LedgerConflictException.class)
        .hasMessage("ledger append conflict: expected sequence 2, got 1; nothing was written");
    assertThat(repository.entries()).containsExactly(entry);
    assertThat(repository.size()).isEqualTo(1);
  }

  @Test
  public void entriesReadBackEqualToWhatWasAppended() {
    LedgerEntry provided = ledger.provide(new Transfer(ACSA, JPN, USA, Category.FUEL, new BigDecimal("12.500"), Money.of("5000", "USD"), MAY));
    LedgerEntry paid = ledger.reimburse(provided.sequence(), ReimbursementMode.REPLACEMENT_IN_KIND, Money.of("0.01", "USD"), MAY);
    LedgerEntry yen = ledger.receive(new Transfer(ACSA, USA, JPN, Category.TRANSPORTATION, null, Money.of("200000", "JPY"), MAY.plusSeconds(1)));
    LedgerEntry reversal = ledger.reverse(paid.sequence(), MAY.plusSeconds(2));
    assertThat(repository.entries()).containsExactly(provided, paid, yen, reversal);
    assertThat(repository.size()).isEqualTo(4);
    assertThat(newLedgerOver(repository).balances()).isEqualTo(ledger.balances());
  }

  private static Ledger newLedgerOver(LedgerRepository repository) {
    return new Ledger(LogisticsFixture.registry(), repository);
  }

  @Test
  public void aMonthlyStatementPerPartnerInCsvAndJson() {
    LedgerEntry april = ledger.provide(new Transfer(ACSA, JPN, USA, Category.FOOD, null, Money.of("300", "USD"), Instant.parse("2001-04-02T00:00:00Z")));
    LedgerEntry may = ledger.provide(fuel("5000", "USD"));
    ledger.reimburse(may.sequence(), ReimbursementMode.REPLACEMENT_IN_KIND, Money.of("1000", "USD"), Instant.parse("2001-05-20T00:00:00Z"));
    ledger.receive(new Transfer(ACSA, USA, JPN, Category.TRANSPORTATION, null, Money.of("200000", "JPY"), Instant.parse("2001-05-21T00:00:00Z")));
    Statement statement = ledger.statement(JPN, USA, YearMonth.of(2001, 5));
    assertThat(statement.opening()).containsEntry("USD", new BigDecimal("300.00"));
    assertThat(statement.closing()).containsEntry("USD", new BigDecimal("4300.00")).containsEntry("JPY", new BigDecimal("-200000"));
    assertThat(statement.toCsv()).isEqualTo("""
        record,sequence,date,type,agreement,supplier,receiver,category,quantity,mode,refers,currency,amount,balance
        opening,,,,,,,,,,,USD,,300.00
        entry,2,2001-05-10,PROVIDE,TEST-ACSA,JPN,USA,fuel,100,,,USD,5000.00,5300.00
        entry,3,2001-05-20,REIMBURSE,TEST-ACSA,JPN,USA,,,replacement-in-kind,2,USD,-1000.00,4300.00
        entry,4,2001-05-21,RECEIVE,TEST-ACSA,USA,JPN,transportation,,,,JPY,-200000,-200000
        closing,,,,,,,,,,,JPY,,-200000
        closing,,,,,,,,,,,USD,,4300.00
        """);
    Statement july = ledger.statement(JPN, USA, YearMonth.of(2001, 7));
    assertThat(july.overdue()).extracting(o -> o.transfer().sequence()).containsExactly(april.sequence());
    assertThat(july.toJson()).isEqualTo(
        "{\"party\":\"JPN\",\"partner\":\"USA\",\"month\":\"2001-07\",\"opening\":{\"JPY\":-200000,\"USD\":4300.00},\"entries\":[],"
            + "\"closing\":{\"JPY\":-200000,\"USD\":4300.00},\"overdue\":[{\"sequence\":1,\"agreement\":\"TEST-ACSA\",\"debtor\":\"USA\","
            + "\"creditor\":\"JPN\",\"outstanding\":300.00,\"currency\":\"USD\",\"due\":\"2001-07-01T00:00:00Z\",\"dueAssumed\":true}]}");
  }

  private static void rejects(ThrowingCallable call, String code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessage(message);
  }
}
