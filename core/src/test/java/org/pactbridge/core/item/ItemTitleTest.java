package org.pactbridge.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;

class ItemTitleTest {
  @Test
  void aTitleNeverPrintsItself() {
    ItemTitle title = ItemTitle.of("Sohae launch pad");
    assertThat(title.toString()).isEqualTo("ItemTitle[16 characters]").doesNotContain("Sohae");
    assertThat("item " + title).doesNotContain("Sohae");
  }

  @Test
  void nullAndEmptyAreNone() {
    assertThat(ItemTitle.of(null)).isSameAs(ItemTitle.NONE);
    assertThat(ItemTitle.of("")).isSameAs(ItemTitle.NONE);
    assertThat(ItemTitle.NONE.isEmpty()).isTrue();
  }

  @Test
  void searchIgnoresCaseAndSurroundingSpace() {
    ItemTitle title = ItemTitle.of("Order of Battle, 8th Corps");
    assertThat(title.matches("order of battle")).isTrue();
    assertThat(title.matches("  8TH ")).isTrue();
    assertThat(title.matches("9th")).isFalse();
    assertThat(title.matches("")).isTrue();
    assertThat(title.matches(null)).isTrue();
    assertThat(ItemTitle.of("海上自衛隊 護衛艦").matches("護衛艦")).isTrue();
  }

  @Test
  void aLongTitleIsRefusedWithItsLengthNotItsText() {
    String text = "x".repeat(ItemTitle.MAX_LENGTH) + "secret";
    assertThatThrownBy(() -> ItemTitle.of(text))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the title has 206 characters; at most 200 are allowed")
        .extracting(error -> ((InvalidInputException) error).code()).isEqualTo("INVALID_TITLE");
    // 200 characters outside the Basic Multilingual Plane are 400 chars in Java but 200 code points: allowed
    assertThat(ItemTitle.of("𝔸".repeat(200)).value()).hasSize(400);
  }

  @Test
  void aControlCharacterIsRefusedAtItsIndex() {
    assertThatThrownBy(() -> ItemTitle.of("line one\nline two"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("the title has a control character (U+000A) at index 8; a title is one line of text");
    assertThatThrownBy(() -> ItemTitle.of("a\u2028b")).hasMessageContaining("U+2028) at index 1");
    assertThat(((InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(() -> ItemTitle.of("a\tb"))).token()).isEqualTo("title");
  }
}
