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

  MarkingParseException(Diagnostic first, List<Diagnostic> diagnostics) {
    super(first.code(), first.index(), "", "", "marking: " + first.message() + " (at index " + first.index() + ")");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
