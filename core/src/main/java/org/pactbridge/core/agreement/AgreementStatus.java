package org.pactbridge.core.agreement;

import java.time.Instant;

/**
 * An agreement's status at one instant. {@code terminationTakesEffect} is set while a termination
 * notice is running (and not suspended); {@code noticeSuspended} while a notice is suspended;
 * {@code assumed} when the instant that put the agreement in its phase is an assumed one.
 */
public record AgreementStatus(Phase phase, Instant since, Instant terminationTakesEffect, boolean noticeSuspended, boolean assumed) {
  public static final AgreementStatus NONE = new AgreementStatus(Phase.NONE, null, null, false, false);

  public boolean inForce() {
    return phase == Phase.IN_FORCE;
  }

  public boolean terminationPending() {
    return terminationTakesEffect != null;
  }

  /** The label the network picture uses: in force, termination notified, suspended, not yet in force, ended, unknown. */
  public String display() {
    return switch (phase) {
      case IN_FORCE -> terminationPending() ? "TERMINATION_NOTIFIED" : "IN_FORCE";
      case SUSPENDED -> "SUSPENDED";
      case TERMINATED, EXPIRED -> phase.name();
      case UNKNOWN -> "STATUS_UNKNOWN";
      default -> "NOT_YET_IN_FORCE";
    };
  }
}
