package org.pactbridge.core.logistics;

import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * A small world for the core's logistics tests: JPN, USA and KOR; TEST-ACSA between JPN and USA in
 * force from 2000-01-01 (ammunition only in armed-attack situations, Japanese forces supporting US
 * forces kept outside the zone "box"); nothing between KOR and JPN. The real reference world is
 * tested in the geo module.
 */
final class LogisticsFixture {
  static final PartyCode JPN = PartyCode.of("JPN");
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode KOR = PartyCode.of("KOR");
  static final AgreementId ACSA = AgreementId.of("TEST-ACSA");
  static final Instant IN_FORCE = Instant.parse("2000-01-01T00:00:00Z");

  private LogisticsFixture() {}

  static Registry registry() {
    LogisticsTerms terms = LogisticsTerms.builder()
        .categories(EnumSet.of(Category.FOOD, Category.WATER, Category.FUEL, Category.TRANSPORTATION))
        .onlyIn(Category.AMMUNITION, Set.of(Activity.ARMED_ATTACK), false)
        .activities(EnumSet.of(Activity.EXERCISE, Activity.TRAINING, Activity.ARMED_ATTACK))
        .areaRestriction(new AreaRestriction(JPN, USA, AreaRestriction.Rule.OUTSIDE, List.of("box"), null, true, List.of(), "test"))
        .reimbursementModes(EnumSet.allOf(ReimbursementMode.class))
        .settlementPeriod(Period.ofDays(90), true)
        .build();
    Provisions provisions = new LogisticsProvisions(GeneralTerms.DEFAULT, terms);
    Agreement acsa = new Agreement(
        ACSA, AgreementKind.LOGISTICS, "test ACSA", List.of(JPN, USA),
        Timeline.of(TimelineEvent.of(EventType.SIGNED, IN_FORCE), TimelineEvent.of(EventType.IN_FORCE, IN_FORCE)),
        List.of(new ProvisionVersion(IN_FORCE, "test", provisions)), List.of(), "");
    return Registry.builder().party(party(JPN)).party(party(USA)).party(party(KOR)).agreement(acsa).build();
  }

  private static Party party(PartyCode code) {
    return new Party(code, code.value(), Party.Kind.NATION, List.of(new ClassificationScheme(code, null, "test", List.of())), false, List.of());
  }

  /** The zone "box": latitude 30 to 40, longitude 120 to 130. */
  static AreaTest box() {
    return new AreaTest() {
      @Override
      public Set<String> zones() {
        return Set.of("box");
      }

      @Override
      public boolean contains(String zone, Location location) {
        return location.latitude() >= 30 && location.latitude() <= 40 && location.longitude() >= 120 && location.longitude() <= 130;
      }
    };
  }
}
