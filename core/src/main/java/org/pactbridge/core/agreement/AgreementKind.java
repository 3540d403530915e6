package org.pactbridge.core.agreement;

/** What an agreement governs. */
public enum AgreementKind {
  /** Protection and exchange of classified information (GSOMIA, GSOIA, ISA, and MOUs to that end). */
  INFORMATION,
  /** Mutual logistics support (ACSA, MLSA). */
  LOGISTICS,
  /** Rides on existing agreements and defines a channel, such as the trilateral arrangement with a hub. */
  ARRANGEMENT
}
