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
import org.pactbridge.core.label.access.AccessExpression;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * The public entry point end to end: lexer, family, blocks and rules together, the exception of
 * {@code parse}, and a label the release engine can use. Each family, the lexer, the control blocks
 * and the rules have their own test class; {@link MarkingGoldenTest} pins every reading.
 */
class MarkingParserTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  private static SecurityLabel label(String marking) {
    return PARSER.parseLabel(marking);
  }

  private static String canonical(String marking) {
    return PARSER.read(marking).canonical().orElseThrow();
  }

  @Test
  void readsPortionMarksAndKeepsTheirForm() {
    SecurityLabel label = label("(S//NF)");
    assertThat(label.releasability().isNoforn()).isTrue();
    assertThat(canonical("(S//NF)")).isEqualTo("(S//NF)");
    assertThat(MarkingFormatter.banner(label)).isEqualTo("SECRET//NOFORN");
  }

  @Test
  void readsControlsAndCompartments() {
    SecurityLabel label = label("TOP SECRET//HCS-O-P/SI-G ABCD/TK//SAR-BP//RD//FGI NATO//ORCON/NOFORN//EXDIS");
    assertThat(label.controls()).containsExactly(Control.ORCON, Control.EXDIS);
    assertThat(label.orcon()).isTrue();
    assertThat(label.compartments()).extracting(Compartment::accessToken)
        .containsExactly("HCS-O-P", "SI-G ABCD", "TK", "SAR-BP", "RD");
    assertThat(label.fgiSources()).containsExactly("NATO");
    assertThat(AccessExpression.ofCompartments(label).toString()).isEqualTo("HCS-O-P&\"SI-G ABCD\"&TK&SAR-BP&RD");
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
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() {
    ParsedMarking parsed = PARSER.read("SECRET//XYZZY//REL TO USA, QQQ");
    assertThat(parsed.diagnostics()).extracting(Diagnostic::index).containsExactly(8, 27);
    assertThat(parsed.label()).isNull();
    assertThat(parsed.canonical()).isEmpty();
  }

  @Test
  void eachFamilyReadsItsOwnClassifications() {
    assertThat(label("SECRET").originators()).containsExactly(PartyCode.of("USA"));
    assertThat(label("군사 Ⅱ급비밀").level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(label("//JOINT SECRET USA GBR").joint()).isTrue();
    assertThat(label("//KOR II").level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(canonical("//GBR S//REL TO USA, GBR")).isEqualTo("//GBR SECRET//REL TO USA, GBR");
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
