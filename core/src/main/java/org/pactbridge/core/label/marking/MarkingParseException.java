package org.pactbridge.core.label.marking;

import java.util.List;
import org.pactbridge.core.label.LabelParseException;

/**
 * A marking with at least one error. {@link #index()} and {@link #code()} are those of the first
 * error; {@link #diagnostics()} holds every finding, warnings included.
 */
public final class MarkingParseException extends LabelParseException {
  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  MarkingParseException(String input, Diagnostic first, List<Diagnostic> diagnostics) {
    super(first.code(), first.index(), "see the message", tokenAt(input, first.index()),
        "marking: " + first.message() + " (at index " + first.index() + ")");
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** The token starting at {@code index}, up to the next separator, quoted; or {@code end of input}. */
  private static String tokenAt(String input, int index) {
    if (index >= input.length()) {
      return "end of input";
    }
    int end = index;
    while (end < input.length() && "/,()".indexOf(input.charAt(end)) < 0) {
      end++;
    }
    return "'" + input.substring(index, Math.max(end, index + 1)) + "'";
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
