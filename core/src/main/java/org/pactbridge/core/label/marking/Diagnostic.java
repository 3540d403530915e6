package org.pactbridge.core.label.marking;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding about a marking: an error (the marking cannot be read as written) or a warning (it is
 * understood but not canonical). {@code index} is the 0-based position of the offending token in the
 * input; {@code code} is stable; {@code message} names the token and says what was expected.
 *
 * <p>{@code suggestion}, where the register gives one right form, is the whole marking written that way:
 * for a warning on a marking without errors, its canonical form; for an error, the marking with this
 * finding corrected (in canonical form when the corrected marking reads without error). {@code null}
 * when there is no single right form (an unknown token, two controls that exclude each other).
 */
public record Diagnostic(Severity severity, String code, int index, String message, String suggestion) {

  /** How serious a finding is. */
  public enum Severity {
    ERROR,
    WARNING;

    /** The lower-case name used in JSON output. */
    public String label() {
      return this == ERROR ? "error" : "warning";
    }
  }

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** A finding without a suggestion. */
  public Diagnostic(Severity severity, String code, int index, String message) {
    this(severity, code, index, message, null);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The marking as the register would have it written, when there is one right form. */
  public Optional<String> findSuggestion() {
    return Optional.ofNullable(suggestion);
  }

  Diagnostic withSuggestion(String suggested) {
    return new Diagnostic(severity, code, index, message, suggested);
  }

  @Override
  public String toString() {
    return severity.label() + " " + code + " at index " + index + ": " + message;
  }
}
