package org.pactbridge.core.logistics;

import java.time.Instant;

/**
 * What a transfer left the receiver owing: the entry that created it, what is still outstanding
 * after its reimbursements, and when it falls due (the transfer's date plus the settlement period of
 * the provisions in force then). Overdue when something is outstanding after the due instant.
 */
public record Obligation(LedgerEntry transfer, Money outstanding, Instant due, boolean dueAssumed, boolean overdue) {

  public boolean settled() {
    return outstanding.isZero();
  }
}
