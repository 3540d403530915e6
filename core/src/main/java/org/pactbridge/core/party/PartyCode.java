package org.pactbridge.core.party;

import org.pactbridge.core.InvalidInputException;

/**
 * A party's identifier: an ISO 3166 alpha-3 code ({@code KOR}) or an organisation's tetragraph
 * ({@code NATO}). Validated on construction; compare with {@code equals}.
 */
public record PartyCode(String value) implements Comparable<PartyCode> {

  public PartyCode {
    if (value == null || !isWellFormed(value)) {
      throw InvalidInputException.malformedParty(String.valueOf(value));
    }
  }

  /** Reads a code, accepting lower case and surrounding blanks. */
  public static PartyCode parse(String token) {
    if (token == null) {
      throw InvalidInputException.malformedParty("null");
    }
    String trimmed = token.strip().toUpperCase(java.util.Locale.ROOT);
    if (!isWellFormed(trimmed)) {
      throw InvalidInputException.malformedParty(token);
    }
    return new PartyCode(trimmed);
  }

  public static PartyCode of(String value) {
    return new PartyCode(value);
  }

  private static boolean isWellFormed(String value) {
    int length = value.length();
    if (length < 3 || length > 4) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  /** Trigraphs (countries) sort before tetragraphs (organisations), as REL TO lists are written. */
  public boolean isTrigraph() {
    return value.length() == 3;
  }

  @Override
  public int compareTo(PartyCode other) {
    return value.compareTo(other.value);
  }

  // Equality and hash as the record's own (the code's value), with an identity fast path: codes are
  // hash keys on the hot path and are usually the registry's own instances.
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof PartyCode code && code.value.equals(value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
