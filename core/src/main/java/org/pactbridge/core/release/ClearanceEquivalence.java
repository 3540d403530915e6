package org.pactbridge.core.release;

import java.time.Instant;
import java.util.Optional;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * The level of a nation's own scheme against which its users' clearances are compared for a level of
 * another scheme: the way a co-originator's nationals read a JOINT item whose level is written in the
 * first originator's scheme.
 *
 * <p>A level of the nation's own scheme is compared as it stands, by the scheme's rank. A level of
 * another party's scheme is translated by the equivalence table of each information agreement between
 * that party and the nation that is in force at the instant; where several agreements translate it, the
 * highest translation is the one a user must be cleared to (the stricter reading). Where no agreement
 * in force translates the level, there is no way to compare, and the answer is empty: the caller must
 * then treat the user as not cleared. Stateless; cost: one look-up per agreement between the pair.
 */
public final class ClearanceEquivalence {
  private ClearanceEquivalence() {}

  /** The level of {@code nation}'s scheme that {@code level} is protected at, at {@code at}; empty when none can be found. */
  public static Optional<Level> inSchemeOf(Registry registry, Level level, PartyCode nation, Instant at) {
    if (level.party().equals(nation)) {
      return Optional.of(level);
    }
    Level strictest = null;
    for (Agreement agreement : registry.between(level.party(), nation, AgreementKind.INFORMATION)) {
      if (!agreement.statusAt(at).inForce()) {
        continue;
      }
      EquivalenceTable table = agreement.provisionsAt(at, InformationProvisions.class).equivalence().orElse(null);
      Level translated = table == null ? null : table.translateOrNull(level, nation);
      if (translated != null && (strictest == null || translated.rank() > strictest.rank())) {
        strictest = translated;
      }
    }
    return Optional.ofNullable(strictest);
  }

  /**
   * Whether a user of {@code clearance} (a level of their own nation's scheme) is cleared for {@code
   * level} at {@code at}; false when the level cannot be compared with their scheme.
   */
  public static boolean cleared(Registry registry, Level clearance, Level level, Instant at) {
    return inSchemeOf(registry, level, clearance.party(), at).map(own -> clearance.rank() >= own.rank()).orElse(false);
  }
}
