package org.pactbridge.core.agreement;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.party.Topic;

/**
 * The topics an agreement covers, or all of them. An item with no topics lies outside every
 * restricted scope: only an unrestricted scope covers it.
 */
public final class Scope {
  private static final Scope ALL = new Scope(null);

  private final Set<Topic> topics;

  private Scope(Set<Topic> topics) {
    // a private HashSet never modified after this: cheaper to probe than Set.copyOf's on the hot path
    this.topics = topics == null ? null : new HashSet<>(Set.copyOf(topics)); // copyOf rejects nulls
  }

  public static Scope all() {
    return ALL;
  }

  public static Scope of(Set<Topic> topics) {
    return new Scope(topics);
  }

  public boolean isUnrestricted() {
    return topics == null;
  }

  /** The covered topics, sorted; empty for an unrestricted scope. */
  public Set<Topic> topics() {
    return topics == null ? Set.of() : new TreeSet<>(topics);
  }

  /** Whether every topic of an item is covered. Cost: O(item topics). */
  public boolean covers(Set<Topic> itemTopics) {
    if (topics == null) {
      return true;
    }
    if (itemTopics.isEmpty()) {
      return false;
    }
    for (Topic topic : itemTopics) {
      if (!topics.contains(topic)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return topics == null ? "all" : topics().toString();
  }
}
