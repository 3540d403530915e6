package org.pactbridge.core.index;

import java.util.List;

/**
 * Numbers a fixed list of distinct keys 0 to n − 1, in list order, and finds a key's number by probing
 * an open-addressed table: no boxing and no entry objects, as a {@code HashMap<K, Integer>} would have,
 * and usually one comparison, by identity, when the caller holds the same instances. At most half
 * full. Immutable and thread-safe once built. For the hot path's look-ups: party codes to registry
 * indices, topics to bit numbers.
 */
public final class DenseIndex<K> {
  private final Object[] keys;
  private final int[] numbers;

  /** Numbers the keys in order; a key listed twice is an error. */
  public DenseIndex(List<K> list) {
    int slots = Integer.highestOneBit(Math.max(2, list.size()) * 2 - 1) * 2;
    this.keys = new Object[slots];
    this.numbers = new int[slots];
    for (int number = 0; number < list.size(); number++) {
      K key = list.get(number);
      int slot = slotOf(key);
      while (keys[slot] != null) {
        if (keys[slot].equals(key)) {
          throw new IllegalArgumentException("listed twice: " + key);
        }
        slot = (slot + 1) & (slots - 1);
      }
      keys[slot] = key;
      numbers[slot] = number;
    }
  }

  /** The key's number, or −1 when it is not one of the keys. */
  public int numberOf(K key) {
    Object[] table = keys;
    for (int slot = slotOf(key); ; slot = (slot + 1) & (table.length - 1)) {
      Object listed = table[slot];
      if (listed == null) {
        return -1;
      }
      if (listed == key || listed.equals(key)) {
        return numbers[slot];
      }
    }
  }

  private int slotOf(Object key) {
    int hash = key.hashCode();
    return (hash ^ (hash >>> 16)) & (keys.length - 1);
  }
}
