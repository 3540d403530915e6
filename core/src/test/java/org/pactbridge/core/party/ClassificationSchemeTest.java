package org.pactbridge.core.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationSchemeTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private final ClassificationScheme korea = new ClassificationScheme(KOR, null, "military", List.of(
      new Level(KOR, "III", 1, "군사 Ⅲ급 비밀", "Class III", List.of("3급")),
      new Level(KOR, "II", 2, "군사 Ⅱ급 비밀", "Class II", List.of("2급")),
      new Level(KOR, "I", 3, "군사 Ⅰ급 비밀", "Class I", List.of("1급"))));

  @Test
  void levelsAreFoundByCodeNativeNameAndAlias() {
    assertThat(korea.findLevel("II")).map(Level::code).contains("II");
    assertThat(korea.findLevel("2급")).map(Level::code).contains("II");
    assertThat(korea.findLevel("군사 Ⅱ급 비밀")).map(Level::code).contains("II");
  }

  @Test
  void nativeNamesAreMatchedAfterNfkcSoTheRomanNumeralCharacterReadsAsLetters() {
    // U+2161 (Ⅱ) normalises to "II"; blanks do not matter.
    assertThat(korea.findLevel("군사Ⅱ급비밀")).map(Level::code).contains("II");
    assertThat(korea.findLevel("군사 II급 비밀")).map(Level::code).contains("II");
  }

  @Test
  void unknownTokensAreNotGuessed() {
    assertThat(korea.findLevel("IV")).isEmpty();
    assertThat(korea.findLevel("SECRET")).isEmpty();
  }

  @Test
  void everySchemeHasAnUnclassifiedLevelAtRankZero() {
    assertThat(korea.levels().get(0).isUnclassified()).isTrue();
    assertThat(korea.findLevel("U")).map(Level::rank).contains(0);
    assertThat(korea.classifiedLevels()).extracting(Level::code).containsExactly("III", "II", "I");
  }

  @Test
  void partyCodesAreValidated() {
    assertThat(PartyCode.parse(" kor ")).isEqualTo(KOR);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PartyCode.parse("K0R"))
        .isInstanceOf(org.pactbridge.core.InvalidInputException.class)
        .hasMessageContaining("'K0R'");
  }
}
