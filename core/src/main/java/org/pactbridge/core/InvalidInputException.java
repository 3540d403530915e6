package org.pactbridge.core;

import java.util.Objects;

/**
 * Input that names something the registry does not know or that cannot be read. Carries the
 * offending token and a stable {@link #code()}, so a test can pin the message and a client can
 * branch on the code. Messages carry identifiers only, never item content.
 */
public final class InvalidInputException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String token;

  private InvalidInputException(String code, String token, String message) {
    super(message);
    this.code = code;
    this.token = token;
  }

  /** A stable reason code such as {@code UNKNOWN_PARTY}. */
  public String code() {
    return code;
  }

  /** The offending token, as given. */
  public String token() {
    return token;
  }

  public static InvalidInputException unknownParty(String token) {
    return new InvalidInputException(
        "UNKNOWN_PARTY", token, "unknown party '" + token + "' (expected an ISO 3166 alpha-3 code such as KOR, or NATO)");
  }

  public static InvalidInputException malformedParty(String token) {
    return new InvalidInputException(
        "MALFORMED_PARTY", token, "malformed party code '" + token + "' (expected three or four capital letters, such as KOR or NATO)");
  }

  public static InvalidInputException unknownLevel(String party, String token, String known) {
    return new InvalidInputException(
        "UNKNOWN_LEVEL", token, "unknown level '" + token + "' for party " + party + " (known: " + known + ")");
  }

  public static InvalidInputException levelNotInForce(String party, String token, String at) {
    return new InvalidInputException(
        "LEVEL_NOT_IN_SCHEME_AT", token, "level '" + token + "' is not part of " + party + "'s scheme at " + at);
  }

  public static InvalidInputException malformedDate(String token) {
    return new InvalidInputException(
        "MALFORMED_DATE", token,
        "malformed date '" + token + "' (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)");
  }

  public static InvalidInputException malformedTopic(String token) {
    return new InvalidInputException(
        "MALFORMED_TOPIC", token, "malformed topic '" + token + "' (expected a lower-case slug such as dprk-missile)");
  }

  public static InvalidInputException unknownAgreement(String token) {
    return new InvalidInputException("UNKNOWN_AGREEMENT", token, "unknown agreement '" + token + "'");
  }

  public static InvalidInputException contradiction(String token, String message) {
    return new InvalidInputException("CONTRADICTORY_INPUT", token, message);
  }

  public static InvalidInputException invalid(String code, String token, String message) {
    return new InvalidInputException(Objects.requireNonNull(code), token, message);
  }
}
