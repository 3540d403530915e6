package org.pactbridge.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pactbridge.core.TestWorlds;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;

/** Laws of the release engine, on random small worlds and requests. */
class ReleaseProperties {
  private static final List<PartyCode> PARTIES = List.of(
      PartyCode.of("AAA"), PartyCode.of("BBB"), PartyCode.of("CCC"), PartyCode.of("DDD"), PartyCode.of("EEE"));
  private static final List<String> CODES = List.of("C", "S", "TS");
  private static final List<Topic> TOPICS = List.of(Topic.of("alpha"), Topic.of("beta"));
  private static final Instant BASE = Instant.parse("2000-01-01T00:00:00Z");

  /** One generated agreement: a pair, an interval, a gap-free table up to {@code top}, a scope. */
  record Spec(int a, int b, int from, int until, int top, boolean scoped) {}

  record Case(List<Spec> agreements, Spec extra, int originator, int holder, int recipient, int level, int day,
      List<Integer> relTo, boolean orcon, boolean consent, boolean withTopic) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Integer> party = Arbitraries.integers().between(0, PARTIES.size() - 1);
    Arbitrary<Spec> spec = Combinators.combine(party, party, Arbitraries.integers().between(0, 40), Arbitraries.integers().between(1, 60),
            Arbitraries.integers().between(0, 2), Arbitraries.of(true, false))
        .as((a, b, from, length, top, scoped) -> new Spec(a, b, from, from + length, top, scoped))
        .filter(s -> s.a() != s.b());
    Arbitrary<List<Integer>> relTo = party.list().ofMaxSize(4);
    return Combinators.combine(spec.list().ofMaxSize(8), spec, party, party, party, Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 70), relTo)
        .as((agreements, extra, originator, holder, recipient, level, day, rel) -> new Case(agreements, extra, originator, holder, recipient,
            level, day, rel, false, false, true))
        .flatMap(c -> Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as((orcon, consent, topic) -> new Case(c.agreements(), c.extra(), c.originator(), c.holder(), c.recipient(), c.level(),
                c.day(), c.relTo(), orcon, consent, topic)));
  }

  private static Registry world(List<Spec> specs) {
    Registry.Builder builder = Registry.builder();
    Map<PartyCode, org.pactbridge.core.party.Party> parties = new LinkedHashMap<>();
    for (PartyCode code : PARTIES) {
      parties.put(code, TestWorlds.party(code));
      builder.party(parties.get(code));
    }
    int index = 0;
    for (Spec spec : specs) {
      PartyCode a = PARTIES.get(spec.a());
      PartyCode b = PARTIES.get(spec.b());
      List<Map<PartyCode, List<Level>>> rows = new ArrayList<>();
      for (int i = 0; i <= spec.top(); i++) {
        Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
        row.put(a, List.of(parties.get(a).schemes().get(0).findByCode(CODES.get(i)).orElseThrow()));
        row.put(b, List.of(parties.get(b).schemes().get(0).findByCode(CODES.get(i)).orElseThrow()));
        rows.add(row);
      }
      Scope scope = spec.scoped() ? Scope.of(Set.of(TOPICS.get(0))) : Scope.all();
      Provisions provisions = new InformationProvisions(new GeneralTerms(scope, ThirdPartyRule.ORIGINATOR_CONSENT, false, List.of(), ""),
          new EquivalenceTable(rows, false, List.of(), ""));
      Timeline timeline = Timeline.of(TimelineEvent.of(EventType.IN_FORCE, day(spec.from())), TimelineEvent.of(EventType.TERMINATED, day(spec.until())));
      builder.agreement(new Agreement(AgreementId.of("A" + index++), AgreementKind.INFORMATION, null, List.of(a, b), timeline,
          List.of(new ProvisionVersion(null, "", provisions)), List.of(), ""));
    }
    return builder.build();
  }

  private static Instant day(int day) {
    return BASE.plusSeconds(day * 86_400L);
  }

  private static ReleaseRequest request(Registry world, Case c, int levelIndex, List<Integer> relTo) {
    PartyCode originator = PARTIES.get(c.originator());
    Level level = world.requireParty(originator).schemes().get(0).findByCode(CODES.get(levelIndex)).orElseThrow();
    List<String> entries = relTo.stream().map(i -> PARTIES.get(i).value()).distinct().toList();
    Releasability releasability = relTo.isEmpty() ? Releasability.open() : Releasability.relTo(entries);
    return new ReleaseRequest(Set.of(originator), level, releasability, c.orcon(), c.withTopic() ? Set.of(TOPICS.get(0)) : Set.of(), null,
        PARTIES.get(c.holder()), PARTIES.get(c.recipient()), null, c.consent() ? Set.of(originator) : Set.of(), day(c.day()));
  }

  @Property(tries = 400)
  void addingAnAgreementNeverTurnsAPermitIntoADeny(@ForAll("cases") Case c) {
    Registry before = world(c.agreements());
    List<Spec> more = new ArrayList<>(c.agreements());
    more.add(c.extra());
    Registry after = world(more);
    Outcome was = new ReleaseEngine(before).decide(request(before, c, c.level(), c.relTo()), false).outcome();
    Outcome now = new ReleaseEngine(after).decide(request(after, c, c.level(), c.relTo()), false).outcome();
    if (was == Outcome.PERMIT) {
      assertThat(now).isEqualTo(Outcome.PERMIT);
    }
  }

  @Property(tries = 1000)
  void theCompiledEngineAndTheReferenceEvaluatorAgree(@ForAll("cases") Case c) {
    List<Spec> specs = new ArrayList<>(c.agreements());
    specs.add(c.extra());
    Registry world = world(specs);
    ReleaseEngine engine = new ReleaseEngine(world);
    ReferenceEvaluator reference = new ReferenceEvaluator(world);
    for (int level = 0; level < CODES.size(); level++) {
      Differential.check(engine, reference, request(world, c, level, c.relTo()));
    }
  }

  @Property(tries = 400)
  void raisingTheLevelNeverTurnsADenyIntoAPermit(@ForAll("cases") Case c) {
    // The generated tables cover every level from the lowest up to a top: no gap below a covered level.
    Registry world = world(c.agreements());
    ReleaseEngine engine = new ReleaseEngine(world);
    for (int level = 0; level < CODES.size() - 1; level++) {
      Outcome lower = engine.decide(request(world, c, level, c.relTo()), false).outcome();
      Outcome higher = engine.decide(request(world, c, level + 1, c.relTo()), false).outcome();
      if (lower == Outcome.DENY) {
        assertThat(higher).as("level %s denied but %s permitted", CODES.get(level), CODES.get(level + 1)).isNotEqualTo(Outcome.PERMIT);
      }
    }
  }

  @Property(tries = 400)
  void removingAPartyFromRelToNeverAddsAPermit(@ForAll("cases") Case c) {
    if (c.relTo().isEmpty()) {
      return;
    }
    Registry world = world(c.agreements());
    ReleaseEngine engine = new ReleaseEngine(world);
    Outcome full = engine.decide(request(world, c, c.level(), c.relTo()), false).outcome();
    List<Integer> fewer = new ArrayList<>(c.relTo());
    fewer.remove(0);
    if (fewer.isEmpty()) {
      return; // an empty list would mean "no control", not "releasable to nobody"
    }
    Outcome reduced = engine.decide(request(world, c, c.level(), fewer), false).outcome();
    if (full != Outcome.PERMIT) {
      assertThat(reduced).isNotEqualTo(Outcome.PERMIT);
    }
  }
}
