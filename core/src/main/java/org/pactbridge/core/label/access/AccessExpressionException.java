package org.pactbridge.core.label.access;

import org.pactbridge.core.label.LabelParseException;

/** An access expression that does not follow the grammar; {@link #index()} points at the fault. */
public final class AccessExpressionException extends LabelParseException {
  private static final long serialVersionUID = 1L;

  private AccessExpressionException(String code, int index, String expected, String found) {
    super(code, index, expected, found, "access expression " + describe(index, expected, found));
  }

  static AccessExpressionException unexpected(int index, String expected, String found) {
    return new AccessExpressionException("MALFORMED_ACCESS_EXPRESSION", index, expected, found);
  }

  static AccessExpressionException mixedOperators(int index, char operator, char other) {
    return new AccessExpressionException(
        "MIXED_OPERATORS", index, "'" + operator + "' or ')' (use parentheses to mix '&' and '|')", "'" + other + "'");
  }

  static AccessExpressionException emptyQuotedToken(int index) {
    return new AccessExpressionException("EMPTY_QUOTED_TOKEN", index, "a non-empty quoted token", "\"\"");
  }

  static AccessExpressionException badEscape(int index, String found) {
    return new AccessExpressionException("BAD_ESCAPE", index, "\\\" or \\\\ after a backslash", found);
  }
}
