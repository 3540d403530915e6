package org.pactbridge.core.party;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A nation or an organisation, with its classification scheme versioned by date (the UK changed
 * schemes on 2014-04-02, Japan added 特定秘密 on 2014-12-10). Immutable.
 */
public final class Party {
  /** Whether the party is a state or an international organisation. */
  public enum Kind {
    NATION,
    ORGANISATION
  }

  private final PartyCode code;
  private final String name;
  private final Kind kind;
  private final List<ClassificationScheme> schemes;
  private final boolean schemeAssumed;
  private final List<String> sources;

  public Party(PartyCode code, String name, Kind kind, List<ClassificationScheme> schemes, boolean schemeAssumed, List<String> sources) {
    this.code = Objects.requireNonNull(code);
    this.name = Objects.requireNonNull(name);
    this.kind = Objects.requireNonNull(kind);
    if (schemes.isEmpty()) {
      throw new IllegalArgumentException("party " + code + " needs at least one scheme");
    }
    List<ClassificationScheme> sorted = new ArrayList<>(schemes);
    sorted.sort(Comparator.comparing(ClassificationScheme::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
    this.schemes = List.copyOf(sorted);
    this.schemeAssumed = schemeAssumed;
    this.sources = List.copyOf(sources);
  }

  public PartyCode code() {
    return code;
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** Scheme versions, oldest first. */
  public List<ClassificationScheme> schemes() {
    return schemes;
  }

  /** True when the party's levels are modelled, not sourced. */
  public boolean schemeAssumed() {
    return schemeAssumed;
  }

  public List<String> sources() {
    return sources;
  }

  /** The scheme version in force at {@code at} (the oldest one before any version starts). */
  public ClassificationScheme schemeAt(Instant at) {
    ClassificationScheme current = schemes.get(0);
    for (ClassificationScheme scheme : schemes) {
      if (scheme.validFrom() == null || !scheme.validFrom().isAfter(at)) {
        current = scheme;
      }
    }
    return current;
  }

  /** A level of the scheme in force at {@code at}. */
  public Optional<Level> findLevel(String token, Instant at) {
    return schemeAt(at).findLevel(token);
  }

  /** A level of any scheme version, newest first: for data that names levels without a date. */
  public Optional<Level> findLevelInAnyVersion(String token) {
    for (int i = schemes.size() - 1; i >= 0; i--) {
      Optional<Level> level = schemes.get(i).findLevel(token);
      if (level.isPresent()) {
        return level;
      }
    }
    return Optional.empty();
  }

  /** Every level of every version by code, newest version winning. */
  public Map<String, Level> allLevelsByCode() {
    Map<String, Level> all = new LinkedHashMap<>();
    for (ClassificationScheme scheme : schemes) {
      for (Level level : scheme.levels()) {
        all.put(level.code(), level);
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return code.value();
  }
}
