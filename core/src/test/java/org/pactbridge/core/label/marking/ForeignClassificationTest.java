package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.LabelFixtures;

class ForeignClassificationTest {
  private static final ForeignClassification FAMILY = new ForeignClassification();

  @Test
  void claimsEveryClassificationAfterALeadingDoubleSlash() {
    assertThat(FAMILY.claims("KOR II", true)).isTrue();
    assertThat(FAMILY.claims("", true)).isTrue();
    assertThat(FAMILY.claims("SECRET", false)).isFalse();
  }

  @Test
  void readsNatoWordsAndPartyLevels() {
    assertThat(FamilyReading.read(FAMILY, "//COSMIC TOP SECRET//REL TO USA, NATO").label().level())
        .isEqualTo(LabelFixtures.level("NATO", "COSMIC_TOP_SECRET"));
    assertThat(FamilyReading.read(FAMILY, "//KOR II").label().level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(FamilyReading.read(FAMILY, "//JPN GOKUHI").label().level()).isEqualTo(LabelFixtures.level("JPN", "GOKUHI"));
    ParsedMarking abbreviated = FamilyReading.read(FAMILY, "//GBR S");
    assertThat(abbreviated.label().level()).isEqualTo(LabelFixtures.level("GBR", "SECRET"));
    assertThat(abbreviated.canonical()).contains("//GBR SECRET");
  }

  @Test
  void unknownPartiesAndLevelsPointAtTheirToken() {
    assertThat(FamilyReading.read(FAMILY, "//KOR IV").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("UNKNOWN_LEVEL");
      assertThat(d.index()).isEqualTo(6);
      assertThat(d.message()).isEqualTo("unknown level 'IV' for party KOR (known: UNCLASSIFIED, III, II, I)");
    });
    assertThat(FamilyReading.read(FAMILY, "//XYZ SECRET").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("unknown party 'XYZ'"));
    assertThat(FamilyReading.read(FAMILY, "//KOR").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("UNKNOWN_CLASSIFICATION");
    assertThat(FamilyReading.read(FAMILY, "//CTSA").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("retired NATO compound 'CTSA' (write //CTS//ATOMAL)"));
  }

  @Test
  void levelsAreReadInTheSchemeInForceAtTheInstantGiven() {
    Instant before = Instant.parse("2010-01-01T00:00:00Z");
    Instant after = Instant.parse("2020-01-01T00:00:00Z");
    assertThat(FamilyReading.read(FAMILY, "//GBR CONFIDENTIAL", before).hasErrors()).isFalse();
    assertThat(FamilyReading.read(FAMILY, "//GBR CONFIDENTIAL", after).diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.code()).isEqualTo("UNKNOWN_LEVEL"));
    assertThat(FamilyReading.read(FAMILY, "//GBR OFFICIAL", after).hasErrors()).isFalse();
  }

  @Test
  void aUsOrNatoLevelWrittenAsPartyAndLevelIsReadWithAWarning() {
    ParsedMarking parsed = FamilyReading.read(FAMILY, "//USA SECRET");
    assertThat(parsed.label().level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(parsed.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("NON_CANONICAL_FORM");
      assertThat(d.message()).isEqualTo("'USA SECRET' names the party of a USA classification; write SECRET");
    });
  }
}
