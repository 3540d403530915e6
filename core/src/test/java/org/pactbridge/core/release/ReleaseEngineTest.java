package org.pactbridge.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.core.TestWorlds.AUS;
import static org.pactbridge.core.TestWorlds.JPN;
import static org.pactbridge.core.TestWorlds.KOR;
import static org.pactbridge.core.TestWorlds.MISSILE;
import static org.pactbridge.core.TestWorlds.USA;
import static org.pactbridge.core.TestWorlds.day;
import static org.pactbridge.core.TestWorlds.level;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.TestWorlds;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;

class ReleaseEngineTest {
  private final Registry world = TestWorlds.trilateral();
  private final ReleaseEngine engine = new ReleaseEngine(world);

  private ReleaseRequest korean(String code, PartyCode to, String date) {
    return ReleaseRequest.simple(level(world, KOR, code), to, Set.of(MISSILE), day(date));
  }

  private static List<ReasonCode> codes(Decision decision) {
    return decision.reasons().stream().map(Reason::code).toList();
  }

  @Test
  void rule1TheRecipientIsTheOriginator() {
    Decision decision = engine.decide(korean("S", JPN, "2011-01-05").withHolder(USA).withRecipient(KOR));
    assertThat(decision).isInstanceOf(Decision.Permit.class);
    assertThat(codes(decision)).containsExactly(ReasonCode.ORIGINATOR);
    assertThat(decision.recipientLevel()).contains(level(world, KOR, "S"));
  }

