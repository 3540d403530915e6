package org.pactbridge.core.party;

import java.util.Collection;

/**
 * An immutable set of party codes for membership tests on the hot path: the codes' packed letters
 * ({@link PartyCode#letters()}) in an open-addressed table at most half full, so that a test is a
 * multiply, a mask and a scan of a few ints in one array, with no string read and no division.
 */
public final class PartyCodeSet {
  private final int[] table; // 0 marks an empty slot: no code packs to 0
  private final int shift;

  private PartyCodeSet(int[] table, int shift) {
    this.table = table;
    this.shift = shift;
  }

  /** The set of the strings that are well-formed codes; any other string is left out, as no code can equal it. */
  public static PartyCodeSet of(Collection<String> values) {
    int bits = 1;
    while (1 << bits < 2 * values.size()) {
      bits++;
    }
    // filled before the set is made, so that the final field publishes the whole table to any thread
    int[] table = new int[1 << bits];
    for (String value : values) {
      int letters = PartyCode.lettersOf(value);
      if (letters != 0) {
        insert(table, 32 - bits, letters);
      }
    }
    return new PartyCodeSet(table, 32 - bits);
  }

  private static void insert(int[] table, int shift, int letters) {
    int mask = table.length - 1;
    for (int slot = slotOf(letters, shift); ; slot = (slot + 1) & mask) {
      if (table[slot] == letters) {
        return;
      }
      if (table[slot] == 0) {
        table[slot] = letters;
        return;
      }
    }
  }

  private static int slotOf(int letters, int shift) {
    return (letters * 0x9E3779B9) >>> shift;
  }

  public boolean contains(PartyCode code) {
    int letters = code.letters();
    int[] slots = table;
    int mask = slots.length - 1;
    for (int slot = slotOf(letters, shift); ; slot = (slot + 1) & mask) {
      int held = slots[slot];
      if (held == letters) {
        return true;
      }
      if (held == 0) {
        return false; // the table is at most half full, so an empty slot ends every probe
      }
    }
  }
}
