package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The reference world against the research record it is derived from, the project's copy in
 * {@code world/src/main/reference/} (see its PROVENANCE.md).
 */
class ReferenceWorldTest {
  private static final Registry WORLD = WorldLoader.reference();
  /** The record, relative to this module's folder (the tests' working directory). */
  static final Path RECORD = Path.of("src", "main", "reference", "agreements-reference.yaml");
  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  private static Agreement agreement(String id) {
    return WORLD.requireAgreement(AgreementId.of(id));
  }

  @Test
  void everyInformationAgreementAndArrangementOfTheRecordIsPresent() throws Exception {
    Map<String, Object> record = record();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> agreements = (List<Map<String, Object>>) record.get("agreements");
    Set<String> expected = agreements.stream()
        .filter(entry -> Set.of("GSOMIA", "GSOIA", "arrangement").contains(String.valueOf(entry.get("kind"))))
        .map(entry -> String.valueOf(entry.get("id")))
        .collect(Collectors.toSet());
    assertThat(expected).contains("ROK-JPN-GSOMIA-2016", "TISA-2014", "JPN-NATO-ISA-2010");
    for (String id : expected) {
      assertThat(WORLD.findAgreement(AgreementId.of(id))).as(id).isPresent();
    }
  }

  @Test
  void everyDatedKoreanPartnerIsAnAgreementAndTheUndatedOnesAreKnownPartners() {
    long koreanInformation = WORLD.agreements().stream()
        .filter(agreement -> agreement.kind() == AgreementKind.INFORMATION && agreement.hasParty(PartyCode.of("KOR")))
        .count();
    assertThat(koreanInformation).isGreaterThanOrEqualTo(17);
    assertThat(WORLD.knownPartnersWithoutDates()).anyMatch(partner -> partner.startsWith("POL"));
    assertThat(WORLD.knownPartnersWithoutDates()).anyMatch(partner -> partner.startsWith("NATO"));
  }

  @Test
  void theKoreaJapanTableIsArticleFour() {
    EquivalenceTable table = agreement("ROK-JPN-GSOMIA-2016").provisionsAt(NOW, InformationProvisions.class).equivalence().orElseThrow();
    assertThat(table.assumed()).isFalse();
    assertThat(table.sources()).contains("S02", "S03");
    Party korea = WORLD.requireParty(PartyCode.of("KOR"));
    Party japan = WORLD.requireParty(PartyCode.of("JPN"));
    Level two = korea.findLevel("II", NOW).orElseThrow();
    assertThat(table.translate(two, japan.code())).map(Level::code).contains("GOKUHI");
    assertThat(table.translate(japan.findLevel("特定秘密", NOW).orElseThrow(), korea.code())).map(Level::code).contains("II");
    assertThat(table.translate(japan.findLevel("秘", NOW).orElseThrow(), korea.code())).map(Level::code).contains("III");
    assertThat(table.covers(korea.findLevel("I", NOW).orElseThrow())).isFalse();
    assertThat(table.covers(japan.findLevel("機密", NOW).orElseThrow())).isFalse();
  }

  @Test
  void theTrilateralArrangementHasItsHubScopeAndConsentRule() {
    Agreement tisa = agreement("TISA-2014");
    assertThat(tisa.kind()).isEqualTo(AgreementKind.ARRANGEMENT);
    ArrangementProvisions provisions = tisa.provisionsAt(NOW, ArrangementProvisions.class);
    assertThat(provisions.channel().orElseThrow().hub()).isEqualTo(PartyCode.of("USA"));
    assertThat(provisions.scope().topics()).extracting(Object::toString).containsExactly("dprk-missile", "dprk-nuclear");
    assertThat(provisions.thirdPartyRule()).hasToString("ORIGINATOR_CONSENT");
    assertThat(tisa.statusAt(Instant.parse("2014-12-28T00:00:00Z")).inForce()).isFalse();
    assertThat(tisa.statusAt(Instant.parse("2014-12-29T00:00:00Z")).inForce()).isTrue();
  }

  @Test
  void unsourcedTablesAreMarkedAssumed() {
    assertThat(agreement("ROK-USA-GSOMIA-1987").provisionsAt(NOW).anyAssumed()).isTrue();
    assertThat(agreement("USA-JPN-GSOMIA-2007").provisionsAt(NOW, InformationProvisions.class).equivalence().orElseThrow().note()).contains("not transferred");
  }

  @Test
  void partialDatesAreReadAtTheirConservativeEndAndMarkedAssumed() {
    // Japan–Australia information agreement: in force in March 2013 (no day in the record)
    Agreement australia = agreement("JPN-AUS-ISA-2012");
    assertThat(australia.statusAt(Instant.parse("2013-03-30T00:00:00Z")).inForce()).isFalse();
    assertThat(australia.statusAt(Instant.parse("2013-03-31T00:00:00Z")).inForce()).isTrue();
    assertThat(australia.statusAt(Instant.parse("2013-03-31T00:00:00Z")).assumed()).isTrue();
    assertThat(australia.timeline().events().get(1).date()).isEqualTo("2013-03 (month only)");
  }

  @Test
  void anAgreementWithNoSourcedEntryIntoForceEntersIntoForceOnSigningAssumed() {
    Agreement ukraine = agreement("JPN-UKR-ISA-2024");
    assertThat(ukraine.statusAt(Instant.parse("2024-11-16T00:00:00Z")).inForce()).isTrue();
    assertThat(ukraine.statusAt(Instant.parse("2024-11-16T00:00:00Z")).assumed()).isTrue();
  }

  @Test
  void schemesAreVersionedByDate() {
    Party japan = WORLD.requireParty(PartyCode.of("JPN"));
    assertThat(japan.findLevel("TOKUTEI", Instant.parse("2014-12-09T00:00:00Z"))).isEmpty();
    assertThat(japan.findLevel("TOKUTEI", Instant.parse("2014-12-10T00:00:00Z"))).isPresent();
    Party uk = WORLD.requireParty(PartyCode.of("GBR"));
    assertThat(uk.findLevel("CONFIDENTIAL", Instant.parse("2014-04-01T00:00:00Z"))).isPresent();
    assertThat(uk.findLevel("CONFIDENTIAL", Instant.parse("2014-04-02T00:00:00Z"))).isEmpty();
    assertThat(uk.findLevel("OFFICIAL", Instant.parse("2014-04-02T00:00:00Z"))).isPresent();
  }

  @Test
  void everyCitedSourceExistsWithItsAddress() {
    assertThat(WORLD.sources()).containsKey("S30");
    assertThat(WORLD.sources().get("S02").url()).contains("wikisource");
  }

  /** sources.yaml is world/scripts/derive-sources.py's output: every source of the record, NFKC-normalised, and no other. */
  @Test
  void theSourcesAreTheRecordsAsTheScriptDerivesThem() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> sources = (Map<String, Map<String, Object>>) record().get("sources");
    assertThat(WORLD.sources().keySet()).containsExactlyInAnyOrderElementsOf(sources.keySet());
    sources.forEach((id, source) -> {
      Source derived = WORLD.sources().get(id);
      assertThat(derived.url()).as(id).isEqualTo(nfkc(source.getOrDefault("url", "")));
      assertThat(derived.publisher()).as(id).isEqualTo(nfkc(source.getOrDefault("publisher", "")));
    });
  }

  private static String nfkc(Object text) {
    return Normalizer.normalize(String.valueOf(text), Normalizer.Form.NFKC);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> record() throws java.io.IOException {
    String text = Files.readString(RECORD, StandardCharsets.UTF_8);
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
  }
}
