package org.pactbridge.core.item;

import java.util.Locale;
import org.pactbridge.core.InvalidInputException;

/**
 * An item's title, given at registration. It is protected like the item's content: stored encrypted,
 * shown only to those who may see the item, and never logged. So {@link #toString()} does not print it,
 * and validation errors name the position of the fault, never the text. {@link #NONE} is the empty title
 * of items registered without one.
 *
 * <p>A title is at most {@value #MAX_LENGTH} characters (Unicode code points) with no control character.
 */
public record ItemTitle(String value) {
  public static final int MAX_LENGTH = 200;
  public static final ItemTitle NONE = new ItemTitle("");

  public ItemTitle {
    if (value == null) {
      value = "";
    }
    int length = value.codePointCount(0, value.length());
    if (length > MAX_LENGTH) {
      throw InvalidInputException.invalid("INVALID_TITLE", "title",
          "the title has " + length + " characters; at most " + MAX_LENGTH + " are allowed");
    }
    for (int index = 0; index < value.length(); ) {
      int codePoint = value.codePointAt(index);
      if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.LINE_SEPARATOR
          || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR) {
        throw InvalidInputException.invalid("INVALID_TITLE", "title",
            "the title has a control character (U+" + String.format(Locale.ROOT, "%04X", codePoint) + ") at index " + index
                + "; a title is one line of text");
      }
      index += Character.charCount(codePoint);
    }
  }

  /** The title, or {@link #NONE} for null or empty text. */
  public static ItemTitle of(String value) {
    return value == null || value.isEmpty() ? NONE : new ItemTitle(value);
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  /**
   * Whether the title contains {@code query}, ignoring case (Unicode case folding by lower-casing both in
   * the root locale). A blank query matches every title. Cost: linear in the title's length.
   */
  public boolean matches(String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    return value.toLowerCase(Locale.ROOT).contains(query.strip().toLowerCase(Locale.ROOT));
  }

  /** Never the title itself: a title must not reach a log line through string concatenation. */
  @Override
  public String toString() {
    return "ItemTitle[" + value.codePointCount(0, value.length()) + " characters]";
  }
}
