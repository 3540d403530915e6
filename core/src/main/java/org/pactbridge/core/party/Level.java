package org.pactbridge.core.party;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One level of a party's classification scheme. {@code rank} orders levels within a scheme: higher
 * is more protected, 0 is unclassified, and two levels may share a rank (Japan's 極秘 and 特定秘密).
 * Ranks of different parties are not comparable: only an agreement's equivalence table relates them.
 * Identity is the party and the code.
 */
public final class Level {
  private final PartyCode party;
  private final String code;
  private final int rank;
  private final String nativeName;
  private final String englishName;
  private final List<String> aliases;
  private final String qualified;
  private final int hash; // levels are hash keys on the hot path (equivalence tables)
  private final Optional<Level> asOptional;

  public Level(PartyCode party, String code, int rank, String nativeName, String englishName, List<String> aliases) {
    this.party = Objects.requireNonNull(party, "party");
    this.code = Objects.requireNonNull(code, "code");
    if (rank < 0) {
      throw new IllegalArgumentException("rank must be >= 0: " + rank);
    }
    this.rank = rank;
    this.nativeName = nativeName == null ? code : nativeName;
    this.englishName = englishName == null ? code : englishName;
    this.aliases = List.copyOf(aliases);
    this.qualified = party.value() + ":" + code;
    this.hash = party.hashCode() * 31 + code.hashCode();
    this.asOptional = Optional.of(this);
  }

  /** The unclassified level that every scheme has, at rank 0. */
  public static Level unclassified(PartyCode party) {
    return new Level(party, "UNCLASSIFIED", 0, "UNCLASSIFIED", "Unclassified", List.of("U", "UNCLASSIFIED"));
  }

  public PartyCode party() {
    return party;
  }

  public String code() {
    return code;
  }

  public int rank() {
    return rank;
  }

  public String nativeName() {
    return nativeName;
  }

  public String englishName() {
    return englishName;
  }

  public List<String> aliases() {
    return aliases;
  }

  public boolean isUnclassified() {
    return rank == 0;
  }

  /** {@code Optional.of(this)}, made once: decisions carry their recipient level as an Optional. */
  public Optional<Level> asOptional() {
    return asOptional;
  }

  /** {@code PARTY:CODE}, the form used in every output. */
  public String qualified() {
    return qualified;
  }

  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof Level level && level.party.equals(party) && level.code.equals(code));
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return qualified;
  }
}
