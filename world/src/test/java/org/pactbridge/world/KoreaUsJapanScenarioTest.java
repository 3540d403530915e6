package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;

/**
 * The Korea–US–Japan story on the reference world, one numbered block per date: a Korean Class II
 * item on North Korean missiles, and what Korea (or the US holding a copy) may do with it.
 */
class KoreaUsJapanScenarioTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final ReleaseEngine ENGINE = new ReleaseEngine(WORLD);
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final PartyCode JPN = PartyCode.of("JPN");
  private static final Set<Topic> MISSILE = Set.of(Topic.of("dprk-missile"));

  private static Decision koreanItemToJapan(String level, String date) {
    Instant at = DateSpec.parseInstant(date);
    Level itemLevel = WORLD.requireParty(KOR).findLevel(level, at).orElseThrow();
    return ENGINE.decide(ReleaseRequest.simple(itemLevel, JPN, MISSILE, at));
  }

  private static List<ReasonCode> codes(Decision decision) {
    return decision.reasons().stream().map(Reason::code).toList();
  }

  private static List<String> levels(Route route) {
    return route.hops().stream().map(Hop::level).map(Level::qualified).toList();
  }

  @Test
  void story() {
    // 1. 2011-01-05: Korea and Japan have no pact; the only way is through the United States, ad hoc.
    Decision y2011 = koreanItemToJapan("II", "2011-01-05");
    assertThat(y2011.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(y2011)).containsExactly(ReasonCode.NO_AGREEMENT_IN_FORCE);
    assertThat(y2011.recipientLevel()).isEmpty();
    assertThat(y2011.routes()).hasSize(1);
    Route viaUs2011 = y2011.routes().get(0);
    assertThat(viaUs2011.parties()).containsExactly(KOR, USA, JPN);
    assertThat(viaUs2011.sanctionedBy()).isNull();
    assertThat(viaUs2011.consents()).containsExactly(KOR);
    assertThat(levels(viaUs2011)).containsExactly("USA:SECRET", "JPN:GOKUHI");
    assertThat(viaUs2011.hops()).extracting(Hop::agreement).extracting(Object::toString)
        .containsExactly("ROK-USA-GSOMIA-1987", "USA-JPN-GSOMIA-2007");
    assertThat(viaUs2011.hops()).allMatch(Hop::assumed);

    // 2. 2015-06-01: the trilateral arrangement sanctions the chain through its hub; other chains are ad hoc.
    Decision y2015 = koreanItemToJapan("II", "2015-06-01");
    assertThat(y2015.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(y2015)).containsExactly(ReasonCode.NO_AGREEMENT_IN_FORCE);
    assertThat(y2015.routes().get(0).parties()).containsExactly(KOR, USA, JPN);
    assertThat(y2015.routes().get(0).sanctionedBy()).hasToString("TISA-2014");
    assertThat(y2015.routes()).extracting(Route::parties).contains(List.of(KOR, PartyCode.of("AUS"), JPN));
    assertThat(y2015.routes().subList(1, y2015.routes().size())).noneMatch(Route::sanctioned);

    // 2b. The US holding a copy may pass it to Japan once Korea consents.
    Instant mid2015 = DateSpec.parseInstant("2015-06-01");
    Level two = WORLD.requireParty(KOR).findLevel("II", mid2015).orElseThrow();
    ReleaseRequest held = ReleaseRequest.simple(two, JPN, MISSILE, mid2015).withHolder(USA);
    Decision waiting = ENGINE.decide(held);
    assertThat(waiting.outcome()).isEqualTo(Outcome.CONSENT_REQUIRED);
    assertThat(codes(waiting)).contains(ReasonCode.THIRD_PARTY_CONSENT_REQUIRED, ReasonCode.ASSUMED_PROVISION);
    assertThat(waiting.recipientLevel()).map(Level::qualified).contains("JPN:GOKUHI");
    Decision consented = ENGINE.decide(held.withConsents(Set.of(KOR)));
    assertThat(consented.outcome()).isEqualTo(Outcome.PERMIT);

    // 3. 2016-11-22: the day before signature, still no direct pact.
    Decision eve = koreanItemToJapan("II", "2016-11-22");
    assertThat(eve.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(eve)).containsExactly(ReasonCode.NO_AGREEMENT_IN_FORCE);
    assertThat(eve.routes().get(0).sanctionedBy()).hasToString("TISA-2014");

    // 4. 2017-01-05: the ROK-Japan GSOMIA is in force; Class II goes directly as 極秘.
    Decision y2017 = koreanItemToJapan("II", "2017-01-05");
    assertThat(y2017.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(y2017.recipientLevel()).map(Level::qualified).contains("JPN:GOKUHI");
    assertThat(y2017.agreements()).extracting(Object::toString).containsExactly("ROK-JPN-GSOMIA-2016");
    assertThat(codes(y2017)).containsExactly(ReasonCode.AGREEMENT_IN_FORCE);
    assertThat(y2017.routes()).isEmpty();

    // 4b. Class I is outside the ROK-Japan table; the relay through the US remains.
    Decision classOne = koreanItemToJapan("I", "2017-01-05");
    assertThat(classOne.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(classOne)).containsExactly(ReasonCode.LEVEL_NOT_COVERED);
    assertThat(classOne.routes().get(0).sanctionedBy()).hasToString("TISA-2014");
    assertThat(levels(classOne.routes().get(0))).containsExactly("USA:TOP_SECRET", "JPN:KIMITSU");

    // 5. 2019-09-01: Korea's termination notice is running; the release is still lawful, with a caution.
    Decision y2019 = koreanItemToJapan("II", "2019-09-01");
    assertThat(y2019.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(codes(y2019)).containsExactly(ReasonCode.AGREEMENT_IN_FORCE, ReasonCode.TERMINATION_PENDING);

    // 6. 2019-12-01: the notice was suspended six hours before it would have taken effect.
    Decision december = koreanItemToJapan("II", "2019-12-01");
    assertThat(december.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(codes(december)).containsExactly(ReasonCode.AGREEMENT_IN_FORCE);

    // 7. 2023-06-01: normalised.
    Decision y2023 = koreanItemToJapan("II", "2023-06-01");
    assertThat(y2023.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(y2023.recipientLevel()).map(Level::qualified).contains("JPN:GOKUHI");
  }

  @Test
  void hadTheNoticeNotBeenSuspendedThePactWouldHaveEndedAtMidnightSeoulTime() {
    var gsomia = WORLD.requireAgreement(org.pactbridge.core.agreement.AgreementId.of("ROK-JPN-GSOMIA-2016"));
    List<org.pactbridge.core.agreement.TimelineEvent> withoutSuspension = gsomia.timeline().events().stream()
        .filter(event -> event.type() != org.pactbridge.core.agreement.EventType.NOTICE_SUSPENDED).toList();
    var timeline = new org.pactbridge.core.agreement.Timeline(withoutSuspension);
    assertThat(timeline.statusAt(DateSpec.parseInstant("2019-11-22T23:59+09:00")).inForce()).isTrue();
    assertThat(timeline.statusAt(DateSpec.parseInstant("2019-11-23T00:00+09:00")).inForce()).isFalse();
  }
}
