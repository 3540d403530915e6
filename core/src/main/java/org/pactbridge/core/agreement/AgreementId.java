package org.pactbridge.core.agreement;

import org.pactbridge.core.InvalidInputException;

/** An agreement's identifier as the reference data spells it ({@code ROK-JPN-GSOMIA-2016}). */
public record AgreementId(String value) implements Comparable<AgreementId> {
  public AgreementId {
    if (value == null || value.isBlank() || value.length() > 80 || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw InvalidInputException.invalid(
          "MALFORMED_AGREEMENT_ID", String.valueOf(value), "malformed agreement id '" + value + "' (letters, digits, '.', '_' and '-')");
    }
  }

  public static AgreementId of(String value) {
    return new AgreementId(value);
  }

  @Override
  public int compareTo(AgreementId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
