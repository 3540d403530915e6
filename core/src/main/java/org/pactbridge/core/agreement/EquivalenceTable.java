package org.pactbridge.core.agreement;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * An agreement's classification equivalence table: rows that pair levels of each party. A level in no
 * row is not covered. Where a row holds two levels of one party (極秘 and 特定秘密 both pair with
 * KOR II), translation takes the first one listed. Immutable; translation is two hash look-ups.
 */
public final class EquivalenceTable {
  private final List<Map<PartyCode, List<Level>>> rows;
  private final Map<Level, Integer> rowOfLevel;
  private final boolean assumed;
  private final List<String> sources;
  private final String note;

  public EquivalenceTable(List<Map<PartyCode, List<Level>>> rows, boolean assumed, List<String> sources, String note) {
    this.rows = rows.stream().map(row -> Map.copyOf(row)).toList();
    Map<Level, Integer> index = new HashMap<>();
    for (int i = 0; i < this.rows.size(); i++) {
      for (List<Level> levels : this.rows.get(i).values()) {
        for (Level level : levels) {
          Integer previous = index.putIfAbsent(level, i);
          if (previous != null) {
            throw new IllegalArgumentException("level " + level + " appears in two rows of an equivalence table");
          }
        }
      }
    }
    this.rowOfLevel = Map.copyOf(index);
    this.assumed = assumed;
    this.sources = List.copyOf(sources);
    this.note = note == null ? "" : note;
  }

  public List<Map<PartyCode, List<Level>>> rows() {
    return rows;
  }

  public boolean assumed() {
    return assumed;
  }

  public List<String> sources() {
    return sources;
  }

  public String note() {
    return note;
  }

  public boolean covers(Level level) {
    return rowOfLevel.containsKey(level);
  }

  /** The recipient's level for {@code level}, or empty when the level is not covered. */
  public Optional<Level> translate(Level level, PartyCode recipient) {
    Level translated = translateOrNull(level, recipient);
    return Optional.ofNullable(translated);
  }

  /** As {@link #translate} without the Optional, for the hot path. */
  public Level translateOrNull(Level level, PartyCode recipient) {
    Integer row = rowOfLevel.get(level);
    if (row == null) {
      return null;
    }
    List<Level> levels = rows.get(row).get(recipient);
    return levels == null || levels.isEmpty() ? null : levels.get(0);
  }
}
