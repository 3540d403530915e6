package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;

/**
 * One appended ledger entry, numbered from 1 in append order. {@code supplier} and {@code receiver}
 * are those of the transfer (for a reimbursement: of the obligation it settles, the receiver paying
 * the supplier). {@code category} and {@code quantity} are set on transfers; {@code mode} on
 * reimbursements; {@code refers} names the obligation a reimbursement settles or the entry a reversal
 * cancels. The postings always balance: the constructor refuses lines that do not sum to zero.
 */
public record LedgerEntry(
    long sequence,
    EntryType type,
    AgreementId agreement,
    PartyCode supplier,
    PartyCode receiver,
    Category category,
    BigDecimal quantity,
    Money value,
    ReimbursementMode mode,
    Long refers,
    Instant at,
    List<Posting> postings) {

  public LedgerEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("ledger sequence numbers start at 1: " + sequence);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
    postings = List.copyOf(postings);
    if (postings.size() < 2) {
      throw new IllegalArgumentException("a double-entry ledger entry has at least two lines");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Posting posting : postings) {
      if (!posting.amount().currency().equals(value.currency())) {
        throw Money.currencyMismatch(value.currency(), posting.amount().currency());
      }
      sum = sum.add(posting.amount().amount());
    }
    if (sum.signum() != 0) {
      throw new IllegalArgumentException("ledger entry " + sequence + " does not balance: its lines sum to " + sum.toPlainString());
    }
    if ((type == EntryType.REIMBURSE || type == EntryType.REVERSE) && refers == null) {
      throw new IllegalArgumentException(type + " entry " + sequence + " must refer to an earlier entry");
    }
    if (type == EntryType.REIMBURSE && mode == null) {
      throw new IllegalArgumentException("reimbursement " + sequence + " needs a mode");
    }
  }

  /** The net effect of this entry on one party: what it is owed more (positive) or owes more (negative). */
  public BigDecimal effectOn(PartyCode party) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Posting posting : postings) {
      if (posting.party().equals(party)) {
        sum = sum.add(posting.amount().amount());
      }
    }
    return sum;
  }

  public boolean involves(PartyCode party) {
    return supplier.equals(party) || receiver.equals(party);
  }
}
