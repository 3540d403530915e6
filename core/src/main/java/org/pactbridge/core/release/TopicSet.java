package org.pactbridge.core.release;

import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.index.DenseIndex;

/**
 * An immutable set of topics, iterated in the order first given, for membership tests on the hot path
 * (a user's need-to-know, asked for every topic of every item). Membership is a {@link DenseIndex}
 * probe, by the topics' kept hashes and a mask: the JDK's immutable sets find a slot with a division,
 * which costs more than the rest of the look-up. Null elements are refused.
 */
final class TopicSet extends AbstractSet<Topic> {
  private final List<Topic> ordered;
  private final DenseIndex<Topic> index;

  private TopicSet(List<Topic> ordered) {
    this.ordered = ordered;
    this.index = new DenseIndex<>(ordered);
  }

  /** The topics given, without repeats; the same set when it already is a TopicSet. */
  static TopicSet copyOf(Collection<Topic> topics) {
    if (topics instanceof TopicSet set) {
      return set;
    }
    // List.copyOf refuses a null element
    return new TopicSet(List.copyOf(new LinkedHashSet<>(topics)));
  }

  @Override
  public boolean contains(Object other) {
    return other instanceof Topic topic && index.numberOf(topic) >= 0;
  }

  @Override
  public int size() {
    return ordered.size();
  }

  @Override
  public Iterator<Topic> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ordered.size();
      }

      @Override
      public Topic next() {
        if (next >= ordered.size()) {
          throw new NoSuchElementException();
        }
        return ordered.get(next++);
      }
    };
  }

  /** Unsupported: the set is immutable. */
  @Override
  public boolean add(Topic topic) {
    throw new UnsupportedOperationException("a topic set is immutable");
  }

  /** Unsupported: the set is immutable. */
  @Override
  public boolean remove(Object topic) {
    throw new UnsupportedOperationException("a topic set is immutable");
  }
}
