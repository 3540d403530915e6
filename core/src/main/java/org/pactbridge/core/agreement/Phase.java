package org.pactbridge.core.agreement;

/** Where an agreement stands at an instant, derived from its timeline. */
public enum Phase {
  /** Nothing has happened yet at that instant. */
  NONE,
  PROPOSED,
  NEGOTIATING,
  SIGNED,
  IN_FORCE,
  SUSPENDED,
  TERMINATED,
  EXPIRED,
  /** The record does not say (after a {@link EventType#STATUS_UNKNOWN} event): not relied on, as if not in force. */
  UNKNOWN;

  public boolean isTerminal() {
    return this == TERMINATED || this == EXPIRED;
  }
}
