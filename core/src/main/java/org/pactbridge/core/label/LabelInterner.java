package org.pactbridge.core.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Interns labels (markings, access expressions, {@link SecurityLabel}s) to dense ids, so a store of
 * many items keeps one small int per item and a query decides each <em>distinct</em> label once.
 *
 * <p>Filtering N items for one user is then {@link #verdicts} (one decision per distinct label) and
 * {@link #select} (one array read per item, no allocation, no hashing): a million items take about a
 * millisecond whatever the cost of one decision. Interning is not thread-safe; a filled interner may be
 * read by many threads.
 */
public final class LabelInterner<L> {
  private final Map<L, Integer> ids = new HashMap<>();
  private final List<L> labels = new ArrayList<>();

  public LabelInterner() {}

  /** The label's id, assigning the next one on first sight. Cost: one hash look-up. */
  public int intern(L label) {
    Integer id = ids.get(label);
    if (id != null) {
      return id;
    }
    int next = labels.size();
    ids.put(label, next);
    labels.add(label);
    return next;
  }

  public L label(int id) {
    return labels.get(id);
  }

  /** The number of distinct labels. */
  public int size() {
    return labels.size();
  }

  /** One verdict per distinct label, indexed by id: {@code test} is called once per label. */
  public boolean[] verdicts(Predicate<? super L> test) {
    boolean[] verdicts = new boolean[labels.size()];
    for (int id = 0; id < verdicts.length; id++) {
      verdicts[id] = test.test(labels.get(id));
    }
    return verdicts;
  }

  /**
   * Marks in {@code selected} (a bit set of at least {@code items.length} bits) the items whose label's
   * verdict is true, and returns how many there are. Cost: one array read per item.
   */
  public static int select(int[] items, boolean[] verdicts, long[] selected) {
    if (selected.length * 64L < items.length) {
      throw new IllegalArgumentException("the bit set holds " + selected.length * 64L + " bits for " + items.length + " items");
    }
    // Branch-free: each verdict as 0 or 1, shifted into place; distinct labels are few, items many.
    long[] ones = new long[verdicts.length];
    for (int id = 0; id < verdicts.length; id++) {
      ones[id] = verdicts[id] ? 1L : 0L;
    }
    int count = 0;
    for (int word = 0, base = 0; base < items.length; word++, base += 64) {
      long bits = 0;
      int end = Math.min(64, items.length - base);
      for (int bit = 0; bit < end; bit++) {
        bits |= ones[items[base + bit]] << bit;
      }
      selected[word] = bits;
      count += Long.bitCount(bits);
    }
    return count;
  }
}
