package org.pactbridge.core.release.compiled;

import java.util.Set;
import org.pactbridge.core.party.Topic;

/**
 * An item's topics as this snapshot's scopes see them: a bit mask over the topics they name, and
 * whether the item has a topic none of them names (then only an unrestricted scope covers it). The
 * mask is worked out when a restricted scope first asks, so a decision whose agreements cover all
 * topics, or that has none in force, never hashes a topic. For one decision or search, on one thread.
 */
public final class TopicMask {
  private final Set<Topic> topics;
  private final HopCheck owner;
  private boolean known;
  // the mask when the scopes name fewer than 64 topics, with the top bit set when no restricted
  // scope can cover the item; otherwise the whole mask is in wide
  long word;
  long[] wide;
  boolean uncoverable;

  TopicMask(Set<Topic> topics, HopCheck owner) {
    this.topics = topics;
    this.owner = owner;
  }

  /** Works the mask out, once: one hash look-up per topic. Small, so that it inlines and the object need not exist. */
  void know() {
    if (!known) {
      known = true;
      if (owner.narrow) {
        word = owner.narrowWord(topics);
        uncoverable = word < 0;
      } else {
        knowWide();
      }
    }
  }

  private void knowWide() {
    wide = new long[owner.topicWords];
    boolean unnamed = false;
    for (Topic topic : topics) {
      int number = owner.topicNumbers.numberOf(topic);
      if (number < 0) {
        unnamed = true;
      } else {
        wide[number >>> 6] |= 1L << number;
      }
    }
    uncoverable = unnamed || topics.isEmpty();
  }
}
