package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;

class MarkingParserTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  private static SecurityLabel label(String marking) {
    return PARSER.parseLabel(marking);
  }

  private static String canonical(String marking) {
    return PARSER.read(marking).canonical().orElseThrow();
  }

  @Test
  void readsAUsBannerWithARelToList() {
    SecurityLabel label = label("SECRET//REL TO USA, JPN, KOR");
    assertThat(label.level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(label.originators()).containsExactly(PartyCode.of("USA"));
    assertThat(label.releasability().relToEntries()).containsExactly("USA", "JPN", "KOR");
    assertThat(PARSER.read("SECRET//REL TO USA, JPN, KOR").diagnostics()).isEmpty();
  }

  @Test
  void readsPortionMarksAndKeepsTheirForm() {
    SecurityLabel label = label("(S//NF)");
    assertThat(label.releasability().isNoforn()).isTrue();
    assertThat(canonical("(S//NF)")).isEqualTo("(S//NF)");
    assertThat(MarkingFormatter.banner(label)).isEqualTo("SECRET//NOFORN");
  }

  @Test
  void readsNonUsNatoAndJointClassifications() {
    assertThat(label("//KOR II//REL TO USA, KOR").level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(label("//JPN GOKUHI//REL TO USA, JPN").level()).isEqualTo(LabelFixtures.level("JPN", "GOKUHI"));
    assertThat(label("//COSMIC TOP SECRET//REL TO USA, NATO").level()).isEqualTo(LabelFixtures.level("NATO", "COSMIC_TOP_SECRET"));
    assertThat(label("//GBR S//REL TO USA, GBR").level()).isEqualTo(LabelFixtures.level("GBR", "SECRET"));
    assertThat(canonical("//GBR S//REL TO USA, GBR")).isEqualTo("//GBR SECRET//REL TO USA, GBR");
    SecurityLabel joint = label("//JOINT SECRET USA GBR//REL TO USA, GBR");
    assertThat(joint.joint()).isTrue();
    assertThat(joint.originators()).containsExactly(PartyCode.of("USA"), PartyCode.of("GBR"));
    assertThat(joint.level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(MarkingFormatter.portion(joint)).isEqualTo("(//JOINT S USA GBR//REL TO USA, GBR)");
  }

  @Test
  void readsKoreanAndJapaneseNativeMarkings() {
    assertThat(label("군사 II급 비밀").level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(label("군사 Ⅱ급비밀").level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(label("極秘").level()).isEqualTo(LabelFixtures.level("JPN", "GOKUHI"));
    assertThat(canonical("極秘//REL TO USA, JPN")).isEqualTo("//JPN GOKUHI//REL TO USA, JPN");
    assertThat(PARSER.read("군사 Ⅳ급비밀").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'군사 Ⅳ급비밀'"));
  }

  @Test
  void canonicalRelToPutsUsaFirstThenTrigraphsThenTetragraphsAndWarns() {
    ParsedMarking parsed = PARSER.read("SECRET//REL TO NATO, KOR, USA, JPN");
    assertThat(parsed.canonical()).contains("SECRET//REL TO USA, JPN, KOR, NATO");
    assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
      assertThat(d.code()).isEqualTo("NON_CANONICAL_ORDER");
      assertThat(d.index()).isEqualTo(15);
      assertThat(d.message()).contains("'NATO'");
    });
  }

  @Test
  void readsControlsAndCompartments() {
    SecurityLabel label = label("TOP SECRET//HCS-O-P/SI-G ABCD/TK//SAR-BP//RD//FGI NATO//ORCON/NOFORN/RELIDO//EXDIS");
    assertThat(label.controls()).containsExactly(Control.ORCON, Control.RELIDO, Control.EXDIS);
    assertThat(label.orcon()).isTrue();
    assertThat(label.compartments()).extracting(Compartment::accessToken)
        .containsExactly("HCS-O-P", "SI-G ABCD", "TK", "SAR-BP", "RD");
    assertThat(label.fgiSources()).containsExactly("NATO");
    assertThat(org.pactbridge.core.label.access.AccessExpression.ofCompartments(label).toString()).isEqualTo("HCS-O-P&\"SI-G ABCD\"&TK&SAR-BP&RD");
  }

  @Test
  void anUnknownTokenIsAnErrorNamingItAndItsIndex() {
    assertThatThrownBy(() -> PARSER.parse("SECRET//REL TO USA, XYZ"))
        .isInstanceOf(MarkingParseException.class)
        .hasMessage("marking: unknown party or community 'XYZ' in REL TO (expected a known party code such as GBR, "
            + "or a community such as NATO or FVEY) (at index 20)")
        .satisfies(e -> {
          MarkingParseException error = (MarkingParseException) e;
          assertThat(error.index()).isEqualTo(20);
          assertThat(error.code()).isEqualTo("UNKNOWN_RELEASABILITY_ENTRY");
          assertThat(error.found()).isEqualTo("'XYZ'");
        });
    assertThat(PARSER.read("//KOR IV").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("UNKNOWN_LEVEL");
      assertThat(d.index()).isEqualTo(6);
      assertThat(d.message()).isEqualTo("unknown level 'IV' for party KOR (known: UNCLASSIFIED, III, II, I)");
    });
    assertThat(PARSER.read("//XYZ SECRET").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("unknown party 'XYZ'"));
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() {
    ParsedMarking parsed = PARSER.read("SECRET//XYZZY//REL TO USA, QQQ");
    assertThat(parsed.diagnostics()).extracting(Diagnostic::index).containsExactly(8, 27);
    assertThat(parsed.label()).isNull();
    assertThat(parsed.canonical()).isEmpty();
  }

  @Test
  void levelsAreReadInTheSchemeInForceAtTheInstantGiven() {
    Instant before = Instant.parse("2010-01-01T00:00:00Z");
    Instant after = Instant.parse("2020-01-01T00:00:00Z");
    assertThat(PARSER.read("//GBR CONFIDENTIAL", before).hasErrors()).isFalse();
    assertThat(PARSER.read("//GBR CONFIDENTIAL", after).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("UNKNOWN_LEVEL"));
    assertThat(PARSER.read("//GBR OFFICIAL", after).hasErrors()).isFalse();
  }

  @Test
  void unbalancedAndEmptyInputsAreErrors() {
    assertThat(PARSER.read("(S//NF").diagnostics()).extracting(Diagnostic::code).contains("UNBALANCED_PARENTHESIS");
    assertThat(PARSER.read("").diagnostics()).extracting(Diagnostic::code).containsExactly("EMPTY_MARKING");
    assertThat(PARSER.read("SECRET//").diagnostics()).extracting(Diagnostic::code).containsExactly("EMPTY_BLOCK");
    assertThat(PARSER.read("SECRET//NOFORN/REL TO USA").diagnostics()).extracting(Diagnostic::code)
        .contains("CONFLICTING_RELEASABILITY");
  }

  @Test
  void aParsedLabelGivesTheReleaseEngineItsInputs() {
    SecurityLabel label = PARSER.parseLabel("//KOR II//REL TO USA, JPN, KOR").toBuilder()
        .topics(Set.of(Topic.of("dprk-missile"))).build();
    Instant at = Instant.parse("2017-01-05T00:00:00Z");
    ReleaseRequest request = new ReleaseRequest(label.originatorSet(), label.level(), label.releasability(), label.orcon(),
        label.topics(), label.declassifyOn(), PartyCode.of("KOR"), PartyCode.of("GBR"), null, Set.of(), at);
    Decision decision = new org.pactbridge.core.engine.ReleaseEngine(LabelFixtures.registry()).decide(request, false);
    assertThat(decision.reasons()).extracting(reason -> reason.code().name()).contains("NOT_RELEASABLE_TO");
  }
}
