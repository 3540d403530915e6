package org.pactbridge.tdf;

import java.util.Objects;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * A classification level as an archive names it: the party whose scheme it is in and the level's code
 * ({@code NATO} / {@code NATO_SECRET}). A reader turns it into a {@link Level} with its own registry;
 * the archive cannot carry ranks, and a rank from a peer would be input, not truth.
 */
public record LevelRef(PartyCode party, String code) {
  public LevelRef {
    Objects.requireNonNull(party, "party");
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("a level needs a code");
    }
  }

  public static LevelRef of(Level level) {
    return new LevelRef(level.party(), level.code());
  }

  @Override
  public String toString() {
    return party.value() + ":" + code;
  }
}
