package org.pactbridge.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.core.logistics.SupportReasonCode.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.EntryType;
import org.pactbridge.core.logistics.InMemoryLedgerRepository;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.logistics.Statement;
import org.pactbridge.core.logistics.SupportDecision;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.world.WorldLoader;

/** Logistics stories on the reference world and the shipped shapes. */
class LogisticsScenarioTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final SupportEngine ENGINE = new SupportEngine(WORLD, KoreaAreas.shipped());
  private static final PartyCode JPN = PartyCode.of("JPN");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final AgreementId ACSA = AgreementId.of("USA-JPN-ACSA");
  private static final Location YOKOSUKA = new Location(35.28, 139.67);
  private static final Location OFF_BUSAN = new Location(35.05, 129.10);
  private static final Location SEA_OF_JAPAN = new Location(37.0, 133.0);

  private static SupportDecision check(PartyCode supplier, PartyCode receiver, Category category, Activity activity, Location location, String at) {
    return ENGINE.decide(new SupportRequest(supplier, receiver, null, category, activity, location, null, null, DateSpec.parseInstant(at)));
  }

  /**
   * A US–Japan exercise in June 2018: Japan provides fuel, water and transportation to US forces, the
   * US provides fuel back; each is allowed under the 2016 ACSA, recorded, and settled in each of the
   * three modes, after which nothing is owed.
   */
  @Test
  void aUsJapanExerciseSettledInEachMode() {
    Ledger ledger = new Ledger(WORLD, new InMemoryLedgerRepository());
    Instant june = DateSpec.parseInstant("2018-06-04");

    // 1. each request is checked first
    for (Category category : new Category[] {Category.FUEL, Category.WATER, Category.TRANSPORTATION}) {
      SupportDecision decision = check(JPN, USA, category, Activity.EXERCISE, YOKOSUKA, "2018-06-04");
      assertThat(decision.allowed()).as(category.slug()).isTrue();
      assertThat(decision.agreements()).containsExactly(ACSA);
      assertThat(decision.codes()).containsExactly(AGREEMENT_IN_FORCE, ASSUMED_PROVISION);
    }
    assertThat(check(USA, JPN, Category.FUEL, Activity.EXERCISE, YOKOSUKA, "2018-06-04").codes()).containsExactly(AGREEMENT_IN_FORCE);

    // 2. what was handed over is recorded, by the supplier or by the receiver
    LedgerEntry fuel = ledger.provide(new Transfer(ACSA, JPN, USA, Category.FUEL, new BigDecimal("20000"), Money.of("15000000", "JPY"), june));
    LedgerEntry water = ledger.provide(new Transfer(ACSA, JPN, USA, Category.WATER, new BigDecimal("50000"), Money.of("400000", "JPY"), june));
    LedgerEntry transport = ledger.receive(new Transfer(ACSA, JPN, USA, Category.TRANSPORTATION, null, Money.of("2500000", "JPY"), june));
    LedgerEntry usFuel = ledger.provide(new Transfer(ACSA, USA, JPN, Category.FUEL, new BigDecimal("3000"), Money.of("12000.00", "USD"), june));
    assertThat(ledger.balances())
        .extracting(balance -> balance.party() + " " + balance.currency() + " " + balance.net())
        .containsExactly("JPN JPY 17900000", "JPN USD -12000.00", "USA JPY -17900000", "USA USD 12000.00");

    // 3. the US settles in cash, by replacement in kind and by equal-value exchange; Japan in cash
    Instant july = DateSpec.parseInstant("2018-07-02");
    ledger.reimburse(fuel.sequence(), ReimbursementMode.CASH, Money.of("15000000", "JPY"), july);
    ledger.reimburse(water.sequence(), ReimbursementMode.REPLACEMENT_IN_KIND, Money.of("400000", "JPY"), july);
    ledger.reimburse(transport.sequence(), ReimbursementMode.EQUAL_VALUE_EXCHANGE, Money.of("2500000", "JPY"), july);
    ledger.reimburse(usFuel.sequence(), ReimbursementMode.CASH, Money.of("12000.00", "USD"), july);

    // 4. nothing is owed, nothing is overdue, and the June statement shows the four transfers
    assertThat(ledger.balances()).isEmpty();
    assertThat(ledger.overdue(DateSpec.parseInstant("2019-01-01"))).isEmpty();
    Statement statement = ledger.statement(JPN, USA, YearMonth.of(2018, 6));
    assertThat(statement.entries()).extracting(LedgerEntry::type)
        .containsExactly(EntryType.PROVIDE, EntryType.PROVIDE, EntryType.RECEIVE, EntryType.PROVIDE);
    assertThat(statement.closing()).containsEntry("JPY", new BigDecimal("17900000")).containsEntry("USD", new BigDecimal("-12000.00"));
    assertThat(ledger.statement(JPN, USA, YearMonth.of(2018, 7)).closing()).containsEntry("JPY", BigDecimal.ZERO).containsEntry("USD", new BigDecimal("0.00"));
  }

  /** Unsettled support becomes overdue after the (modelled) settlement period. */
  @Test
  void anUnsettledObligationIsReportedOverdue() {
    Ledger ledger = new Ledger(WORLD, new InMemoryLedgerRepository());
    LedgerEntry fuel = ledger.provide(new Transfer(ACSA, JPN, USA, Category.FUEL, null, Money.of("1000000", "JPY"), DateSpec.parseInstant("2018-06-04")));
    assertThat(ledger.overdue(DateSpec.parseInstant("2018-09-01"))).isEmpty();
    assertThat(ledger.overdue(DateSpec.parseInstant("2018-09-03")))
        .singleElement()
        .satisfies(obligation -> {
          assertThat(obligation.transfer()).isEqualTo(fuel);
          assertThat(obligation.due()).isEqualTo(DateSpec.parseInstant("2018-09-02"));
          assertThat(obligation.dueAssumed()).isTrue();
        });
  }

  /** The 5th ROK–JPN SAREX, June 2007, off Jeju: Korea and Japan never concluded an ACSA. */
  @Test
  void theRokJpnSarexOfJune2007IsRefused() {
    SupportDecision decision = check(JPN, KOR, Category.FUEL, Activity.EXERCISE, new Location(33.9, 127.3), "2007-06-19");
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(decision.reasons().get(0).message()).isEqualTo("no logistics agreement between JPN and KOR is in force");
    SupportDecision named = ENGINE.decide(new SupportRequest(
        KOR, JPN, AgreementId.of("ROK-JPN-ACSA"), Category.WATER, Activity.EXERCISE, null, null, null, DateSpec.parseInstant("2011-06-01")));
    assertThat(named.reasons().get(0).message()).isEqualTo("ROK-JPN-ACSA is not in force (not yet in force)");
  }

  @Test
  void theVersionInForceDecides() {
    // signed 1996-04-15, in force only from 1996-10-22
    assertThat(check(JPN, USA, Category.FOOD, Activity.EXERCISE, YOKOSUKA, "1996-06-01").codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(check(JPN, USA, Category.FOOD, Activity.EXERCISE, YOKOSUKA, "1996-11-01").allowed()).isTrue();
    // the 1996 text: no ammunition at all
    assertThat(check(JPN, USA, Category.AMMUNITION, Activity.EXERCISE, YOKOSUKA, "1997-01-01").codes()).contains(CATEGORY_EXCLUDED);
    // surrounding situations only once the 1998 amendment is in force (1999-09, read as 1999-09-30)
    assertThat(check(JPN, USA, Category.FUEL, Activity.SURROUNDING_SITUATION, SEA_OF_JAPAN, "1999-06-01").codes()).contains(ACTIVITY_NOT_COVERED);
    assertThat(check(JPN, USA, Category.FUEL, Activity.SURROUNDING_SITUATION, SEA_OF_JAPAN, "1999-10-01").allowed()).isTrue();
    // 2004: ammunition in armed-attack situations only
    assertThat(check(JPN, USA, Category.AMMUNITION, Activity.ARMED_ATTACK, YOKOSUKA, "2005-01-01").allowed()).isTrue();
    SupportDecision exercise2005 = check(JPN, USA, Category.AMMUNITION, Activity.EXERCISE, YOKOSUKA, "2005-01-01");
    assertThat(exercise2005.codes()).contains(CATEGORY_EXCLUDED);
    assertThat(exercise2005.reasons().get(0).message()).isEqualTo("USA-JPN-ACSA allows ammunition only in armed-attack, not in exercise");
    // 2017: also in the situations the new agreement added
    assertThat(check(JPN, USA, Category.AMMUNITION, Activity.IMPORTANT_INFLUENCE, YOKOSUKA, "2018-01-01").allowed()).isTrue();
    assertThat(check(JPN, USA, Category.AMMUNITION, Activity.IMPORTANT_INFLUENCE, YOKOSUKA, "2016-12-01").codes())
        .contains(CATEGORY_EXCLUDED, ACTIVITY_NOT_COVERED);
    // weapons never
    assertThat(check(JPN, USA, Category.WEAPONS, Activity.ARMED_ATTACK, YOKOSUKA, "2018-01-01").codes()).contains(CATEGORY_EXCLUDED);
  }

  @Test
  void japaneseForcesSupportingUsForcesStayOutsideKoreaAndItsTerritorialSea() {
    SupportDecision offBusan = check(JPN, USA, Category.FUEL, Activity.SURROUNDING_SITUATION, OFF_BUSAN, "2000-01-01");
    assertThat(offBusan.allowed()).isFalse();
    assertThat(offBusan.codes()).containsExactly(AGREEMENT_IN_FORCE, AREA_RESTRICTED, ASSUMED_PROVISION);
    assertThat(offBusan.reasons().get(1).message())
        .isEqualTo("USA-JPN-ACSA: JPN forces must stay outside rok-territorial-sea when supporting USA; 35.05,129.1 lies in it");
    SupportDecision seoul = check(JPN, USA, Category.FUEL, Activity.SURROUNDING_SITUATION, new Location(37.5665, 126.978), "2000-01-01");
    assertThat(seoul.reasons().get(1).message()).contains("must stay outside korean-peninsula");
    // the restriction dates from the 1997 Guidelines: under the 1996 text, before 1997-09-23, it did not apply
    assertThat(check(JPN, USA, Category.FUEL, Activity.EXERCISE, OFF_BUSAN, "1997-09-22").allowed()).isTrue();
    assertThat(check(JPN, USA, Category.FUEL, Activity.EXERCISE, OFF_BUSAN, "1997-09-23").allowed()).isFalse();
    // outside the territorial sea, and for US forces supplying Japan's, nothing is restricted
    assertThat(check(JPN, USA, Category.FUEL, Activity.SURROUNDING_SITUATION, new Location(34.75, 129.25), "2000-01-01").allowed()).isTrue();
    assertThat(check(USA, JPN, Category.FUEL, Activity.SURROUNDING_SITUATION, OFF_BUSAN, "2000-01-01").allowed()).isTrue();
  }

  @Test
  void theRokUsMlsaAddedWaterIn2004() {
    assertThat(check(KOR, USA, Category.WATER, Activity.EXERCISE, null, "2003-01-01").codes()).containsExactly(CATEGORY_NOT_COVERED, ASSUMED_PROVISION);
    SupportDecision after = check(KOR, USA, Category.WATER, Activity.EXERCISE, null, "2005-01-01");
    assertThat(after.allowed()).isTrue();
    assertThat(after.agreements()).containsExactly(AgreementId.of("ROK-USA-MLSA-1988"));
    assertThat(after.codes()).containsExactly(AGREEMENT_IN_FORCE, ASSUMED_PROVISION);
  }

  @Test
  void japansOtherAcsasEnterIntoForceAtTheirEntryIntoForceDates() {
    PartyCode aus = PartyCode.of("AUS");
    assertThat(check(JPN, aus, Category.FOOD, Activity.EXERCISE, null, "2012-06-01").codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(check(JPN, aus, Category.FOOD, Activity.EXERCISE, null, "2013-02-01").allowed()).isTrue();
    assertThat(check(JPN, aus, Category.AMMUNITION, Activity.EXERCISE, null, "2013-02-01").codes()).contains(CATEGORY_EXCLUDED);
    PartyCode ita = PartyCode.of("ITA");
    assertThat(check(JPN, ita, Category.FOOD, Activity.EXERCISE, null, "2025-01-01").codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(check(JPN, ita, Category.AMMUNITION, Activity.EXERCISE, null, "2025-10-01").allowed()).isTrue();
  }
}
