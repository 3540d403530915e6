package org.pactbridge.core.release.compiled;

import java.util.Map;
import org.pactbridge.core.agreement.Agreement;

/**
 * One party's information agreements (or the arrangements): their parties' indices, and where each
 * one's segments sit in the flat per-segment arrays, so that a walk over the party's agreements at an
 * instant reads memory in order instead of chasing an object per agreement.
 */
final class Side {
  final int[][] parties;
  final int[] first; // agreement k's segments are first[k] .. first[k + 1] - 1 of the flat arrays
  final Agreement[] agreements;

  Side(Agreement[] agreements, int base, Map<Agreement, Timeslice> timeslices, HopCheck owner) {
    this.agreements = agreements;
    this.parties = new int[agreements.length][];
    this.first = new int[agreements.length + 1];
    first[0] = base;
    for (int k = 0; k < agreements.length; k++) {
      Timeslice slice = timeslices.computeIfAbsent(agreements[k], agreement -> new Timeslice(agreement, owner));
      parties[k] = slice.parties;
      first[k + 1] = first[k] + slice.startSeconds.length;
    }
  }

  /** Where the next Side's segments start. */
  int end() {
    return first[agreements.length];
  }

  int positionOf(Agreement agreement) {
    for (int k = 0; k < agreements.length; k++) {
      if (agreements[k] == agreement) {
        return k;
      }
    }
    throw new IllegalStateException("agreement " + agreement.id() + " is not among the party's");
  }
}
