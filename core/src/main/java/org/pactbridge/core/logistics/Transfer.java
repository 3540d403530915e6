package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.PartyCode;

/**
 * Support handed over under an agreement, as the ledger records it: who supplied what to whom, how
 * much, its value, and when. Validated on construction.
 */
public record Transfer(
    AgreementId agreement, PartyCode supplier, PartyCode receiver, Category category, BigDecimal quantity, Money value, Instant at) {

  public Transfer {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(at, "at");
    if (supplier.equals(receiver)) {
      throw InvalidInputException.contradiction(supplier.value(), "the supplier and the receiver are the same party " + supplier);
    }
    if (quantity != null && quantity.signum() < 0) {
      throw SupportRequest.negativeQuantity(quantity);
    }
    if (value.amount().signum() <= 0) {
      throw InvalidInputException.invalid(
          "NON_POSITIVE_VALUE", value.amount().toPlainString(), "the value of a transfer must be positive: " + value.amount().toPlainString());
    }
  }
}
