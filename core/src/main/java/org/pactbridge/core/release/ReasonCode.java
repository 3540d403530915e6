package org.pactbridge.core.release;

/**
 * Stable reason codes. These names are a contract with scripts and peers: add codes, never rename or
 * repurpose one.
 */
public enum ReasonCode {
  ORIGINATOR,
  UNCLASSIFIED,
  NOFORN,
  NOT_RELEASABLE_TO,
  NO_AGREEMENT_IN_FORCE,
  LEVEL_NOT_COVERED,
  TOPIC_OUT_OF_SCOPE,
  THIRD_PARTY_CONSENT_REQUIRED,
  ORCON_CONSENT_REQUIRED,
  USER_NATIONALITY,
  USER_CLEARANCE,
  USER_NEED_TO_KNOW,
  ASSUMED_PROVISION,
  TERMINATION_PENDING,
  /** Informational: the agreement relied on permits the level and scope (rule 4 holds). */
  AGREEMENT_IN_FORCE,
  /** Informational: a consent the request carries satisfies the third-party rule. */
  CONSENT_RECORDED
}
