package org.pactbridge.core.release;

/** What a reason does to the outcome. */
public enum Effect {
  /** Rule 1: the recipient is the originator. */
  PERMIT,
  /** A rule that holds, or a caution that does not change the outcome. */
  INFO,
  /** A consent is missing. */
  CONSENT,
  /** A rule fails. */
  DENY
}
