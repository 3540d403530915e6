package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.Compartment;
import org.pactbridge.core.label.Control;

/** The blocks after the classification, read alone: no family, no rules. */
class ControlBlocksTest {

  private static Reading blocks(String marking) {
    MarkingLexer.Lexed lexed = MarkingLexer.lex(marking);
    Reading reading = new Reading(marking, null, FamilyReading.DIRECTORY, lexed.portion());
    new ControlBlocks(reading).read(lexed.blocks());
    return reading;
  }

  private static List<Diagnostic> diagnostics(String marking) {
    return blocks(marking).finish().diagnostics();
  }

  @Test
  void readsControlsCompartmentsAndFgiInWrittenOrder() {
    Reading reading = blocks("TOP SECRET//HCS-O-P/SI-G ABCD/TK//SAR-BP//RD//FGI NATO//ORCON/NOFORN/RELIDO//EXDIS");
    assertThat(reading.controls).containsExactly(Control.ORCON, Control.RELIDO, Control.EXDIS);
    assertThat(reading.noforn).isTrue();
    assertThat(reading.compartments).extracting(Compartment::accessToken)
        .containsExactly("HCS-O-P", "SI-G ABCD", "TK", "SAR-BP", "RD");
    assertThat(reading.fgiSources).containsExactly("NATO");
    assertThat(reading.entries).extracting(Reading.Entry::category).containsExactly(Reading.Category.SCI, Reading.Category.SCI,
        Reading.Category.SCI, Reading.Category.SAR, Reading.Category.AEA, Reading.Category.FGI, Reading.Category.DISSEM,
        Reading.Category.DISSEM, Reading.Category.DISSEM, Reading.Category.NON_IC);
    assertThat(diagnostics("TOP SECRET//HCS-O-P/SI-G ABCD/TK//SAR-BP//RD//FGI NATO//ORCON/NOFORN/RELIDO//EXDIS")).isEmpty();
  }

  @Test
  void aRelToListOutOfOrderIsReadAndWarnedAtItsFirstMisplacedEntry() {
    Reading reading = blocks("SECRET//REL TO NATO, KOR, USA, JPN");
    assertThat(reading.relTo).containsExactly("NATO", "KOR", "USA", "JPN");
    assertThat(reading.relToIndex).isEqualTo(15);
    assertThat(reading.finish().diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Diagnostic.Severity.WARNING);
      assertThat(d.code()).isEqualTo("NON_CANONICAL_ORDER");
      assertThat(d.index()).isEqualTo(15);
      assertThat(d.message()).contains("'NATO'").endsWith("REL TO USA, JPN, KOR, NATO)");
    });
  }

  @Test
  void everyBadEntryIsReportedAtItsOwnIndex() {
    assertThat(diagnostics("SECRET//XYZZY//REL TO USA, QQQ")).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("UNKNOWN_TOKEN", 8), tuple(
            "UNKNOWN_RELEASABILITY_ENTRY", 27));
    assertThat(diagnostics("SECRET//REL TO USA, , GBR")).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("EMPTY_ENTRY", 20));
    assertThat(diagnostics("SECRET//")).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("EMPTY_BLOCK", 8));
  }

  @Test
  void knownButUnusableFormsHaveTheirOwnCodes() {
    assertThat(diagnostics("SECRET//EYES ONLY")).extracting(Diagnostic::code).containsExactly("RETIRED_MARKING");
    assertThat(diagnostics("TOP SECRET//KDK")).extracting(Diagnostic::code).containsExactly("RETIRED_MARKING");
    assertThat(diagnostics("SECRET//CNWDI")).extracting(Diagnostic::code).containsExactly("CNWDI_WITHOUT_RD");
    assertThat(diagnostics("SECRET//25X1")).extracting(Diagnostic::code).containsExactly("DECLASSIFICATION_IN_MARKING");
    assertThat(diagnostics("SECRET//NS")).extracting(Diagnostic::code).containsExactly("SECOND_CLASSIFICATION");
    assertThat(diagnostics("TOP SECRET//RSV")).extracting(Diagnostic::code).containsExactly("COMPARTMENT_REQUIRED");
    assertThat(diagnostics("TOP SECRET//HCS-X")).extracting(Diagnostic::code).containsExactly("UNKNOWN_COMPARTMENT");
    assertThat(diagnostics("SECRET//SAR-bp")).extracting(Diagnostic::code).containsExactly("MALFORMED_SAR");
    assertThat(diagnostics("TOP SECRET//SI-")).extracting(Diagnostic::code, Diagnostic::index)
        .containsExactly(tuple("MALFORMED_SCI", 15));
  }

  @Test
  void sigmaNumbersAndPortionFormsAreReadAsTheirBannerForm() {
    Reading reading = blocks("(S//RD-SG 14/RD-N//NF)");
    assertThat(reading.compartments).extracting(Compartment::value).containsExactly("RD-SIGMA 14", "RD-CNWDI");
    assertThat(reading.finish().diagnostics()).isEmpty();
    assertThat(diagnostics("SECRET//RD-SG 14")).extracting(Diagnostic::code).containsExactly("BANNER_USES_PORTION_FORM");
  }

  @Test
  void aSecondReleasabilityIsAConflictAndARepeatIsADuplicate() {
    assertThat(diagnostics("SECRET//NOFORN/REL TO USA")).extracting(Diagnostic::code).containsExactly("CONFLICTING_RELEASABILITY");
    assertThat(diagnostics("SECRET//REL TO USA/REL TO GBR")).extracting(Diagnostic::code).containsExactly("CONFLICTING_RELEASABILITY");
    assertThat(diagnostics("SECRET//NOFORN/NOFORN")).extracting(Diagnostic::code).containsExactly("DUPLICATE_ENTRY");
  }
}
