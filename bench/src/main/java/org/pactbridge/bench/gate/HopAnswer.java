package org.pactbridge.bench.gate;

import org.pactbridge.core.agreement.ThirdPartyRule;

/**
 * A peer's answer to rule 4 for one hop: lawful with the receiver's level ({@code PARTY:CODE}), the
 * agreement relied on, its third-party rule and cautions; or unlawful with why ({@code noAgreement},
 * else {@code scopeFails} and/or {@code levelFails} for the first agreement in force).
 */
public record HopAnswer(
    boolean lawful, String level, String agreement, ThirdPartyRule rule, boolean assumed, boolean terminationPending,
    boolean noAgreement, boolean scopeFails, boolean levelFails) {

  public static final HopAnswer NO_AGREEMENT = new HopAnswer(false, null, null, null, false, false, true, false, false);

  public static HopAnswer lawful(String level, String agreement, ThirdPartyRule rule, boolean assumed, boolean pending) {
    return new HopAnswer(true, level, agreement, rule, assumed, pending, false, false, false);
  }

  public static HopAnswer failing(String agreement, boolean scopeFails, boolean levelFails) {
    return new HopAnswer(false, null, agreement, null, false, false, false, scopeFails, levelFails);
  }
}
