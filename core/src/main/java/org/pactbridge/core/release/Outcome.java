package org.pactbridge.core.release;

/** The three answers a release decision gives. */
public enum Outcome {
  PERMIT,
  CONSENT_REQUIRED,
  DENY
}
