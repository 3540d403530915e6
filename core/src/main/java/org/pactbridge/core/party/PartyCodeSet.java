package org.pactbridge.core.party;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
    int[] letters = new int[values.size()];
    int count = 0;
    for (String value : values) {
      int code = PartyCode.lettersOf(value);
      if (code != 0) {
        letters[count++] = code;
      }
    }
    return ofLetters(letters, count);
  }

  /**
   * The codes a REL TO list releases to: those of its entries that are codes, and the members of the
   * communities it names. Built on arrays alone, so that the compiler can inline it where a label is
   * first decided without spending its inlining budget there (a hash set's code took all of it).
   */
  public static PartyCodeSet releasedBy(List<String> entries, Map<String, Community> communities) {
    int[] letters = new int[entries.size()];
    int count = 0;
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      int code = PartyCode.lettersOf(entry);
      if (code != 0) {
        letters[count++] = code;
      }
      Community community = communities.get(entry);
      if (community != null) {
        letters = Arrays.copyOf(letters, letters.length + community.members().size());
        for (PartyCode member : community.members()) {
          letters[count++] = member.letters();
        }
      }
    }
    return ofLetters(letters, count);
  }

  private static PartyCodeSet ofLetters(int[] letters, int count) {
    int bits = 1;
    while (1 << bits < 2 * count) {
      bits++;
    }
    // filled before the set is made, so that the final field publishes the whole table to any thread
    int[] table = new int[1 << bits];
    for (int i = 0; i < count; i++) {
      insert(table, 32 - bits, letters[i]);
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
