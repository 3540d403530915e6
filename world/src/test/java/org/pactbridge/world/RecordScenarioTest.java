package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.world.TheRecord.day;
import static org.pactbridge.world.TheRecord.dayAfter;
import static org.pactbridge.world.TheRecord.dayBefore;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Phase;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.label.marking.Diagnostic;
import org.pactbridge.core.label.marking.DiagnosticCode;
import org.pactbridge.core.label.marking.MarkingParser;
import org.pactbridge.core.label.marking.ParsedMarking;
import org.pactbridge.core.logistics.AreaTest;
import org.pactbridge.core.logistics.ExerciseContext;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportReasonCode;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Exercise;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.registry.PartnersAt;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReferenceEvaluator;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * Issue 17: the reference world says what the record says. Each scenario reads its dates from the
 * record (agreements-reference.yaml), so that the world and the record cannot drift apart unnoticed.
 */
class RecordScenarioTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final ReleaseEngine ENGINE = new ReleaseEngine(WORLD);
  private static final ReferenceEvaluator REFERENCE = new ReferenceEvaluator(WORLD);
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode AUS = PartyCode.of("AUS");

  private static Agreement agreement(String id) {
    return WORLD.requireAgreement(AgreementId.of(id));
  }

  private static TimelineEvent event(String id, EventType type) {
    return agreement(id).timeline().events().stream().filter(event -> event.type() == type).findFirst().orElseThrow();
  }

  /** Japan's later ACSAs are in force from the day the record gives, not from their signing; before it they are not relied on. */
  @Test
  void japansLaterAcsasEnterIntoForceOnTheRecordsDayNotOnSigning() {
    for (String id : List.of("JPN-GBR-ACSA", "JPN-FRA-ACSA", "JPN-CAN-ACSA", "JPN-DEU-ACSA")) {
      Agreement acsa = agreement(id);
      String signed = TheRecord.date(id, "signed");
      String effective = TheRecord.date(id, "effective");
      assertThat(acsa.statusAt(day(signed)).phase()).as(id + " on signing").isEqualTo(Phase.SIGNED);
      assertThat(acsa.statusAt(dayBefore(effective)).inForce()).as(id + " the day before entry into force").isFalse();
      assertThat(acsa.statusAt(day(effective)).inForce()).as(id + " on entry into force").isTrue();
      assertThat(acsa.timeline().firstInForce()).as(id).isEqualTo(day(effective));
    }
    // where the record's day is a bound or an expectation (medium or low confidence), the world says assumed
    for (String id : List.of("JPN-GBR-ACSA", "JPN-CAN-ACSA")) {
      assertThat(TheRecord.confidence(id, "effective")).isIn("medium", "low");
      assertThat(agreement(id).statusAt(day(TheRecord.date(id, "effective"))).assumed()).as(id).isTrue();
    }
    for (String id : List.of("JPN-FRA-ACSA", "JPN-DEU-ACSA")) {
      assertThat(agreement(id).statusAt(day(TheRecord.date(id, "effective"))).assumed()).as(id).isFalse();
    }
  }

  /** Australia's 2017 ACSA supersedes the 2010 one on the day it enters into force, not on its signing. */
  @Test
  void australias2017AcsaReplacesThe2010OneOnItsEntryIntoForce() {
    String signed = (String) TheRecord.history("JPN-AUS-ACSA", "Replacement ACSA signed").get("date");
    String inForce = (String) TheRecord.history("JPN-AUS-ACSA", "Replacement ACSA in force").get("date");
    Agreement acsa = agreement("JPN-AUS-ACSA");
    assertThat(acsa.versionAt(day(signed)).label()).isEqualTo("2010 agreement");
    assertThat(acsa.versionAt(dayBefore(inForce)).label()).isEqualTo("2010 agreement");
    assertThat(acsa.versionAt(day(inForce)).label()).isEqualTo("2017 agreement");
    TimelineEvent replacement = event("JPN-AUS-ACSA", EventType.AMENDED);
    assertThat(replacement.at()).isEqualTo(day(inForce));
    assertThat(replacement.assumed()).isFalse();
    assertThat(replacement.sources()).contains("S197");
  }

  /** One pair never has two information (or two logistics) agreements in force at once. */
  @Test
  void noPairHasTwoAgreementsOfOneKindInForceAtOnce() {
    Set<Instant> instants = new TreeSet<>();
    for (Agreement agreement : WORLD.agreements()) {
      instants.addAll(agreement.timeline().transitionInstants());
    }
    List<String> clashes = new ArrayList<>();
    for (Instant at : instants) {
      Map<String, List<String>> inForce = new HashMap<>();
      for (Agreement agreement : WORLD.agreements()) {
        // arrangements (guidelines, TISA, host-nation support) are of different purposes and may overlap
        if (agreement.kind() == AgreementKind.ARRANGEMENT || !agreement.statusAt(at).inForce()) {
          continue;
        }
        List<PartyCode> parties = agreement.parties();
        for (int i = 0; i < parties.size(); i++) {
          for (int j = i + 1; j < parties.size(); j++) {
            String pair = agreement.kind() + " " + new TreeSet<>(List.of(parties.get(i).value(), parties.get(j).value()));
            inForce.computeIfAbsent(pair, key -> new ArrayList<>()).add(agreement.id().value());
          }
        }
      }
      inForce.forEach((pair, ids) -> {
        if (ids.size() > 1) {
          clashes.add(at + " " + pair + " " + ids);
        }
      });
    }
    assertThat(clashes).isEmpty();
  }

  /** An entry into force that the record does not give is assumed, and a decision resting on it says ASSUMED_PROVISION. */
  @Test
  void anInferredEntryIntoForceIsAssumedAndEveryDecisionOnItSaysSo() {
    String signed = ((Map<?, ?>) TheRecord.koreaPartner("NOR", "Arrangement").get("signed")).get("date").toString();
    assertThat(((Map<?, ?>) TheRecord.koreaPartner("NOR", "Arrangement").get("effective")).get("date")).isNull();
    Agreement norway = agreement("KOR-NOR-ARRANGEMENT-2008");
    assertThat(norway.statusAt(day(signed)).inForce()).isTrue();
    assertThat(norway.statusAt(day(signed)).assumed()).isTrue();
    Decision decision = korean("III", PartyCode.of("NOR"), day(signed));
    assertThat(decision.agreements()).containsExactly(norway.id());
    assertThat(decision.reasons()).contains(Reason.assumedProvision(norway.id()));
  }

  /** Dates keep their precision: a day where a source gives it, the month or year otherwise, and a day inferred within one is assumed. */
  @Test
  void datesKeepTheRecordsPrecision() {
    // Japan–NATO: concluded on signature, so in force on the signing day, not at the end of June
    String natoSigned = TheRecord.date("JPN-NATO-ISA-2010", "signed");
    assertThat(TheRecord.date("JPN-NATO-ISA-2010", "effective")).isEqualTo(natoSigned);
    TimelineEvent nato = event("JPN-NATO-ISA-2010", EventType.IN_FORCE);
    assertThat(nato.at()).isEqualTo(day(natoSigned));
    assertThat(nato.precision()).isEqualTo(Precision.DAY);
    assertThat(nato.assumed()).isFalse();
    // Japan–France: in force in a month the record gives; the day is the signing day, an inference
    String franceMonth = TheRecord.date("JPN-FRA-ISA-2011", "effective");
    String franceSigned = TheRecord.date("JPN-FRA-ISA-2011", "signed");
    TimelineEvent france = event("JPN-FRA-ISA-2011", EventType.IN_FORCE);
    assertThat(france.precision()).isEqualTo(Precision.MONTH);
    assertThat(france.at()).isEqualTo(day(franceSigned));
    assertThat(france.assumed()).isTrue();
    assertThat(france.date()).isEqualTo(franceMonth + " (month only)");
    // the ROK–US MLSA: the record gives only the year
    TimelineEvent mlsa = event("ROK-USA-MLSA-1988", EventType.SIGNED);
    assertThat(mlsa.precision()).isEqualTo(Precision.YEAR);
    assertThat(mlsa.date()).isEqualTo(TheRecord.date("ROK-USA-MLSA-1988", "signed") + " (year only)");
  }

  /**
   * Korea–Australia: the 2008 arrangement still carries the exchange when the Australian parliament
   * reports; the 2009 agreement is signed and not in force then, and its status is unknown after.
   */
  @Test
  void koreaAustraliaReliesOnTheArrangementAndSaysTheAgreementsStatusIsUnknown() {
    String announced = TheRecord.inNotes("KOR-AUS-GSOMIA-2009", "announced on (\\d{4}-\\d{2}-\\d{2})");
    String lastKnown = TheRecord.inNotes("KOR-AUS-GSOMIA-2009", "not in force on (\\d{4}-\\d{2}-\\d{2})");
    String signed2009 = TheRecord.date("KOR-AUS-GSOMIA-2009", "signed");
    AgreementId arrangement = AgreementId.of("KOR-AUS-ARRANGEMENT-2008");
    AgreementId agreement2009 = AgreementId.of("KOR-AUS-GSOMIA-2009");

    TimelineEvent inForce = event(arrangement.value(), EventType.IN_FORCE);
    assertThat(inForce.precision()).isEqualTo(Precision.MONTH);
    assertThat(inForce.assumed()).isTrue();
    assertThat(inForce.date()).isEqualTo(announced.substring(0, 7) + " (month only)");
    assertThat(WORLD.requireAgreement(arrangement).statusAt(day(announced)).inForce()).isTrue();

    Agreement later = WORLD.requireAgreement(agreement2009);
    assertThat(later.statusAt(day(signed2009)).phase()).isEqualTo(Phase.SIGNED);
    assertThat(later.statusAt(day(lastKnown)).phase()).isEqualTo(Phase.SIGNED);
    assertThat(later.statusAt(dayAfter(lastKnown)).phase()).isEqualTo(Phase.UNKNOWN);
    assertThat(later.statusAt(dayAfter(lastKnown)).display()).isEqualTo("STATUS_UNKNOWN");

    Decision onTheDay = korean("II", AUS, day(lastKnown));
    assertThat(onTheDay.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(onTheDay.agreements()).containsExactly(arrangement);
    assertThat(codes(onTheDay)).doesNotContain(ReasonCode.STATUS_UNKNOWN);

    Decision after = korean("II", AUS, dayAfter(lastKnown));
    assertThat(after.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(after.agreements()).containsExactly(arrangement);
    assertThat(after.reasons()).contains(Reason.statusUnknown(agreement2009, KOR, AUS), Reason.assumedProvision(arrangement));
    assertThat(after.reasons().get(after.reasons().size() - 1).message()).contains("KOR-AUS-GSOMIA-2009").contains("unknown");
    // and years later, too: nothing the record says ends the arrangement
    Decision later2020 = korean("II", AUS, day(lastKnown).plus(3650, ChronoUnit.DAYS));
    assertThat(later2020.agreements()).containsExactly(arrangement);
    assertThat(codes(later2020)).contains(ReasonCode.STATUS_UNKNOWN);
  }

  /** Korea–France 2000: concluded for five years (S157); the term's end and an assumed renewal are modelled. */
  @Test
  void koreaFranceRunsForItsFiveYearTermAndIsRenewedAssumed() {
    Map<String, Object> entry = TheRecord.koreaPartner("FRA", "classified military information");
    String signed = ((Map<?, ?>) entry.get("signed")).get("date").toString();
    assertThat(entry.get("note").toString()).contains("concluded for five years");
    Instant termEnds = day(signed).atZone(java.time.ZoneOffset.UTC).plusYears(5).toInstant();
    Agreement france = agreement("KOR-FRA-GSOMIA-2000");
    TimelineEvent expiry = event("KOR-FRA-GSOMIA-2000", EventType.EXPIRED);
    assertThat(expiry.at()).isEqualTo(termEnds);
    assertThat(expiry.assumed()).isTrue();
    assertThat(france.statusAt(termEnds.minusSeconds(1)).inForce()).isTrue();
    assertThat(france.statusAt(termEnds).inForce()).isTrue();
    assertThat(france.statusAt(termEnds).assumed()).isTrue();
  }

  /** The US–Japan GSOMIA's 2011 exchange of notes rests on one low-confidence source: the world marks it assumed. */
  @Test
  void theLowConfidenceGsomiaAmendmentIsAssumed() {
    Map<String, Object> entry = TheRecord.history("USA-JPN-GSOMIA-2007", "TIAS 11-118.1");
    assertThat(entry.get("confidence")).isEqualTo("low");
    TimelineEvent amended = agreement("USA-JPN-GSOMIA-2007").timeline().events().stream()
        .filter(event -> event.type() == EventType.AMENDED && event.at().equals(day(entry.get("date").toString()))).findFirst().orElseThrow();
    assertThat(amended.assumed()).isTrue();
  }

  /** STATUS_UNKNOWN is given alike by the compiled engine and the reference evaluator. */
  @Test
  void bothEnginesNameTheUnknownAgreement() {
    Instant after = dayAfter(TheRecord.inNotes("KOR-AUS-GSOMIA-2009", "not in force on (\\d{4}-\\d{2}-\\d{2})"));
    for (String level : List.of("II", "III", "I")) {
      Level itemLevel = WORLD.requireParty(KOR).findLevel(level, after).orElseThrow();
      ReleaseRequest request = ReleaseRequest.simple(itemLevel, AUS, Set.of(), after);
      assertThat(ENGINE.decide(request).reasons()).as(level).isEqualTo(REFERENCE.decide(request, false).reasons());
      assertThat(codes(ENGINE.decide(request))).as(level).contains(ReasonCode.STATUS_UNKNOWN);
    }
  }

  /**
   * The record's dated counts of Korea's partners are facts of the world, with their sources; the
   * partners named at a date are only those of agreements in force, never invented to match a count.
   */
  @Test
  void theRecordsCountsStandBesideTheNamedPartners() {
    List<Map<String, Object>> recorded = new ArrayList<>(TheRecord.list("counts", "korea_gsomia_partners"));
    recorded.addAll(TheRecord.list("korea_counts_additions", "korea_gsomia_partners"));
    int dated = 0;
    for (Map<String, Object> count : recorded) {
      String asOf = count.get("as_of").toString();
      if (!asOf.matches("\\d{4}(-\\d{2}){0,2}")) {
        continue; // "undated (after 2016)": it cannot be placed in time
      }
      dated++;
      Instant at = DateSpec.parse(asOf).earliest();
      assertThat(WORLD.partnerCounts()).as(asOf).anySatisfy(world -> {
        assertThat(world.party()).isEqualTo(KOR);
        assertThat(world.asOf()).isEqualTo(at);
        assertThat(world.count()).isEqualTo(count.get("count").toString());
        assertThat(world.sources()).isEqualTo(count.get("sources"));
      });
    }
    assertThat(WORLD.partnerCounts().stream().filter(count -> count.party().equals(KOR))).hasSize(dated);

    // January 2011: the record's 21 countries (S31) beside the partners the world names
    Map<String, Object> january2011 = recorded.stream().filter(count -> count.get("as_of").toString().startsWith("2011-01")).findFirst().orElseThrow();
    Instant after = dayAfter(january2011.get("as_of").toString());
    PartnersAt partners = PartnersAt.of(WORLD, KOR, after, AgreementKind.INFORMATION);
    assertThat(partners.counts().get(0).count()).isEqualTo(january2011.get("count").toString());
    assertThat(partners.counts().get(0).sources()).isEqualTo(january2011.get("sources"));
    assertThat(partners.named().size()).isLessThan(Integer.parseInt(january2011.get("count").toString()));
    partners.named().forEach((partner, agreements) -> assertThat(agreements).allSatisfy(agreement -> {
      assertThat(agreement.parties()).contains(KOR, partner);
      assertThat(agreement.statusAt(after).inForce()).isTrue();
    }));
  }

  /**
   * Japan's scheme through time: 防衛秘密 from the SDF Act amendment's entry into force (November 2002)
   * until 特定秘密 took it in (2014-12-10); the combined marking 特定秘密(極秘) is the designation over
   * the grade, read as the grade, and 防衛秘密(機密) likewise before 2014-12-10.
   */
  @Test
  void japansSchemeFollowsTheRecordsDates() {
    Party japan = WORLD.requireParty(PartyCode.of("JPN"));
    String tokuteiInForce = TheRecord.nationSystem("JPN", "Specially Designated Secrets").get("dates").toString()
        .replaceAll(".*in_force=([0-9-]+).*", "$1");
    String boeiInForce = TheRecord.nationSystem("JPN", "Defense Secret").toString().replaceAll(".*\\(in force (\\w+) (\\d{4})\\).*", "$2-$1");
    assertThat(boeiInForce).isEqualTo("2002-November");
    Instant boeiFrom = day("2002-11-01");
    assertThat(japan.findLevel("防衛秘密", boeiFrom.minusSeconds(1))).isEmpty();
    assertThat(japan.findLevel("防衛秘密", boeiFrom)).isPresent();
    assertThat(japan.findLevel("防衛秘密", dayBefore(tokuteiInForce))).isPresent();
    assertThat(japan.findLevel("防衛秘密", day(tokuteiInForce))).isEmpty();
    assertThat(japan.findLevel("特定秘密", dayBefore(tokuteiInForce))).isEmpty();
    assertThat(japan.findLevel("特定秘密", day(tokuteiInForce))).isPresent();

    MarkingParser parser = MarkingParser.of(WORLD);
    ParsedMarking combined = parser.parse("特定秘密(極秘)", day(tokuteiInForce));
    assertThat(combined.label().level().qualified()).isEqualTo("JPN:GOKUHI");
    assertThat(combined.warnings()).extracting(Diagnostic::code).contains(DiagnosticCode.DESIGNATION_OVER_GRADE.code());
    assertThat(parser.parse("特定秘密(機密)", day(tokuteiInForce)).label().level().qualified()).isEqualTo("JPN:KIMITSU");
    assertThat(parser.read("特定秘密(極秘)", dayBefore(tokuteiInForce)).hasErrors()).isTrue();
    assertThat(parser.parse("防衛秘密(機密)", dayBefore(tokuteiInForce)).label().level().qualified()).isEqualTo("JPN:KIMITSU");
    assertThat(parser.read("防衛秘密(機密)", day(tokuteiInForce)).hasErrors()).isTrue();
    // a 防衛秘密 item of 2010 can go to the United States under the 2007 GSOMIA's (assumed) table
    Level boei = japan.findLevel("防衛秘密", day("2010-01-01")).orElseThrow();
    Decision toUs = ENGINE.decide(ReleaseRequest.simple(boei, PartyCode.of("USA"), Set.of(), day("2010-01-01")));
    assertThat(toUs.outcome()).isEqualTo(Outcome.PERMIT);
    assertThat(toUs.recipientLevel().orElseThrow().qualified()).isEqualTo("USA:SECRET");
    assertThat(codes(toUs)).contains(ReasonCode.ASSUMED_PROVISION);
  }

  /**
   * The record's exercises are facts of the world with their dates, precision and confidence; an
   * edition named as a support request's context must fit the request, and changes nothing else.
   */
  @Test
  void exercisesAreFactsWithTheRecordsDatesAndFrameSupportRequests() {
    @SuppressWarnings("unchecked")
    Map<String, Object> sarex = ((List<Map<String, Object>>) TheRecord.section("exercises")).stream()
        .filter(entry -> "ROK-JPN-SAREX".equals(entry.get("id"))).findFirst().orElseThrow();
    Exercise world = WORLD.findExercise("ROK-JPN-SAREX").orElseThrow();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> events = (List<Map<String, Object>>) sarex.get("events");
    for (Map<String, Object> event : events) {
      if (event.get("edition") == null) {
        continue;
      }
      int number = (Integer) event.get("edition");
      String[] dates = event.get("date").toString().split("/");
      ExerciseEdition edition = world.edition(number).orElseThrow();
      assertThat(edition.from()).as("edition %d", number).isEqualTo(DateSpec.parse(dates[0]).earliest());
      assertThat(edition.until()).as("edition %d", number).isEqualTo(DateSpec.parse(dates[dates.length - 1]).latest().plusSeconds(86_400));
      assertThat(edition.sources()).as("edition %d", number).isEqualTo(event.get("sources"));
      assertThat(edition.assumed()).as("edition %d", number).isEqualTo(event.containsKey("confidence") || dates[0].length() < 10);
    }
    ExerciseEdition fifth = world.edition(5).orElseThrow();
    assertThat(fifth.dates()).isEqualTo(events.stream().filter(event -> Integer.valueOf(5).equals(event.get("edition"))).findFirst()
        .orElseThrow().get("date").toString().replace("/", " to "));
    assertThat(world.edition(1).orElseThrow().dates()).endsWith("(month only)");

    SupportEngine engine = new SupportEngine(WORLD, AreaTest.none());
    Instant during = fifth.from().plusSeconds(2 * 86_400);
    SupportRequest request = new SupportRequest(KOR, PartyCode.of("JPN"), null, Category.FUEL, Activity.EXERCISE, null, null, null, during);
    ExerciseContext context = ExerciseContext.resolve(WORLD, "ROK-JPN-SAREX:5", Activity.EXERCISE, during);
    assertThat(context.describe()).startsWith("ROK-JPN-SAREX edition 5, " + fifth.dates());
    assertThat(engine.decide(request).codes()).containsExactly(SupportReasonCode.NO_AGREEMENT_IN_FORCE);
    assertThatThrownBy(() -> ExerciseContext.resolve(WORLD, "ROK-JPN-SAREX:5", Activity.TRAINING, during))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("exercise");
    assertThatThrownBy(() -> ExerciseContext.resolve(WORLD, "ROK-JPN-SAREX:5", Activity.EXERCISE, fifth.until()))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> ExerciseContext.resolve(WORLD, "ROK-JPN-SAREX:5", Activity.EXERCISE, fifth.from().minusSeconds(1)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("outside");
    assertThatThrownBy(() -> ExerciseContext.resolve(WORLD, "ROK-JPN-SAREX:4", Activity.EXERCISE, during))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("no edition 4");
    assertThatThrownBy(() -> ExerciseContext.resolve(WORLD, "NO-SUCH:1", Activity.EXERCISE, during))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown exercise");
  }

  private static Decision korean(String level, PartyCode recipient, Instant at) {
    Level itemLevel = WORLD.requireParty(KOR).findLevel(level, at).orElseThrow();
    return ENGINE.decide(ReleaseRequest.simple(itemLevel, recipient, Set.of(), at));
  }

  private static List<ReasonCode> codes(Decision decision) {
    return decision.reasons().stream().map(Reason::code).toList();
  }
}
