package org.pactbridge.core.agreement;

/** The kinds of dated event on an agreement's timeline. */
public enum EventType {
  PROPOSED,
  NEGOTIATING,
  SIGNED,
  IN_FORCE,
  /** New provisions apply from this instant; the status does not change. */
  AMENDED,
  /** A party gave notice of termination; it takes effect at {@link TimelineEvent#takesEffect()}. */
  TERMINATION_NOTICE,
  /** A running termination notice is withdrawn. */
  NOTICE_WITHDRAWN,
  /** A running termination notice is suspended: the agreement stays in force, the notice may be revived. */
  NOTICE_SUSPENDED,
  SUSPENDED,
  RESUMED,
  TERMINATED,
  EXPIRED,
  /**
   * The record's knowledge ends: from this instant the status is unknown (a signed agreement whose entry
   * into force no source gives). Such an agreement is not relied on, as if not in force, and a decision
   * that meets it says {@code STATUS_UNKNOWN}.
   */
  STATUS_UNKNOWN
}
