package org.pactbridge.core.logistics;

import java.util.Objects;
import org.pactbridge.core.party.PartyCode;

/**
 * One line of a double-entry ledger entry: a signed amount on one party's account under the entry's
 * agreement. Debits are positive, credits negative; the lines of every entry sum to zero in its
 * currency. A supplier's {@link Account#RECEIVABLE} grows when it provides support; a receiver's
 * {@link Account#PAYABLE} grows (negatively) when it receives and shrinks when it reimburses.
 */
public record Posting(PartyCode party, Account account, Money amount) {

  /** The two accounts each party holds per agreement and currency. */
  public enum Account {
    RECEIVABLE,
    PAYABLE
  }

  public Posting {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(amount, "amount");
  }

  public Posting negate() {
    return new Posting(party, account, amount.negate());
  }
}
