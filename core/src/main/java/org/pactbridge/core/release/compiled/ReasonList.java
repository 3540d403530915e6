package org.pactbridge.core.release.compiled;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.pactbridge.core.release.Reason;

/**
 * A decision's reasons: filled by the engine, read-only to everyone else. Sized for the most a decision
 * can give ({@link #forDecision}), so adding never grows it: one array, and a hot path that stays small
 * enough for the compiler to inline whole.
 */
final class ReasonList extends AbstractList<Reason> implements RandomAccess {
  private final Reason[] reasons;
  private int size;

  private ReasonList(int capacity) {
    this.reasons = new Reason[capacity];
  }

  /**
   * Room for every reason a decision about an item with this many originators can give: rules 2 and 3
   * one each, each of the two hops three at most (in force, assumed, termination pending; or two
   * failures) and then {@code unknownPerHop} agreements whose status is unknown, one per originator for
   * rule 5, three for rule 6.
   */
  static ReasonList forDecision(int originators, int unknownPerHop) {
    return new ReasonList(11 + originators + 2 * unknownPerHop);
  }

  static ReasonList of(Reason reason) {
    ReasonList list = new ReasonList(1);
    list.append(reason);
    return list;
  }

  void append(Reason reason) {
    reasons[size++] = reason;
  }

  /** Appends every reason of a list made ahead (a lawful hop's). */
  void appendAll(java.util.List<Reason> more) {
    for (int i = 0; i < more.size(); i++) {
      reasons[size++] = more.get(i);
    }
  }

  @Override
  public Reason get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return reasons[index];
  }

  @Override
  public int size() {
    return size;
  }
}
