package org.pactbridge.api.request;

import java.util.Locale;

/**
 * The form a release request came in, which decides only how its errors name a field: the
 * {@code pactbridge check} options ({@code --rel-to}) or the JSON body of {@code POST
 * /api/v1/decisions} ({@code relTo}). The validation is the same for both.
 */
public enum RequestForm {
  OPTIONS,
  BODY;

  /** The field's name in this form; {@code field} is the body's camelCase name. */
  public String name(String field) {
    if (this == BODY) {
      return field;
    }
    if (field.equals("consents")) {
      return "--consent"; // the one option whose name is not its field's: each flag names one party
    }
    StringBuilder option = new StringBuilder("--");
    for (char c : field.toCharArray()) {
      if (Character.isUpperCase(c)) {
        option.append('-').append(Character.toLowerCase(c));
      } else {
        option.append(c);
      }
    }
    return option.toString().toLowerCase(Locale.ROOT);
  }

  /** A field with its value, as an error quotes it: {@code --level III}, {@code field 'level' (III)}. */
  String quote(String field, String value) {
    if (this == BODY) {
      return "field '" + field + "'" + (value == null ? "" : " (" + value + ")");
    }
    return name(field) + (value == null ? "" : " " + value);
  }

  /** The marking, as an error about a field that contradicts it names it. */
  String marking(String marking) {
    return this == BODY ? "the marking '" + marking.strip() + "'" : name("marking");
  }

  /** The message for a missing field; {@code alternative}, when not null, could have stood in for it. */
  String missing(String field, String alternative) {
    if (this == BODY) {
      return "missing field '" + field + "'" + (alternative == null ? "" : " (or '" + alternative + "')");
    }
    return "missing " + name(field) + (alternative == null ? "" : " (or " + name(alternative) + ")");
  }
}
