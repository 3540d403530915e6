package org.pactbridge.core.label.marking;

import java.util.List;
import java.util.Optional;
import org.pactbridge.core.label.SecurityLabel;

/**
 * The outcome of reading one marking: its form, the label when there is no error, and every
 * diagnostic in input order. Immutable.
 */
public record ParsedMarking(String input, MarkingForm form, SecurityLabel label, List<Diagnostic> diagnostics) {

  public ParsedMarking {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  public Optional<SecurityLabel> findLabel() {
    return Optional.ofNullable(label);
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(diagnostic -> !diagnostic.isError()).toList();
  }

  /** The canonical marking in the same form as the input; empty when the marking has errors. */
  public Optional<String> canonical() {
    return label == null ? Optional.empty() : Optional.of(MarkingFormatter.format(label, form));
  }
}
