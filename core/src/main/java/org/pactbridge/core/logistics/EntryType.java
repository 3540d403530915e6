package org.pactbridge.core.logistics;

/**
 * The kinds of ledger entry. {@link #PROVIDE} and {@link #RECEIVE} are the two sides' records of a
 * transfer of support (the supplier's and the receiver's): both create an obligation of the receiver
 * towards the supplier. {@link #REIMBURSE} settles an obligation in part or in full, in one of the
 * agreement's modes. {@link #REVERSE} cancels an earlier entry by posting its lines negated: the
 * ledger is never corrected in place.
 */
public enum EntryType {
  PROVIDE,
  RECEIVE,
  REIMBURSE,
  REVERSE;

  public boolean createsObligation() {
    return this == PROVIDE || this == RECEIVE;
  }
}
