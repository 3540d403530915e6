package org.pactbridge.core.logistics;

/**
 * Stable reason codes of a support decision. A contract with scripts and peers: add codes, never
 * rename or repurpose one.
 */
public enum SupportReasonCode {
  NO_AGREEMENT_IN_FORCE,
  CATEGORY_EXCLUDED,
  CATEGORY_NOT_COVERED,
  ACTIVITY_NOT_COVERED,
  AREA_RESTRICTED,
  ASSUMED_PROVISION,
  /** Informational: the agreement relied on is in force and covers the category and activity. */
  AGREEMENT_IN_FORCE,
  /** Informational: the agreement restricts where support may be given, and the request names no location. */
  AREA_NOT_CHECKED
}
