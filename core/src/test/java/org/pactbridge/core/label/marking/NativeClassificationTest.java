package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.party.PartyCode;

class NativeClassificationTest {
  private static final NativeClassification FAMILY = new NativeClassification();

  @Test
  void claimsEveryNonAsciiFirstBlock() {
    assertThat(FAMILY.claims("極秘", false)).isTrue();
    assertThat(FAMILY.claims("극비밀", false)).isTrue();
    assertThat(FAMILY.claims("SECRET", false)).isFalse();
    assertThat(FAMILY.claims("JPN 極秘", true)).isFalse();
  }

  @Test
  void readsKoreanAndJapaneseLevelsByNativeNameOrAlias() {
    assertThat(FamilyReading.read(FAMILY, "군사 II급 비밀").label().level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    assertThat(FamilyReading.read(FAMILY, "군사 Ⅱ급비밀").label().level()).isEqualTo(LabelFixtures.level("KOR", "II"));
    ParsedMarking japanese = FamilyReading.read(FAMILY, "極秘//REL TO USA, JPN");
    assertThat(japanese.label().level()).isEqualTo(LabelFixtures.level("JPN", "GOKUHI"));
    assertThat(japanese.label().originators()).containsExactly(PartyCode.of("JPN"));
    assertThat(japanese.canonical()).contains("//JPN GOKUHI");
  }

  @Test
  void anUnknownNativeMarkingQuotesItAndNamesTheParties() {
    assertThat(FamilyReading.read(FAMILY, "군사 Ⅳ급비밀").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("UNKNOWN_CLASSIFICATION");
      assertThat(d.message()).startsWith("unknown native marking '군사 Ⅳ급비밀' (expected a level of [KOR, JPN]");
    });
  }
}
