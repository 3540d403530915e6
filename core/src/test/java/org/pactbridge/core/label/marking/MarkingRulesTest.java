package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
      assertThat(d.code()).isEqualTo("REL_TO_MISSING_ORIGINATOR");
      assertThat(d.index()).isEqualTo(31);
    });
  }

  @Test
  void blocksAndEntriesInCanonicalOrder() {
    assertThat(PARSER.read("SECRET//NOFORN/ORCON").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("NON_CANONICAL_ORDER", 15));
    assertThat(PARSER.read("SECRET//ORCON//NOFORN").diagnostics()).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("NON_CANONICAL_BLOCKS", 15));
    assertThat(PARSER.read("TOP SECRET//SI/NOFORN").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("NON_CANONICAL_BLOCKS");
  }
}
