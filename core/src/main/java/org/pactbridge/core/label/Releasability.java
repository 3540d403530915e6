package org.pactbridge.core.label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.PartyCodeSet;

/**
 * To whom an item may be released beyond its originators: anyone an agreement allows ({@link #open()}),
 * nobody foreign ({@link #noforn()}), or only the parties and communities of a REL TO list. A community
 * whose members are unknown releases only to its listed members.
 */
public final class Releasability {
  private static final Releasability OPEN = new Releasability(false, null);
  private static final Releasability NOFORN = new Releasability(true, null);

  private final boolean noforn;
  private final List<String> relTo;
  private final Set<String> relToSet;
  private Expanded expanded; // see permits

  private Releasability(boolean noforn, List<String> relTo) {
    this.noforn = noforn;
    this.relTo = relTo == null ? null : List.copyOf(relTo);
    this.relToSet = relTo == null ? null : Set.copyOf(relTo);
  }

  /**
   * The canonical order of REL TO entries: {@code USA} first, then the other trigraphs alphabetically,
   * then tetragraphs and longer community names alphabetically.
   */
  public static final Comparator<String> CANONICAL_ORDER = Comparator
      .comparingInt((String entry) -> entry.equals("USA") ? 0 : entry.length() == 3 ? 1 : 2)
      .thenComparing(Comparator.naturalOrder());

  /** No releasability control: agreements alone decide. */
  public static Releasability open() {
    return OPEN;
  }

  public static Releasability noforn() {
    return NOFORN;
  }

  /** A REL TO list of party codes and community names, in the order given. */
  public static Releasability relTo(List<String> entries) {
    Objects.requireNonNull(entries, "entries");
    return new Releasability(false, entries);
  }

  /** The same control with its REL TO entries de-duplicated and in {@link #CANONICAL_ORDER}. */
  public Releasability canonical() {
    if (relTo == null) {
      return this;
    }
    boolean canonical = true;
    for (int i = 1; i < relTo.size() && canonical; i++) {
      canonical = CANONICAL_ORDER.compare(relTo.get(i - 1), relTo.get(i)) < 0;
    }
    if (canonical) {
      return this;
    }
    TreeSet<String> sorted = new TreeSet<>(CANONICAL_ORDER);
    sorted.addAll(relTo);
    return new Releasability(false, new ArrayList<>(sorted));
  }

  public boolean isNoforn() {
    return noforn;
  }

  public boolean hasRelTo() {
    return relTo != null;
  }

  /** The REL TO entries as given; empty when there is no list. */
  public List<String> relToEntries() {
    return relTo == null ? List.of() : relTo;
  }

  /**
   * Whether a foreign party may receive the item under this control. Communities are looked up in
   * {@code communities}; cost: one set look-up, once the list has been expanded for that map.
   */
  public boolean permits(PartyCode party, Map<String, Community> communities) {
    if (noforn) {
      return false;
    }
    if (relTo == null) {
      return true;
    }
    Expanded expanded = this.expanded;
    if (expanded == null || expanded.communities != communities) {
      expanded = expand(communities);
    }
    return expanded.parties.contains(party);
  }

  /**
   * The REL TO list with its communities replaced by their members, for one map of communities
   * (compared by identity: a registry snapshot's never changes). A label is decided many times, so
   * {@link #permits} then reads one set instead of looking up every entry as a community each time.
   * Racy but safe: the record's fields are final, and a thread that sees no expansion, or one for
   * another map, makes its own.
   */
  private record Expanded(Map<String, Community> communities, PartyCodeSet parties) {}

  private Expanded expand(Map<String, Community> communities) {
    Expanded made = new Expanded(communities, PartyCodeSet.releasedBy(relTo, communities));
    this.expanded = made;
    return made;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Releasability that && that.noforn == noforn && Objects.equals(that.relToSet, relToSet);
  }

  @Override
  public int hashCode() {
    return Objects.hash(noforn, relToSet);
  }

  @Override
  public String toString() {
    return noforn ? "NOFORN" : relTo == null ? "(open)" : "REL TO " + String.join(", ", relTo);
  }
}
