package org.pactbridge.core.release.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pactbridge.core.TestWorlds;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
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
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;

/**
 * The compiled hop check (segments merged from timelines and amendments, scopes as topic masks,
 * results made in advance) agrees with rule 4 evaluated naively on the agreements themselves: on random
 * worlds with several agreements per pair, trilateral agreements, amendments, suspensions and notices,
 * topic universes under and over one 64-bit word, and instants on, just before and just after every
 * boundary.
 */
class HopCheckProperties {
  private static final List<PartyCode> PARTIES = List.of(PartyCode.of("AAA"), PartyCode.of("BBB"), PartyCode.of("CCC"), PartyCode.of("DDD"));
  private static final List<String> CODES = List.of("C", "S", "TS");
  private static final Instant BASE = Instant.parse("2000-01-01T00:00:00Z");

  /** One agreement: its parties, two provision versions (the second from {@code amendedOn}), a timeline. */
  record Spec(List<Integer> parties, int from, int amendedOn, int eventDay, int eventKind, int top1, int top2, List<Integer> scope1,
      List<Integer> scope2, boolean unrestricted2) {}

  record Case(List<Spec> agreements, int topicCount, int from, int to, int level, List<Integer> topics, int day, int nanos) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<List<Integer>> parties = Arbitraries.integers().between(0, PARTIES.size() - 1).set().ofMinSize(2).ofMaxSize(3)
        .map(ArrayList::new);
    Arbitrary<Integer> dayArb = Arbitraries.integers().between(0, 60);
    Arbitrary<List<Integer>> scope = Arbitraries.integers().between(0, 79).list().ofMaxSize(4);
    Arbitrary<Spec> spec = Combinators.combine(parties, dayArb, dayArb, dayArb, Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2), scope)
        .as((p, from, amended, event, kind, top1, top2, s1) -> new Spec(p, from, amended, event, kind, top1, top2, s1, s1, false))
        .flatMap(s -> Combinators.combine(scope, Arbitraries.of(true, false))
            .as((s2, all) -> new Spec(s.parties(), s.from(), s.amendedOn(), s.eventDay(), s.eventKind(), s.top1(), s.top2(), s.scope1(), s2, all)));
    Arbitrary<Integer> party = Arbitraries.integers().between(0, PARTIES.size() - 1);
    return Combinators.combine(spec.list().ofMinSize(1).ofMaxSize(8), Arbitraries.of(3, 80), party, party, Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 79).list().ofMaxSize(3), dayArb, Arbitraries.of(0, 1, 999_999_999))
        .as(Case::new)
        .filter(c -> c.from() != c.to());
  }

  @Property(tries = 600)
  void theCompiledCheckAgreesWithTheNaiveRule(@ForAll("cases") Case c, @ForAll @IntRange(min = -1, max = 1) int shift) {
    Registry world = world(c);
    HopCheck hops = new HopCheck(world);
    PartyCode from = PARTIES.get(c.from());
    PartyCode to = PARTIES.get(c.to());
    Level level = world.requireParty(from).schemes().get(0).findByCode(CODES.get(c.level())).orElseThrow();
    Set<Topic> topics = new LinkedHashSet<>();
    for (int t : c.topics()) {
      topics.add(topic(t % c.topicCount()));
    }
    // on a day boundary, or a second either side of it, with or without nanoseconds
    Instant at = day(c.day()).plusSeconds(shift).plusNanos(c.nanos());

    HopResult compiled = hops.check(from, level, to, topics, at);
    HopResult naive = naive(world, from, level, to, topics, at);

    assertThat(compiled.failure()).isEqualTo(naive.failure());
    assertThat(compiled.agreement()).isSameAs(naive.agreement());
    assertThat(compiled.level()).isEqualTo(naive.level());
    assertThat(compiled.scopeFails()).isEqualTo(naive.scopeFails());
    assertThat(compiled.levelFails()).isEqualTo(naive.levelFails());
    assertThat(compiled.assumed()).isEqualTo(naive.assumed());
    assertThat(compiled.terminationTakesEffect()).isEqualTo(naive.terminationTakesEffect());
    assertThat(compiled.provisions()).isEqualTo(naive.provisions());
    assertThat(compiled.reasons()).isEqualTo(naive.reasons());
    assertThat(compiled.ids()).isEqualTo(naive.ids());
    assertThat(compiled.sources()).isEqualTo(naive.sources());
    assertThat(compiled.hop()).isEqualTo(naive.hop());
    // a level equal to the registry's but another instance gets the same answer
    Level copy = new Level(level.party(), level.code(), level.rank(), level.nativeName(), level.englishName(), level.aliases());
    assertThat(hops.check(from, copy, to, topics, at)).isEqualTo(compiled);
  }

  /** Rule 4 as the design states it, straight from the agreements: the first lawful candidate, else why the first in force fails. */
  private static HopResult naive(Registry world, PartyCode from, Level level, PartyCode to, Set<Topic> topics, Instant at) {
    Agreement[] candidates = world.between(from, to, AgreementKind.INFORMATION);
    for (Agreement agreement : candidates) {
      AgreementStatus status = agreement.statusAt(at);
      InformationProvisions provisions = agreement.provisionsAt(at, InformationProvisions.class);
      Level translated = provisions.equivalence().map(table -> table.translateOrNull(level, to)).orElse(null);
      if (status.inForce() && provisions.scope().covers(topics) && translated != null) {
        boolean assumed = status.assumed() || provisions.anyAssumed();
        List<Reason> reasons = new ArrayList<>();
        reasons.add(Reason.agreementInForce(agreement.id(), from, to, level));
        if (assumed) {
          reasons.add(Reason.assumedProvision(agreement.id()));
        }
        if (status.terminationTakesEffect() != null) {
          reasons.add(Reason.terminationPending(agreement.id(), status.terminationTakesEffect()));
        }
        return new HopResult(null, false, false, agreement, translated, assumed,
            status.terminationTakesEffect(), provisions, agreement.id(), provisions.thirdPartyRule(), reasons, List.of(agreement.id()),
            sources(agreement, provisions), new Hop(from, to, agreement.id(), translated, assumed, sources(agreement, provisions)));
      }
    }
    for (Agreement agreement : candidates) {
      if (agreement.statusAt(at).inForce()) {
        InformationProvisions provisions = agreement.provisionsAt(at, InformationProvisions.class);
        boolean scopeFails = !provisions.scope().covers(topics);
        boolean levelFails = provisions.equivalence().map(table -> table.translateOrNull(level, to)).orElse(null) == null;
        return new HopResult(scopeFails ? ReasonCode.TOPIC_OUT_OF_SCOPE : ReasonCode.LEVEL_NOT_COVERED, scopeFails, levelFails, agreement,
            null, false, null, provisions, agreement.id(), provisions.thirdPartyRule(), List.of(), List.of(agreement.id()),
            sources(agreement, provisions), null);
      }
    }
    return new HopResult(ReasonCode.NO_AGREEMENT_IN_FORCE, false, false, null, null, false, null, null, null, null, List.of(), List.of(), List.of(),
        null);
  }

  private static List<String> sources(Agreement agreement, InformationProvisions provisions) {
    List<String> tableSources = provisions.equivalence().map(EquivalenceTable::sources).orElse(List.of());
    return tableSources.isEmpty() ? agreement.sources() : tableSources;
  }

  private static Registry world(Case c) {
    Registry.Builder builder = Registry.builder();
    Map<PartyCode, Party> parties = new LinkedHashMap<>();
    for (PartyCode code : PARTIES) {
      parties.put(code, TestWorlds.party(code));
      builder.party(parties.get(code));
    }
    int index = 0;
    for (Spec spec : c.agreements()) {
      List<PartyCode> members = spec.parties().stream().map(PARTIES::get).toList();
      Provisions first = provisions(parties, members, spec.top1(), scope(spec.scope1(), false, c.topicCount()), index % 3 == 0);
      Provisions second = provisions(parties, members, spec.top2(), scope(spec.scope2(), spec.unrestricted2(), c.topicCount()), false);
      List<TimelineEvent> events = new ArrayList<>();
      events.add(TimelineEvent.of(EventType.IN_FORCE, day(spec.from())));
      Instant event = day(spec.from() + 1 + spec.eventDay());
      switch (spec.eventKind()) {
        case 0 -> events.add(TimelineEvent.of(EventType.TERMINATED, event));
        case 1 -> events.add(TimelineEvent.notice(event, event.plusSeconds(20 * 86_400L)));
        case 2 -> {
          events.add(TimelineEvent.of(EventType.SUSPENDED, event));
          events.add(TimelineEvent.of(EventType.RESUMED, event.plusSeconds(5 * 86_400L + 1)));
        }
        case 3 -> {
          events.add(TimelineEvent.notice(event, event.plusSeconds(10 * 86_400L)));
          events.add(TimelineEvent.of(EventType.NOTICE_WITHDRAWN, event.plusSeconds(3 * 86_400L)));
        }
        default -> {
          // open-ended
        }
      }
      builder.agreement(new Agreement(AgreementId.of("A" + index++), AgreementKind.INFORMATION, null, members, new Timeline(events),
          List.of(new ProvisionVersion(null, "", first), new ProvisionVersion(day(spec.amendedOn()), "amended", second)), List.of(), ""));
    }
    if (c.topicCount() > 64) {
      // signed, never in force: its scope names every topic, so the masks take more than one word
      Set<Topic> all = new LinkedHashSet<>();
      for (int t = 0; t < c.topicCount(); t++) {
        all.add(topic(t));
      }
      List<PartyCode> pair = List.of(PARTIES.get(0), PARTIES.get(1));
      builder.agreement(new Agreement(AgreementId.of("WIDE"), AgreementKind.INFORMATION, null, pair,
          Timeline.of(TimelineEvent.of(EventType.SIGNED, day(0))),
          List.of(new ProvisionVersion(null, "", provisions(parties, pair, 2, Scope.of(all), false))), List.of(), ""));
    }
    return builder.build();
  }

  private static Provisions provisions(Map<PartyCode, Party> parties, List<PartyCode> members, int top, Scope scope, boolean assumed) {
    List<Map<PartyCode, List<Level>>> rows = new ArrayList<>();
    for (int i = 0; i <= top; i++) {
      Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
      for (int m = 0; m < members.size(); m++) {
        // the last member lacks the top row: a gap that some directions hit and others do not
        if (!(top > 0 && i == top && m == members.size() - 1)) {
          row.put(members.get(m), List.of(parties.get(members.get(m)).schemes().get(0).findByCode(CODES.get(i)).orElseThrow()));
        }
      }
      rows.add(row);
    }
    return new InformationProvisions(new GeneralTerms(scope, ThirdPartyRule.ORIGINATOR_CONSENT, assumed, List.of(), ""),
        new EquivalenceTable(rows, false, List.of(), ""));
  }

  private static Scope scope(List<Integer> topics, boolean unrestricted, int topicCount) {
    if (unrestricted || topics.isEmpty()) {
      return Scope.all();
    }
    Set<Topic> set = new LinkedHashSet<>();
    for (int t : topics) {
      set.add(topic(t % topicCount));
    }
    return Scope.of(set);
  }

  private static Topic topic(int index) {
    return Topic.of("topic-" + index);
  }

  private static Instant day(int day) {
    return BASE.plusSeconds(day * 86_400L);
  }
}
