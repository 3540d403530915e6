package org.pactbridge.core.release;

/**
 * The six rules of the release decision (DESIGN.md, "The release decision"), by name. {@link #number()}
 * is the rule's number in the design, which decisions' JSON shows as {@code rule}; code that asks which
 * rule a reason comes from compares names ({@code reason.code().rule() == RuleId.USER}), not numbers.
 */
public enum RuleId {
  /** Rule 1: the recipient is an originator. */
  ORIGINATOR(1),
  /** Rule 2: the item is unclassified or declassified. */
  UNCLASSIFIED(2),
  /** Rule 3: NOFORN and REL TO. */
  RELEASABILITY(3),
  /** Rule 4: an information agreement in force, covering the level and the topics. */
  AGREEMENT(4),
  /** Rule 5: the third-party rule and ORCON. */
  CONSENT(5),
  /** Rule 6: the recipient user's nationality, clearance and need-to-know. */
  USER(6);

  private final int number;

  RuleId(int number) {
    this.number = number;
  }

  public int number() {
    return number;
  }
}
