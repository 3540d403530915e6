package org.pactbridge.core.logistics.terms;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.party.PartyCode;

/**
 * Where the supplying party's forces may give support. {@code supplier} is the party whose forces are
 * restricted; {@code supporting} narrows the rule to support given to that party (null: to anyone).
 * Under {@link Rule#OUTSIDE} a location in any named zone is refused; under {@link Rule#INSIDE} a
 * location in none of them is. The restriction applies from {@code from} (null: from the start of the
 * provisions version that carries it), so a rule that a later instrument set (the 1997 Guidelines) can
 * sit on an earlier version of the agreement.
 */
public record AreaRestriction(
    PartyCode supplier,
    PartyCode supporting,
    Rule rule,
    List<String> zones,
    Instant from,
    boolean assumed,
    List<String> sources,
    String note) {

  /** Whether the supplier's forces must stay outside the zones or inside one of them. */
  public enum Rule {
    OUTSIDE,
    INSIDE
  }

  public AreaRestriction {
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(rule, "rule");
    zones = List.copyOf(zones);
    if (zones.isEmpty()) {
      throw new IllegalArgumentException("an area restriction names at least one zone");
    }
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
  }

  /** Whether the restriction governs support from {@code from} to {@code to} at {@code at}. */
  public boolean appliesTo(PartyCode from, PartyCode to, Instant at) {
    return supplier.equals(from) && (supporting == null || supporting.equals(to)) && (this.from == null || !this.from.isAfter(at));
  }
}
