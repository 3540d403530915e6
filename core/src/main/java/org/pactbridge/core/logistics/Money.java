package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import org.pactbridge.core.InvalidInputException;

/**
 * An amount in an ISO 4217 currency. Amounts carry at most the currency's minor digits (two for USD,
 * none for JPY); arithmetic across currencies is refused with {@link #currencyMismatch}.
 */
public record Money(BigDecimal amount, String currency) {
  public Money {
    Objects.requireNonNull(amount, "amount");
    currency = requireCurrency(currency);
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    if (amount.stripTrailingZeros().scale() > digits) {
      throw InvalidInputException.invalid(
          "MALFORMED_AMOUNT", amount.toPlainString(), "amount " + amount.toPlainString() + " has more than " + digits + " decimals for " + currency);
    }
    amount = amount.setScale(digits);
  }

  public static Money of(String amount, String currency) {
    BigDecimal value;
    try {
      value = new BigDecimal(amount.strip());
    } catch (NumberFormatException | NullPointerException e) {
      throw InvalidInputException.invalid("MALFORMED_AMOUNT", String.valueOf(amount), "malformed amount '" + amount + "' (expected a decimal number such as 5000.00)");
    }
    return new Money(value, currency);
  }

  public static Money zero(String currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /** Reads an ISO 4217 code, upper-casing it; an unknown code is bad input. */
  public static String requireCurrency(String token) {
    String code = token == null ? "" : token.strip().toUpperCase(java.util.Locale.ROOT);
    if (!code.matches("[A-Z]{3}")) {
      throw unknownCurrency(token);
    }
    try {
      Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      throw unknownCurrency(token);
    }
    return code;
  }

  private static InvalidInputException unknownCurrency(String token) {
    return InvalidInputException.invalid("UNKNOWN_CURRENCY", String.valueOf(token), "unknown currency '" + token + "' (expected an ISO 4217 code such as USD or JPY)");
  }

  public static InvalidInputException currencyMismatch(String expected, String found) {
    return InvalidInputException.invalid(
        "CURRENCY_MISMATCH", found, "currency mismatch: expected " + expected + ", found " + found);
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public int compareAmount(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw currencyMismatch(currency, other.currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
