package org.pactbridge.core.agreement;

/** What an agreement says about onward release to a party that is not the originator. */
public enum ThirdPartyRule {
  /** No onward release without the originator's prior written consent: the default. */
  ORIGINATOR_CONSENT,
  /** Onward release is allowed without asking (ORCON items still need consent). */
  PERMITTED
}
