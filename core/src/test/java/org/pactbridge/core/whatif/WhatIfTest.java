package org.pactbridge.core.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.core.TestWorlds.JPN;
import static org.pactbridge.core.TestWorlds.KOR;
import static org.pactbridge.core.TestWorlds.USA;
import static org.pactbridge.core.TestWorlds.day;
import static org.pactbridge.core.TestWorlds.level;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.TestWorlds;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;

class WhatIfTest {
  private final Registry world = TestWorlds.trilateral();
  private final List<org.pactbridge.core.party.PartyCode> parties = List.of(KOR, JPN, USA);

  @Test
  void nothingHypotheticalChangesNothing() {
    WhatIfResult result = new WhatIf(world).compare(new Hypothesis(Map.of(), List.of()), day("2017-01-05"), Set.of(), parties, List.of());
    assertThat(result.changesNothing()).isTrue();
  }

  @Test
  void terminatingTheKoreaJapanPactRemovesItsDirectCellsAndChangesTheDecision() {
    Probe probe = new Probe("kor-s-to-jpn", ReleaseRequest.simple(level(world, KOR, "S"), JPN, Set.of(), day("2020-01-01")));
    Hypothesis terminate = new Hypothesis(Map.of(AgreementId.of("KOR-JPN"), List.of(TimelineEvent.of(EventType.TERMINATED, day("2019-11-23")))),
        List.of());

    WhatIfResult result = new WhatIf(world).compare(terminate, day("2020-01-01"), Set.of(), parties, List.of(probe));

    // the direct cells of the pair change; relays that went through the pair (KOR -> JPN -> USA) go too
    assertThat(result.cells()).filteredOn(change -> !change.before().direct().equals(change.after().direct()))
        .extracting(change -> change.before().from() + ">" + change.before().to())
        .containsExactlyInAnyOrder("KOR>JPN", "JPN>KOR");
    assertThat(result.cells()).filteredOn(change -> change.before().from().equals(KOR) && change.before().to().equals(USA))
        .singleElement().satisfies(change -> assertThat(change.after().relay()).isEmpty());
    CellChange korJpn = result.cells().stream().filter(change -> change.before().from().equals(KOR)).findFirst().orElseThrow();
    assertThat(korJpn.before().direct()).contains(level(world, KOR, "S"));
    assertThat(korJpn.after().direct()).isEmpty();
    assertThat(result.decisions()).singleElement().satisfies(change -> {
      assertThat(change.probe().id()).isEqualTo("kor-s-to-jpn");
      assertThat(change.before().outcome()).isEqualTo(Outcome.PERMIT);
      assertThat(change.after().outcome()).isEqualTo(Outcome.DENY);
    });
  }

  @Test
  void aPactSignedEarlierOpensTheDirectCellIn2011() {
    Agreement early = new Agreement(AgreementId.of("KOR-JPN-2011"), AgreementKind.INFORMATION, null, List.of(KOR, JPN),
        Timeline.of(TimelineEvent.of(EventType.IN_FORCE, day("2011-01-01"))), world.requireAgreement(AgreementId.of("KOR-JPN")).versions(),
        List.of(), "");

    WhatIfResult result = new WhatIf(world).compare(new Hypothesis(Map.of(), List.of(early)), day("2011-01-05"), Set.of(), parties, List.of());

    CellChange korJpn = result.cells().stream().filter(change -> change.before().from().equals(KOR) && change.before().to().equals(JPN))
        .findFirst().orElseThrow();
    assertThat(korJpn.before().direct()).isEmpty();
    assertThat(korJpn.after().direct()).contains(level(world, KOR, "S"));
    assertThat(korJpn.after().directAgreement()).contains(AgreementId.of("KOR-JPN-2011"));
  }

  @Test
  void eventsOnAnUnknownAgreementAndDuplicateAgreementsAreBadInput() {
    Hypothesis unknown = new Hypothesis(Map.of(AgreementId.of("NOPE"), List.of(TimelineEvent.of(EventType.TERMINATED, day("2019-11-23")))), List.of());
    assertThatThrownBy(() -> unknown.applyTo(world)).isInstanceOf(InvalidInputException.class).hasMessageContaining("NOPE");
    Agreement again = world.requireAgreement(AgreementId.of("KOR-JPN"));
    assertThatThrownBy(() -> new Hypothesis(Map.of(), List.of(again)).applyTo(world))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("DUPLICATE_AGREEMENT"));
  }

  @Test
  void theBaseSnapshotIsLeftAlone() {
    Hypothesis terminate = new Hypothesis(Map.of(AgreementId.of("KOR-JPN"), List.of(TimelineEvent.of(EventType.TERMINATED, day("2019-11-23")))),
        List.of());
    new WhatIf(world).compare(terminate, day("2020-01-01"), Set.of(), parties, List.of());
    assertThat(world.requireAgreement(AgreementId.of("KOR-JPN")).statusAt(day("2020-01-01")).inForce()).isTrue();
  }
}
