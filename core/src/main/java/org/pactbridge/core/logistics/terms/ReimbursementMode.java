package org.pactbridge.core.logistics.terms;

import java.util.Locale;
import org.pactbridge.core.InvalidInputException;

/** How a receiving party settles support it received. */
public enum ReimbursementMode {
  CASH("cash"),
  /** Goods of the same kind, quality and quantity are returned. */
  REPLACEMENT_IN_KIND("replacement-in-kind"),
  /** Supplies or services agreed to be of equal value are provided in return. */
  EQUAL_VALUE_EXCHANGE("equal-value-exchange");

  private final String slug;

  ReimbursementMode(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static ReimbursementMode parse(String token) {
    String wanted = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
    for (ReimbursementMode mode : values()) {
      if (mode.slug.equals(wanted)) {
        return mode;
      }
    }
    throw InvalidInputException.invalid(
        "UNKNOWN_REIMBURSEMENT_MODE", String.valueOf(token),
        "unknown reimbursement mode '" + token + "' (known: cash, replacement-in-kind, equal-value-exchange)");
  }

  @Override
  public String toString() {
    return slug;
  }
}