  @Test
  void rule2UnclassifiedNeedsNoAgreementButKeepsItsReleasability() {
    Level unclassified = world.requireParty(KOR).schemes().get(0).findLevel("U").orElseThrow();
    Decision open = engine.decide(ReleaseRequest.simple(unclassified, JPN, Set.of(), day("2011-01-05")));
    assertThat(open.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(codes(open)).containsExactly(ReasonCode.UNCLASSIFIED);
    Decision restricted = engine.decide(ReleaseRequest.simple(unclassified, JPN, Set.of(), day("2011-01-05"))
        .withReleasability(Releasability.relTo(List.of("USA"))));
    assertThat(restricted.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(restricted)).containsExactly(ReasonCode.UNCLASSIFIED, ReasonCode.NOT_RELEASABLE_TO);
  }

  @Test
  void rule2DeclassifiedAtTheInstant() {
    ReleaseRequest base = korean("S", JPN, "2011-01-05");
    ReleaseRequest declassified = new ReleaseRequest(base.originators(), base.level(), base.releasability(), false, base.topics(),
        day("2010-01-01"), KOR, JPN, null, Set.of(), day("2011-01-05"));
    assertThat(engine.decide(declassified).outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(engine.decide(declassified.at(day("2009-12-31"))).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void rule3NofornAndRelTo() {
    Decision noforn = engine.decide(korean("S", USA, "2017-01-05").withReleasability(Releasability.noforn()));
    assertThat(noforn.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(noforn)).contains(ReasonCode.NOFORN);
    assertThat(noforn.routes()).isEmpty();
    Decision notListed = engine.decide(korean("S", JPN, "2017-01-05").withReleasability(Releasability.relTo(List.of("USA"))));
    assertThat(codes(notListed)).contains(ReasonCode.NOT_RELEASABLE_TO);
    Decision community = engine.decide(korean("S", USA, "2017-01-05").withReleasability(Releasability.relTo(List.of("FVEY"))));
    assertThat(community.outcome()).isEqualTo(Outcome.PERMIT);
  }

  @Test
  void rule4NoAgreementLevelAndScopeAreAllReported() {
    Decision before = engine.decide(korean("S", JPN, "2011-01-05"));
    assertThat(before.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(before)).containsExactly(ReasonCode.NO_AGREEMENT_IN_FORCE);

    Decision tooHigh = engine.decide(korean("TS", JPN, "2017-01-05"));
    assertThat(codes(tooHigh)).containsExactly(ReasonCode.LEVEL_NOT_COVERED);

    Registry scoped = TestWorlds.world().parties(KOR, JPN)
        .information("K-J", KOR, JPN, "2016-01-01", null, Scope.of(Set.of(Topic.of("maritime"))), "C").build();
    Decision both = new ReleaseEngine(scoped).decide(ReleaseRequest.simple(level(scoped, KOR, "S"), JPN, Set.of(MISSILE), day("2017-01-05")));
    assertThat(codes(both)).containsExactly(ReasonCode.TOPIC_OUT_OF_SCOPE, ReasonCode.LEVEL_NOT_COVERED);
  }

  @Test
  void rule4TranslatesTheLevel() {
    Decision decision = engine.decide(korean("S", JPN, "2017-01-05"));
    assertThat(decision.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(decision.recipientLevel()).contains(level(world, JPN, "S"));
    assertThat(decision.agreements()).extracting(Object::toString).containsExactly("KOR-JPN");
  }

  @Test
  void rule5AHolderThatIsNotTheOriginatorNeedsConsent() {
    ReleaseRequest relay = korean("S", JPN, "2015-06-01").withHolder(USA);
    Decision decision = engine.decide(relay);
    assertThat(decision).isInstanceOf(Decision.ConsentRequired.class);
    assertThat(codes(decision)).contains(ReasonCode.THIRD_PARTY_CONSENT_REQUIRED);
    assertThat(((Decision.ConsentRequired) decision).needed()).containsExactly(new ConsentNeed(KOR, USA, JPN, false));
    assertThat(decision.agreements()).extracting(Object::toString).containsExactly("KOR-USA", "USA-JPN");

    Decision consented = engine.decide(relay.withConsents(Set.of(KOR)));
    assertThat(consented.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(codes(consented)).contains(ReasonCode.CONSENT_RECORDED);
  }

  @Test
  void rule5OrconNeedsItsOwnConsent() {
    ReleaseRequest base = korean("S", JPN, "2015-06-01").withHolder(USA);
    ReleaseRequest orcon = new ReleaseRequest(base.originators(), base.level(), base.releasability(), true, base.topics(), null,
        USA, JPN, null, Set.of(), base.at());
    assertThat(codes(engine.decide(orcon))).contains(ReasonCode.ORCON_CONSENT_REQUIRED);
    ReleaseRequest byOriginator = new ReleaseRequest(base.originators(), base.level(), base.releasability(), true, base.topics(), null,
        KOR, USA, null, Set.of(), base.at());
    assertThat(engine.decide(byOriginator).outcome()).isEqualTo(Outcome.PERMIT);
  }

  @Test
  void rule6TheRecipientUser() {
    UserContext cleared = new UserContext("u1", JPN, level(world, JPN, "TS"), Set.of(MISSILE));
    assertThat(engine.decide(korean("S", JPN, "2017-01-05").withUser(cleared)).outcome()).isEqualTo(Outcome.PERMIT);

    UserContext wrong = new UserContext("u2", AUS, level(world, AUS, "TS"), Set.of());
    Decision decision = engine.decide(korean("S", JPN, "2017-01-05").withUser(wrong));
    assertThat(codes(decision)).contains(ReasonCode.USER_NATIONALITY, ReasonCode.USER_CLEARANCE, ReasonCode.USER_NEED_TO_KNOW);

    UserContext low = new UserContext("u3", JPN, level(world, JPN, "C"), Set.of(MISSILE));
    assertThat(codes(engine.decide(korean("S", JPN, "2017-01-05").withUser(low)))).containsExactly(
        ReasonCode.AGREEMENT_IN_FORCE, ReasonCode.USER_CLEARANCE);
  }

  @Test
  void everyFailingRuleIsReported() {
    ReleaseRequest request = korean("TS", JPN, "2015-06-01").withHolder(USA)
        .withReleasability(Releasability.relTo(List.of("USA")))
        .withUser(new UserContext("u", AUS, level(world, AUS, "C"), Set.of()));
    Decision decision = engine.decide(request);
    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(codes(decision)).contains(ReasonCode.NOT_RELEASABLE_TO, ReasonCode.THIRD_PARTY_CONSENT_REQUIRED,
        ReasonCode.USER_NATIONALITY, ReasonCode.USER_NEED_TO_KNOW);
  }

  @Test
  void aDenyOfTheDirectHopCarriesTheRoutes() {
    Decision decision = engine.decide(korean("S", JPN, "2015-06-01"));
    assertThat(decision.routes()).hasSize(1);
    assertThat(decision.routes().get(0).parties()).containsExactly(KOR, USA, JPN);
    assertThat(decision.routes().get(0).sanctionedBy()).hasToString("TRI");
    assertThat(decision.routes().get(0).consents()).containsExactly(KOR);
  }
}
