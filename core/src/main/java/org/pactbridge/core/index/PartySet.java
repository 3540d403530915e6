package org.pactbridge.core.index;

/**
 * Sets of parties by registry index ({@code Registry.indexOf}) as bit
 * words: membership is a shift and a mask, and two sets meet in a handful of word ANDs. The route search
 * keeps its visited, possible-last-sender and releasable parties in them.
 */
public final class PartySet {
  private PartySet() {}

  /** The words a set over {@code parties} parties needs. */
  public static int words(int parties) {
    return (parties + 63) >>> 6;
  }

  public static void add(long[] set, int party) {
    set[party >>> 6] |= 1L << party;
  }

  public static void remove(long[] set, int party) {
    set[party >>> 6] &= ~(1L << party);
  }

  public static boolean contains(long[] set, int party) {
    return (set[party >>> 6] & (1L << party)) != 0;
  }

  /** Whether the two sets (of the same size) share a member. */
  public static boolean intersects(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      if ((a[i] & b[i]) != 0) {
        return true;
      }
    }
    return false;
  }
}
