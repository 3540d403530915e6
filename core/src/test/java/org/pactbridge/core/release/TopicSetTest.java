package org.pactbridge.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.Topic;

class TopicSetTest {
  private static final Topic MISSILE = Topic.of("dprk-missile");
  private static final Topic NUCLEAR = Topic.of("dprk-nuclear");

  @Test
  void holdsEachTopicOnceInTheOrderFirstGiven() {
    TopicSet set = TopicSet.copyOf(List.of(NUCLEAR, MISSILE, Topic.of("dprk-nuclear")));
    assertThat(set).containsExactly(NUCLEAR, MISSILE).hasSize(2);
    assertThat(set.contains(Topic.of(new String("dprk-missile")))).isTrue();
    assertThat(set.contains(Topic.of("other"))).isFalse();
    assertThat(set.contains("dprk-missile")).isFalse();
    assertThat(set.contains(null)).isFalse();
    assertThat(set.containsAll(Set.of(MISSILE, NUCLEAR))).isTrue();
    assertThat(set.containsAll(Set.of(MISSILE, Topic.of("other")))).isFalse();
    assertThat(set.containsAll(Set.of())).isTrue();
  }

  @Test
  void equalsAnySetOfTheSameTopicsAndIsImmutable() {
    TopicSet set = TopicSet.copyOf(List.of(MISSILE, NUCLEAR));
    assertThat(set).isEqualTo(Set.of(NUCLEAR, MISSILE)).hasSameHashCodeAs(Set.of(NUCLEAR, MISSILE));
    assertThat(TopicSet.copyOf(set)).isSameAs(set);
    assertThat(TopicSet.copyOf(List.of())).isEmpty();
    assertThatThrownBy(() -> set.add(Topic.of("other"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> set.remove(MISSILE)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(set::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThat(set).hasSize(2);
    List<Topic> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> TopicSet.copyOf(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void topicsThatShareAHashAreBothFound() {
    // "ao" and "c1" have the same string hash
    TopicSet set = TopicSet.copyOf(List.of(Topic.of("ao"), Topic.of("c1")));
    assertThat(set).hasSize(2);
    assertThat(set.contains(Topic.of("ao"))).isTrue();
    assertThat(set.contains(Topic.of("c1"))).isTrue();
    assertThat(set.contains(Topic.of("c2"))).isFalse();
  }

  @Test
  void agreesWithAHashSetOnRandomTopics() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 200; round++) {
      List<Topic> given = new ArrayList<>();
      int size = random.nextInt(30);
      for (int i = 0; i < size; i++) {
        given.add(Topic.of("t" + random.nextInt(40)));
      }
      Set<Topic> expected = new HashSet<>(given);
      TopicSet set = TopicSet.copyOf(given);
      assertThat(set).hasSameSizeAs(expected).isEqualTo(expected);
      for (int probe = 0; probe < 40; probe++) {
        Topic topic = Topic.of("t" + probe);
        assertThat(set.contains(topic)).as(topic.slug()).isEqualTo(expected.contains(topic));
      }
    }
  }
}
