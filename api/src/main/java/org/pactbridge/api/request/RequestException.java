package org.pactbridge.api.request;

import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.PactbridgeException;

/**
 * A release request that cannot be read: the one error of {@link RequestReader}, whichever form the
 * request came in. It names the field as that form spells it ({@link #field()}: {@code --rel-to} on
 * the command line, {@code relTo} in a JSON body), carries a stable {@link #code()} (the core's code
 * when the core refused a token, such as {@code UNKNOWN_PARTY}), the offending {@link #token()}, and
 * for a marking or a date the {@link #index()} of the first character that is wrong. A JSON body that
 * cannot be mapped names the field by its JSON pointer ({@code /relTo}); one that is not JSON, the
 * line and column where reading stopped. Messages carry
 * field names, identifiers, markings and positions, never item content.
 */
public final class RequestException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  /** {@link #index()} when the error has no position. */
  public static final int NO_INDEX = -1;

  private final String code;
  private final String field;
  private final String token;
  private final int index;
  private final int line;
  private final int column;

  RequestException(String code, String field, String token, int index, String message) {
    this(code, field, token, index, 0, 0, message);
  }

  RequestException(String code, String field, String token, int index, int line, int column, String message) {
    super(message);
    this.code = code;
    this.field = field;
    this.token = token;
    this.index = index;
    this.line = line;
    this.column = column;
  }

  /** The core's refusal of one field's token, its code and message unchanged, with the field named. */
  static RequestException of(InvalidInputException refused, String field) {
    return new RequestException(refused.code(), field, refused.token(), NO_INDEX, refused.getMessage());
  }

  /** A stable reason code such as {@code MISSING_FIELD}, {@code BAD_MARKING} or {@code UNKNOWN_PARTY}. */
  public String code() {
    return code;
  }

  /** The field or option, as the request's form spells it ({@code relTo}, {@code --rel-to}). */
  public String field() {
    return field;
  }

  /** The offending token as given (for a missing field, the field's name). */
  public String token() {
    return token;
  }

  /** Where in the token the first wrong character is (markings and dates), or {@link #NO_INDEX}. */
  public int index() {
    return index;
  }

  /** For a body that is not valid JSON ({@code MALFORMED_JSON}): the line where reading stopped, from 1; else 0. */
  public int line() {
    return line;
  }

  /** For a body that is not valid JSON: the column where reading stopped, from 1; else 0. */
  public int column() {
    return column;
  }
}
