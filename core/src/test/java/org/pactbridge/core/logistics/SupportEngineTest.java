package org.pactbridge.core.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.core.logistics.LogisticsFixture.ACSA;
import static org.pactbridge.core.logistics.LogisticsFixture.JPN;
import static org.pactbridge.core.logistics.LogisticsFixture.KOR;
import static org.pactbridge.core.logistics.LogisticsFixture.USA;
import static org.pactbridge.core.logistics.SupportReasonCode.*;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;

class SupportEngineTest {
  private final SupportEngine engine = new SupportEngine(LogisticsFixture.registry(), LogisticsFixture.box());
  private static final Instant AT = Instant.parse("2001-06-01T00:00:00Z");
  private static final Location OUTSIDE_BOX = new Location(35.0, 140.0);
  private static final Location INSIDE_BOX = new Location(35.0, 125.0);

  private SupportDecision decide(Category category, Activity activity, Location location) {
    return engine.decide(new SupportRequest(JPN, USA, null, category, activity, location, null, null, AT));
  }

  @Test
  void fuelForAnExerciseOutsideTheRestrictedZoneIsAllowedAndSaysTheRestrictionIsAssumed() {
    SupportDecision decision = decide(Category.FUEL, Activity.EXERCISE, OUTSIDE_BOX);
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.agreements()).containsExactly(ACSA);
    assertThat(decision.codes()).containsExactly(AGREEMENT_IN_FORCE, ASSUMED_PROVISION);
    assertThat(decision.reasons().get(1).message()).contains("an area restriction");
  }

  @Test
  void weaponsAreAlwaysExcluded() {
    SupportDecision decision = decide(Category.WEAPONS, Activity.ARMED_ATTACK, OUTSIDE_BOX);
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.codes()).contains(CATEGORY_EXCLUDED);
    assertThat(decision.reasons().get(0).message()).isEqualTo("TEST-ACSA excludes weapons");
  }

  @Test
  void ammunitionOnlyInTheActivitiesItsConditionNames() {
    assertThat(decide(Category.AMMUNITION, Activity.ARMED_ATTACK, OUTSIDE_BOX).allowed()).isTrue();
    SupportDecision exercise = decide(Category.AMMUNITION, Activity.EXERCISE, OUTSIDE_BOX);
    assertThat(exercise.codes()).containsExactly(CATEGORY_EXCLUDED, ASSUMED_PROVISION);
    assertThat(exercise.reasons().get(0).message()).isEqualTo("TEST-ACSA allows ammunition only in armed-attack, not in exercise");
  }

  @Test
  void everyFailingRuleIsReported() {
    SupportDecision decision = decide(Category.MEDICAL, Activity.PEACEKEEPING, INSIDE_BOX);
    assertThat(decision.codes()).containsExactly(CATEGORY_NOT_COVERED, ACTIVITY_NOT_COVERED, AREA_RESTRICTED, ASSUMED_PROVISION);
    assertThat(decision.reasons().get(2).message())
        .isEqualTo("TEST-ACSA: JPN forces must stay outside box when supporting USA; 35.0,125.0 lies in it");
  }

  @Test
  void withoutALocationTheAreaIsReportedUnchecked() {
    SupportDecision decision = decide(Category.WATER, Activity.TRAINING, null);
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.codes()).contains(AREA_NOT_CHECKED);
  }

  @Test
  void theRestrictionBindsOnlyTheSupplierItNames() {
    SupportDecision decision = engine.decide(new SupportRequest(USA, JPN, null, Category.FUEL, Activity.EXERCISE, INSIDE_BOX, null, null, AT));
    assertThat(decision.allowed()).isTrue();
    assertThat(decision.codes()).containsExactly(AGREEMENT_IN_FORCE);
  }

  @Test
  void noAgreementBetweenKoreaAndJapan() {
    SupportDecision decision = engine.decide(new SupportRequest(KOR, JPN, null, Category.FUEL, Activity.EXERCISE, null, null, null, AT));
    assertThat(decision.allowed()).isFalse();
    assertThat(decision.agreements()).isEmpty();
    assertThat(decision.codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(decision.reasons().get(0).message()).isEqualTo("no logistics agreement between KOR and JPN is in force");
  }

  @Test
  void beforeEntryIntoForceTheNamedAgreementIsNotInForce() {
    SupportDecision decision = engine.decide(new SupportRequest(
        JPN, USA, ACSA, Category.FUEL, Activity.EXERCISE, null, null, null, Instant.parse("1999-12-31T23:59:59Z")));
    assertThat(decision.codes()).containsExactly(NO_AGREEMENT_IN_FORCE);
    assertThat(decision.reasons().get(0).message()).isEqualTo("TEST-ACSA is not in force (not yet in force)");
  }

  @Test
  void badInputIsAnErrorNamingTheToken() {
    assertThatThrownBy(() -> Category.parse("lasers"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("unknown category 'lasers' (known: food, water,");
    assertThatThrownBy(() -> Activity.parse("invasion")).hasMessageStartingWith("unknown activity 'invasion'");
    assertThatThrownBy(() -> Location.parse("91,10")).hasMessage("latitude 91.0 is out of range (-90 to 90 degrees)");
    assertThatThrownBy(() -> Location.parse("35,181")).hasMessage("longitude 181.0 is out of range (-180 to 180 degrees)");
    assertThatThrownBy(() -> Location.parse("35;129")).hasMessageStartingWith("malformed location '35;129'");
    assertThatThrownBy(() -> new SupportRequest(JPN, USA, null, Category.FUEL, Activity.EXERCISE, null, new BigDecimal("-1"), null, AT))
        .hasMessage("quantity must not be negative: -1");
    assertThatThrownBy(() -> engine.decide(new SupportRequest(JPN, USA, AgreementId.of("NOPE"), Category.FUEL, Activity.EXERCISE, null, null, null, AT)))
        .hasMessage("unknown agreement 'NOPE'");
  }
}
