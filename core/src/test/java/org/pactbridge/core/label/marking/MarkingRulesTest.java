package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.LabelFixtures;

/** The rules over a whole marking, through the public entry point: they need a classification and the blocks. */
class MarkingRulesTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  @Test
  void aControlOutsideItsRangeIsAnErrorAtTheControl() {
    assertThat(PARSER.read("UNCLASSIFIED//ORCON").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("BELOW_FLOOR");
      assertThat(d.index()).isEqualTo(14);
      assertThat(d.message()).isEqualTo("'ORCON' is not used at 'UNCLASSIFIED' (USA:UNCLASSIFIED) (needs RESTRICTED or higher)");
    });
    assertThat(PARSER.read("SECRET//LIMDIS").diagnostics()).extracting(Diagnostic::code).containsExactly("ABOVE_CEILING");
    // another party's classified level satisfies any floor, but not an unclassified-only ceiling
    assertThat(PARSER.read("//KOR II//ORCON").hasErrors()).isFalse();
    assertThat(PARSER.read("//KOR II//DOD UCNI").diagnostics()).extracting(Diagnostic::code).containsExactly("ABOVE_CEILING");
  }

  @Test
  void aNatoCategoryBelowItsFloorIsReportedAtTheClassification() {
    assertThat(PARSER.read("//NATO SECRET//BOHEMIA").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("BELOW_FLOOR", 2));
  }

  @Test
  void controlsThatNeedOrExcludeOthers() {
    assertThat(PARSER.read("SECRET//RD").diagnostics()).extracting(Diagnostic::code).containsExactly("REQUIRES_NOFORN");
    assertThat(PARSER.read("(S//RD)").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("'RD' requires NF"));
    assertThat(PARSER.read("TOP SECRET//HCS-O//NOFORN").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("REQUIRES_ORCON");
    assertThat(PARSER.read("SECRET//RD/TFNI//NOFORN").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("CONFLICTING_CONTROLS");
    assertThat(PARSER.read("SECRET//REL TO USA/NOFORN").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .contains(tuple("CONFLICTING_RELEASABILITY", 19));
  }

  @Test
  void aRelToListMustNameEveryOriginator() {
    assertThat(PARSER.read("//JOINT SECRET USA GBR//REL TO USA").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("JOINT_REL_TO_MISSING_PARTY");
      assertThat(d.isError()).isTrue();
      assertThat(d.index()).isEqualTo(31);
      assertThat(d.suggestion()).isEqualTo("//JOINT SECRET USA GBR//REL TO USA, GBR");
    });
    assertThat(PARSER.read("SECRET//REL TO GBR").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("REL_TO_WITHOUT_USA");
      assertThat(d.suggestion()).isEqualTo("SECRET//REL TO USA, GBR");
    });
    // another party's list that leaves the party out is understood: agreements decide (a warning)
    assertThat(PARSER.read("//KOR II//REL TO USA").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("REL_TO_MISSING_ORIGINATOR");
      assertThat(d.isError()).isFalse();
      assertThat(d.suggestion()).isEqualTo("//KOR II//REL TO USA, KOR");
    });
  }

  @Test
  void everyFindingWithOneRightFormSuggestsIt() {
    assertThat(PARSER.read("SECRET//RD").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("SECRET//RD//NOFORN"));
    assertThat(PARSER.read("(S//RD)").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("(S//RD//NF)"));
    assertThat(PARSER.read("SECRET//NOFORN/ORCON").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("SECRET//ORCON/NOFORN"));
    assertThat(PARSER.read("SERCET//NOFORN").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("SECRET//NOFORN"));
    assertThat(PARSER.read("(//CTSA)").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("(//CTS//ATOMAL)"));
    assertThat(PARSER.read("SECRET/NOFORN").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.suggestion()).isEqualTo("SECRET//NOFORN"));
    assertThat(PARSER.read("SECRET // NOFORN").diagnostics()).extracting(Diagnostic::code, Diagnostic::suggestion)
        .containsExactly(tuple("NON_CANONICAL_SEPARATOR", "SECRET//NOFORN"), tuple("NON_CANONICAL_SEPARATOR", "SECRET//NOFORN"));
    // two controls that exclude each other have no one right form
    assertThat(PARSER.read("SECRET//NOFORN//EXDIS/NODIS").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.findSuggestion()).isEmpty());
    // a token fix is suggested in place while another error remains
    assertThat(PARSER.read("SECRET//CNWDI//XYZZY").diagnostics()).extracting(Diagnostic::code, Diagnostic::suggestion)
        .containsExactly(tuple("CNWDI_WITHOUT_RD", "SECRET//RD-CNWDI//XYZZY"), tuple("UNKNOWN_TOKEN", null));
  }

  @Test
  void aLongRunOfBadTokensIsCorrectedOnlyUpToTheBound() {
    String marking = "SECRET//" + String.join("/", Collections.nCopies(100, "CNWDI"));
    List<Diagnostic> findings = PARSER.read(marking).diagnostics();
    assertThat(findings).hasSize(100).allSatisfy(d -> assertThat(d.code()).isEqualTo("CNWDI_WITHOUT_RD"));
    assertThat(findings.stream().filter(d -> d.suggestion() != null)).hasSize(Reading.MAX_CORRECTIONS);
    assertThat(findings.get(0).suggestion()).startsWith("SECRET//RD-CNWDI/CNWDI/");
  }

  @Test
  void blocksAndEntriesInCanonicalOrder() {
    assertThat(PARSER.read("SECRET//NOFORN/ORCON").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("NON_CANONICAL_ORDER", 15));
    assertThat(PARSER.read("SECRET//ORCON//NOFORN").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("NON_CANONICAL_BLOCKS", 15));
    // a token in the block of another kind is an error, the fix is the separator it lacks
    assertThat(PARSER.read("TOP SECRET//SI/NOFORN").diagnostics()).extracting(Diagnostic::code, Diagnostic::suggestion)
        .containsExactly(tuple("WRONG_BLOCK", "TOP SECRET//SI//NOFORN"));
  }
}
