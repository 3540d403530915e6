package org.pactbridge.core.party;

import org.pactbridge.core.InvalidInputException;

/**
 * A party's identifier: an ISO 3166 alpha-3 code ({@code KOR}) or an organisation's tetragraph
 * ({@code NATO}). Validated on construction; compare with {@code equals}.
 *
 * <p>A value class with the shape of a record of one component, {@code value}: equal when the codes
 * are, hashed as the code's string. It is not a record because it keeps two more fields, worked out once:
 * the letters packed into an int, so that two codes compare without reading their strings (a decision
 * compares the request's codes with each other and with the registry's), and the string's hash.
 */
public final class PartyCode implements Comparable<PartyCode> {
  private final String value;
  // five bits a letter, 'A' = 1: distinct codes of three or four letters never share it
  private final int letters;
  private final int hash;

  public PartyCode(String value) {
    if (value == null || !isWellFormed(value)) {
      throw InvalidInputException.malformedParty(String.valueOf(value));
    }
    this.value = value;
    this.letters = pack(value);
    this.hash = value.hashCode();
  }

  private static int pack(String value) {
    int packed = 0;
    for (int i = 0; i < value.length(); i++) {
      packed = packed << 5 | (value.charAt(i) - 'A' + 1);
    }
    return packed;
  }

  /** The code's letters packed five bits each ({@code A} = 1): two codes are equal exactly when these are. Never 0. */
  public int letters() {
    return letters;
  }

  /** As {@link #letters()} for a string that may not be a well-formed code: 0 when it is not one. */
  public static int lettersOf(String value) {
    return value != null && isWellFormed(value) ? pack(value) : 0;
  }

  /** The code, as written: {@code KOR}. */
  public String value() {
    return value;
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

  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof PartyCode code && code.letters == letters);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public String toString() {
    return value;
  }
}
