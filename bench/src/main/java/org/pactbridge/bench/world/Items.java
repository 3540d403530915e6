package org.pactbridge.bench.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * The generated items, stored column by column so that a million of them take a few tens of
 * megabytes: originator (party index), level (index into the originator's levels, 0 = unclassified),
 * flags, REL TO entries (party indices, or {@code -1 - community} for a community), topics as a bit set
 * over the world's topics, and an optional declassification day. Immutable once built.
 *
 * <p>This is also the hook for the filtering workload (one user, a million items): a filter reads the
 * columns directly, or {@link #releasability(int)}/{@link #topics(int)} for one item.
 */
public final class Items {
  public static final byte ORCON = 1;
  public static final byte NOFORN = 2;
  public static final byte REL_TO = 4;
  public static final int NO_DECLASSIFICATION = Integer.MIN_VALUE;

  private final GeneratedWorld.Names names;
  final int[] originator;
  final byte[] level;
  final byte[] flags;
  final int[] relToStart;
  final short[] relToEntries;
  final long[] topics;
  final int[] declassifyDay;

  Items(GeneratedWorld.Names names, int[] originator, byte[] level, byte[] flags, int[] relToStart, short[] relToEntries, long[] topics, int[] declassifyDay) {
    this.names = names;
    this.originator = originator;
    this.level = level;
    this.flags = flags;
    this.relToStart = relToStart;
    this.relToEntries = relToEntries;
    this.topics = topics;
    this.declassifyDay = declassifyDay;
  }

  public int size() {
    return originator.length;
  }

  public int originatorIndex(int item) {
    return originator[item];
  }

  public PartyCode originator(int item) {
    return names.party(originator[item]);
  }

  public Level level(int item) {
    return names.levels(originator[item])[level[item]];
  }

  public boolean orcon(int item) {
    return (flags[item] & ORCON) != 0;
  }

  public boolean noforn(int item) {
    return (flags[item] & NOFORN) != 0;
  }

  /** The topics as a bit set: bit {@code t} is the world's topic {@code t}. */
  public long topicBits(int item) {
    return topics[item];
  }

  public Set<Topic> topics(int item) {
    return names.topics(topics[item]);
  }

  /** The REL TO entries: party indices, or {@code -1 - c} for community {@code c}. Empty when there is no list. */
  public short[] relToEntries(int item) {
    if ((flags[item] & REL_TO) == 0) {
      return new short[0];
    }
    short[] out = new short[relToStart[item + 1] - relToStart[item]];
    System.arraycopy(relToEntries, relToStart[item], out, 0, out.length);
    return out;
  }

  public Releasability releasability(int item) {
    if (noforn(item)) {
      return Releasability.noforn();
    }
    if ((flags[item] & REL_TO) == 0) {
      return Releasability.open();
    }
    List<String> entries = new ArrayList<>(relToStart[item + 1] - relToStart[item]);
    for (int i = relToStart[item]; i < relToStart[item + 1]; i++) {
      short entry = relToEntries[i];
      entries.add(entry >= 0 ? names.party(entry).value() : names.community(-1 - entry));
    }
    return Releasability.relTo(entries);
  }

  /** The declassification instant, or null. */
  public Instant declassifyOn(int item) {
    int day = declassifyDay[item];
    return day == NO_DECLASSIFICATION ? null : Instant.ofEpochSecond(day * 86_400L);
  }

  static Set<Topic> topicSet(Topic[] all, long bits) {
    Set<Topic> out = new LinkedHashSet<>();
    long rest = bits;
    while (rest != 0) {
      int t = Long.numberOfTrailingZeros(rest);
      out.add(all[t]);
      rest &= rest - 1;
    }
    return out;
  }
}
