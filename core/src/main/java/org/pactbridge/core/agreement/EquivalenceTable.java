package org.pactbridge.core.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * An agreement's classification equivalence table: rows that pair levels of each party. A level in no
 * row is not covered. Where a row holds two levels of one party (極秘 and 特定秘密 both pair with
 * KOR II), translation takes the first one listed. Immutable; translation is one hash look-up
 * and a scan of a row's few parties.
 */
public final class EquivalenceTable {
  private final List<Map<PartyCode, List<Level>>> rows;
  private final Map<Level, Integer> rowOfLevel;
  // for each covered level, its row's translations: one hash probe and a scan of a row's few parties
  private final Map<Level, Translation> translationOfLevel;
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
    List<Translation> translations = new ArrayList<>(this.rows.size());
    for (Map<PartyCode, List<Level>> row : this.rows) {
      List<PartyCode> parties = new ArrayList<>(row.size());
      List<Level> firsts = new ArrayList<>(row.size());
      for (Map.Entry<PartyCode, List<Level>> entry : row.entrySet()) {
        if (!entry.getValue().isEmpty()) {
          parties.add(entry.getKey());
          firsts.add(entry.getValue().get(0));
        }
      }
      translations.add(new Translation(parties.toArray(new PartyCode[0]), firsts.toArray(new Level[0])));
    }
    Map<Level, Translation> byLevel = new HashMap<>();
    for (Map.Entry<Level, Integer> entry : index.entrySet()) {
      byLevel.put(entry.getKey(), translations.get(entry.getValue()));
    }
    this.translationOfLevel = byLevel; // a HashMap never modified after this: cheaper to probe than Map.copyOf's
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
    Translation translation = translationOfLevel.get(level);
    if (translation == null) {
      return null;
    }
    PartyCode[] parties = translation.parties;
    for (int i = 0; i < parties.length; i++) {
      if (parties[i].equals(recipient)) {
        return translation.firsts[i];
      }
    }
    return null;
  }

  /** One row's parties that have a level in it, and the first level each has there. */
  private static final class Translation {
    final PartyCode[] parties;
    final Level[] firsts;

    Translation(PartyCode[] parties, Level[] firsts) {
      this.parties = parties;
      this.firsts = firsts;
    }
  }
}
