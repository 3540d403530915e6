package org.pactbridge.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;

class PartyCodeTest {
  @Test
  void codesWithTheSameLettersAreEqualWhicheverInstance() {
    PartyCode one = new PartyCode(new String("KOR"));
    PartyCode other = PartyCode.parse(" kor ");
    assertThat(one).isEqualTo(other).isNotSameAs(other);
    assertThat(one.hashCode()).isEqualTo(other.hashCode()).isEqualTo("KOR".hashCode());
    assertThat(one.value()).isEqualTo("KOR");
    assertThat(one).hasToString("KOR");
  }

  @Test
  void codesThatDifferInOneLetterOrInLengthAreNotEqual() {
    List<String> codes = List.of("AAA", "AAB", "BAA", "ZZZ", "AAAA", "ZZZZ", "NATO", "NATA", "ABC", "ABCA");
    for (String x : codes) {
      for (String y : codes) {
        assertThat(PartyCode.of(x).equals(PartyCode.of(y))).as(x + " vs " + y).isEqualTo(x.equals(y));
      }
    }
    assertThat(PartyCode.of("KOR")).isNotEqualTo("KOR");
  }

  @Test
  void codesSortAsTheirStrings() {
    assertThat(PartyCode.of("JPN").compareTo(PartyCode.of("KOR"))).isNegative();
    assertThat(PartyCode.of("NATO").compareTo(PartyCode.of("NAT"))).isPositive();
    assertThat(PartyCode.of("USA").isTrigraph()).isTrue();
    assertThat(PartyCode.of("NATO").isTrigraph()).isFalse();
  }

  @Test
  void aMalformedCodeIsRefusedNamingIt() {
    assertThatThrownBy(() -> PartyCode.of("ko")).isInstanceOf(InvalidInputException.class).hasMessageContaining("ko");
    assertThatThrownBy(() -> PartyCode.of("KORE1")).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new PartyCode(null)).isInstanceOf(InvalidInputException.class);
  }
}
