package org.pactbridge.core.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;

class TopicTest {
  @Test
  void topicsWithTheSameSlugAreEqualWhicheverInstance() {
    Topic one = Topic.of(new String("dprk-missile"));
    Topic other = Topic.of("dprk-missile");
    assertThat(one).isEqualTo(other).isNotSameAs(other).hasToString("dprk-missile");
    assertThat(one.hashCode()).isEqualTo(other.hashCode()).isEqualTo("dprk-missile".hashCode());
    assertThat(one).isNotEqualTo(Topic.of("dprk-nuclear")).isNotEqualTo("dprk-missile");
    assertThat(Topic.of("ab").compareTo(Topic.of("ac"))).isNegative();
  }

  @Test
  void slugsThatShareAHashAreStillDifferentTopics() {
    // 97 * 31 + 111 == 99 * 31 + 49: "ao" and "c1" have the same string hash
    Topic left = Topic.of("ao");
    Topic right = Topic.of("c1");
    assertThat(left.hashCode()).isEqualTo(right.hashCode());
    assertThat(left).isNotEqualTo(right);
    assertThat(java.util.Set.of(left, right)).hasSize(2).contains(Topic.of("ao")).doesNotContain(Topic.of("c2"));
  }

  @Test
  void parsesAListAndRefusesAMalformedSlugNamingIt() {
    assertThat(Topic.parseList(" dprk-missile, dprk-nuclear ")).containsExactly(Topic.of("dprk-missile"), Topic.of("dprk-nuclear"));
    assertThat(Topic.parseList("")).isEmpty();
    assertThatThrownBy(() -> Topic.of("DPRK")).isInstanceOf(InvalidInputException.class).hasMessageContaining("DPRK");
    assertThatThrownBy(() -> Topic.parseList("a,,b")).isInstanceOf(InvalidInputException.class);
  }
}
