package org.pactbridge.core.party;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An immutable set of topics, iterated in the order first given, for membership tests on the hot path
 * (a user's need-to-know, asked for every topic of every item). The topics sit in an open-addressed
 * table at most half full, found by their kept hash and a mask: the JDK's immutable sets find a slot
 * with a division, which costs more than the rest of the look-up. Null elements are refused.
 */
public final class TopicSet extends AbstractSet<Topic> {
  private static final TopicSet EMPTY = new TopicSet(new Topic[0], new Topic[2]);

  private final Topic[] ordered;
  private final Topic[] table; // null marks an empty slot

  private TopicSet(Topic[] ordered, Topic[] table) {
    this.ordered = ordered;
    this.table = table;
  }

  /** The topics given, without repeats; the same set when it already is a TopicSet. */
  public static TopicSet copyOf(Collection<Topic> topics) {
    if (topics instanceof TopicSet set) {
      return set;
    }
    if (topics.isEmpty()) {
      return EMPTY;
    }
    int size = 2;
    while (size < 2 * topics.size()) {
      size <<= 1;
    }
    // filled before the set is made, so that its final fields publish both arrays whole
    Topic[] table = new Topic[size];
    Topic[] ordered = new Topic[topics.size()];
    int count = 0;
    for (Topic topic : topics) {
      if (topic == null) {
        throw new NullPointerException("a topic set holds no null");
      }
      int slot = slotOf(topic, table.length);
      while (table[slot] != null && !table[slot].equals(topic)) {
        slot = (slot + 1) & (table.length - 1);
      }
      if (table[slot] == null) {
        table[slot] = topic;
        ordered[count++] = topic;
      }
    }
    return new TopicSet(count == ordered.length ? ordered : Arrays.copyOf(ordered, count), table);
  }

  private static int slotOf(Object topic, int length) {
    int hash = topic.hashCode();
    return (hash ^ (hash >>> 16)) & (length - 1);
  }

  @Override
  public boolean contains(Object other) {
    if (!(other instanceof Topic)) {
      return false;
    }
    Topic[] slots = table;
    for (int slot = slotOf(other, slots.length); ; slot = (slot + 1) & (slots.length - 1)) {
      Topic held = slots[slot];
      if (held == null) {
        return false; // at most half full: an empty slot ends every probe
      }
      if (held.equals(other)) {
        return true;
      }
    }
  }

  @Override
  public boolean containsAll(Collection<?> others) {
    for (Object other : others) {
      if (!contains(other)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int size() {
    return ordered.length;
  }

  @Override
  public Iterator<Topic> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < ordered.length;
      }

      @Override
      public Topic next() {
        if (next >= ordered.length) {
          throw new NoSuchElementException();
        }
        return ordered[next++];
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
