package org.pactbridge.bench.gate;

import java.util.EnumSet;
import java.util.Set;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;

/**
 * What the differential gate compares: the outcome, the recipient's level ({@code PARTY:CODE}, or
 * null), and the set of reason codes given (every code, informational ones included). Two engines
 * agree on a request when their verdicts are equal.
 */
public record Verdict(Outcome outcome, String recipientLevel, Set<ReasonCode> codes) {
  public Verdict {
    codes = codes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(codes));
  }

  public static Verdict of(Decision decision) {
    EnumSet<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    for (Reason reason : decision.reasons()) {
      codes.add(reason.code());
    }
    return new Verdict(decision.outcome(), decision.recipientLevel().map(level -> level.qualified()).orElse(null), codes);
  }

  @Override
  public String toString() {
    return outcome + " level=" + recipientLevel + " codes=" + new java.util.TreeSet<>(codes);
  }
}
