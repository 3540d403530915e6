package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.PartyCode;

/**
 * A request for support: the supplying and receiving parties, optionally the agreement it relies on
 * (otherwise every logistics agreement between the two is tried), the category and activity, where
 * and when, and optionally how much. Validated on construction: a negative quantity or value, or a
 * party supplying itself, is bad input.
 */
public record SupportRequest(
    PartyCode supplier,
    PartyCode receiver,
    AgreementId agreement,
    Category category,
    Activity activity,
    Location location,
    BigDecimal quantity,
    Money value,
    Instant at) {

  public SupportRequest {
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(receiver, "receiver");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(at, "at");
    if (supplier.equals(receiver)) {
      throw InvalidInputException.contradiction(supplier.value(), "the supplier and the receiver are the same party " + supplier);
    }
    if (quantity != null && quantity.signum() < 0) {
      throw negativeQuantity(quantity);
    }
    if (value != null && value.isNegative()) {
      throw InvalidInputException.invalid(
          "NEGATIVE_VALUE", value.amount().toPlainString(), "value must not be negative: " + value.amount().toPlainString());
    }
  }

  static InvalidInputException negativeQuantity(BigDecimal quantity) {
    return InvalidInputException.invalid(
        "NEGATIVE_QUANTITY", quantity.toPlainString(), "quantity must not be negative: " + quantity.toPlainString());
  }
}
