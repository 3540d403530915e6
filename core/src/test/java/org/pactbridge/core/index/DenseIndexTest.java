package org.pactbridge.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseIndexTest {

  @Test
  void numbersTheKeysInListOrder() {
    DenseIndex<String> index = new DenseIndex<>(List.of("KOR", "JPN", "USA"));
    assertThat(index.numberOf("KOR")).isZero();
    assertThat(index.numberOf("JPN")).isEqualTo(1);
    assertThat(index.numberOf("USA")).isEqualTo(2);
    assertThat(index.numberOf("GBR")).isEqualTo(-1);
  }

  @Test
  void findsAnEqualKeyThatIsAnotherInstance() {
    DenseIndex<String> index = new DenseIndex<>(List.of("NATO"));
    String copy = new String("NATO".toCharArray());
    assertThat(copy).isNotSameAs("NATO");
    assertThat(index.numberOf(copy)).isZero();
  }

  @Test
  void keysWhoseHashesCollideAreAllFound() {
    // "Aa" and "BB" have the same String hash, as do their concatenations: every key probes past others
    List<String> keys = List.of("AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB");
    DenseIndex<String> index = new DenseIndex<>(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(index.numberOf(keys.get(i))).isEqualTo(i);
    }
    assertThat(index.numberOf("AaAaAa")).isEqualTo(-1);
  }

  @Test
  void manyKeysAndNone() {
    List<Integer> keys = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(i * 7919);
    }
    DenseIndex<Integer> index = new DenseIndex<>(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(index.numberOf(keys.get(i))).isEqualTo(i);
    }
    assertThat(index.numberOf(1)).isEqualTo(-1);
    assertThat(new DenseIndex<String>(List.of()).numberOf("KOR")).isEqualTo(-1);
  }

  @Test
  void aKeyListedTwiceIsRefused() {
    assertThatThrownBy(() -> new DenseIndex<>(List.of("KOR", "JPN", "KOR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KOR");
  }
}
