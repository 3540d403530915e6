package org.pactbridge.core.party;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a party's classification scheme: its levels, lowest first, in force from
 * {@link #validFrom()} (null: since always). The unclassified level is always present at rank 0.
 * Immutable and thread-safe; level look-up by code, native name or alias is a hash look-up after
 * normalisation (NFKC, upper case, blanks, dots, hyphens and underscores removed).
 */
public final class ClassificationScheme {
  private final PartyCode party;
  private final Instant validFrom;
  private final String name;
  private final List<Level> levels;
  private final Map<String, Level> byToken;
  private final Map<String, Level> byCode;

  public ClassificationScheme(PartyCode party, Instant validFrom, String name, List<Level> levelsLowestFirst) {
    this.party = party;
    this.validFrom = validFrom;
    this.name = name;
    List<Level> all = new ArrayList<>();
    boolean hasUnclassified = levelsLowestFirst.stream().anyMatch(Level::isUnclassified);
    if (!hasUnclassified) {
      all.add(Level.unclassified(party));
    }
    int previousRank = -1;
    for (Level level : levelsLowestFirst) {
      if (!level.party().equals(party)) {
        throw new IllegalArgumentException("level " + level + " does not belong to " + party);
      }
      if (level.rank() < previousRank) {
        throw new IllegalArgumentException("levels of " + party + " must be listed lowest first: " + level);
      }
      previousRank = level.rank();
      all.add(level);
    }
    this.levels = Collections.unmodifiableList(all);
    Map<String, Level> tokens = new HashMap<>();
    Map<String, Level> codes = new HashMap<>();
    for (Level level : all) {
      codes.put(level.code(), level);
      tokens.putIfAbsent(normalise(level.code()), level);
    }
    for (Level level : all) {
      tokens.putIfAbsent(normalise(level.nativeName()), level);
      for (String alias : level.aliases()) {
        tokens.putIfAbsent(normalise(alias), level);
      }
    }
    this.byToken = Map.copyOf(tokens);
    this.byCode = Map.copyOf(codes);
  }

  /**
   * The canonical form used to match level tokens: NFKC (so the Korean {@code Ⅱ}, U+2161, reads as
   * {@code II}), upper case, and blanks, dots, hyphens and underscores removed.
   */
  public static String normalise(String token) {
    String nfkc = Normalizer.normalize(token, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(nfkc.length());
    for (int i = 0; i < nfkc.length(); i++) {
      char c = nfkc.charAt(i);
      if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '.' && c != '\u00B7') {
        out.append(c);
      }
    }
    return out.toString();
  }

  public PartyCode party() {
    return party;
  }

  /** When this version took effect; {@code null} for a scheme with no known start. */
  public Instant validFrom() {
    return validFrom;
  }

  public String name() {
    return name;
  }

  /** All levels, lowest first, the unclassified level included. */
  public List<Level> levels() {
    return levels;
  }

  /** The classified levels, lowest first. */
  public List<Level> classifiedLevels() {
    return levels.stream().filter(level -> !level.isUnclassified()).toList();
  }

  /** By code exactly ({@code GOKUHI}); cheap. */
  public Optional<Level> findByCode(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** By code, native name or alias ({@code 極秘}, {@code gokuhi}, {@code 군사 Ⅱ급비밀}). */
  public Optional<Level> findLevel(String token) {
    Level exact = byCode.get(token);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(byToken.get(normalise(token)));
  }

  /** The highest classified level, or the unclassified one if the scheme has none. */
  public Level highest() {
    return levels.get(levels.size() - 1);
  }

  public String codesForMessage() {
    return String.join(", ", levels.stream().map(Level::code).toList());
  }
}
