package org.pactbridge.core.release;

/**
 * Stable reason codes. These names are a contract with scripts and peers: add codes, never rename or
 * repurpose one. Each code belongs to one rule and always has the same effect on the outcome.
 */
public enum ReasonCode {
  ORIGINATOR(RuleId.ORIGINATOR, Effect.PERMIT),
  UNCLASSIFIED(RuleId.UNCLASSIFIED, Effect.INFO),
  NOFORN(RuleId.RELEASABILITY, Effect.DENY),
  NOT_RELEASABLE_TO(RuleId.RELEASABILITY, Effect.DENY),
  NO_AGREEMENT_IN_FORCE(RuleId.AGREEMENT, Effect.DENY),
  LEVEL_NOT_COVERED(RuleId.AGREEMENT, Effect.DENY),
  TOPIC_OUT_OF_SCOPE(RuleId.AGREEMENT, Effect.DENY),
  THIRD_PARTY_CONSENT_REQUIRED(RuleId.CONSENT, Effect.CONSENT),
  ORCON_CONSENT_REQUIRED(RuleId.CONSENT, Effect.CONSENT),
  USER_NATIONALITY(RuleId.USER, Effect.DENY),
  USER_CLEARANCE(RuleId.USER, Effect.DENY),
  USER_NEED_TO_KNOW(RuleId.USER, Effect.DENY),
  ASSUMED_PROVISION(RuleId.AGREEMENT, Effect.INFO),
  TERMINATION_PENDING(RuleId.AGREEMENT, Effect.INFO),
  /** Informational: the agreement relied on permits the level and scope (rule 4 holds). */
  AGREEMENT_IN_FORCE(RuleId.AGREEMENT, Effect.INFO),
  /** Informational: a consent the request carries satisfies the third-party rule. */
  CONSENT_RECORDED(RuleId.CONSENT, Effect.INFO),
  /**
   * Informational caution: an information agreement between the hop's parties has a status the record
   * does not know at the instant; it is not relied on, as if not in force.
   */
  STATUS_UNKNOWN(RuleId.AGREEMENT, Effect.INFO);

  private final RuleId rule;
  private final Effect effect;

  ReasonCode(RuleId rule, Effect effect) {
    this.rule = rule;
    this.effect = effect;
  }

  /** The rule that gives this code. */
  public RuleId rule() {
    return rule;
  }

  /** What a reason with this code does to the outcome. */
  public Effect effect() {
    return effect;
  }
}
