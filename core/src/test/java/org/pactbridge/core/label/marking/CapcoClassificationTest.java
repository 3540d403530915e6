package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.party.PartyCode;

class CapcoClassificationTest {
  private static final CapcoClassification FAMILY = new CapcoClassification();

  @Test
  void claimsEveryAsciiFirstBlockAndNothingElse() {
    assertThat(FAMILY.claims("SECRET", false)).isTrue();
    assertThat(FAMILY.claims("SERCET", false)).isTrue();
    assertThat(FAMILY.claims("", false)).isTrue();
    assertThat(FAMILY.claims("極秘", false)).isFalse();
    assertThat(FAMILY.claims("KOR II", true)).isFalse();
  }

  @Test
  void aUsWordNamesTheUsAsOriginatorInBannerOrPortionForm() {
    ParsedMarking banner = FamilyReading.read(FAMILY, "SECRET//REL TO USA, JPN, KOR");
    assertThat(banner.label().level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(banner.label().originators()).containsExactly(PartyCode.of("USA"));
    assertThat(banner.diagnostics()).isEmpty();
    assertThat(FamilyReading.read(FAMILY, "(TS)").label().level()).isEqualTo(LabelFixtures.level("USA", "TOP_SECRET"));
  }

  @Test
  void theOtherFormsSpellingIsAWarning() {
    assertThat(FamilyReading.read(FAMILY, "S").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("BANNER_USES_PORTION_FORM");
      assertThat(d.message()).isEqualTo("banner uses the portion form 'S'; write 'SECRET'");
    });
    assertThat(FamilyReading.read(FAMILY, "(SECRET)").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("PORTION_USES_BANNER_FORM");
  }

  @Test
  void anUnknownWordIsReportedWithTheWordsExpected() {
    assertThat(FamilyReading.read(FAMILY, "SERCET//NOFORN").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("UNKNOWN_CLASSIFICATION");
      assertThat(d.index()).isZero();
      assertThat(d.message()).startsWith("unknown classification 'SERCET' (expected a US classification: TOP SECRET");
    });
    // RESTRICTED is a NATO and foreign level, never a US classification
    assertThat(FamilyReading.read(FAMILY, "RESTRICTED").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("UNKNOWN_CLASSIFICATION");
    assertThat(FamilyReading.read(FAMILY, "()").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).isEqualTo("expected a classification, found ')'"));
  }
}
