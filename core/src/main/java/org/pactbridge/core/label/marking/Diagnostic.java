package org.pactbridge.core.label.marking;

import java.util.Objects;

/**
 * One finding about a marking: an error (the marking cannot be read as written) or a warning (it is
 * understood but not canonical). {@code index} is the 0-based position of the offending token in the
 * input; {@code code} is stable; {@code message} names the token and says what was expected.
 */
public record Diagnostic(Severity severity, String code, int index, String message) {

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

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return severity.label() + " " + code + " at index " + index + ": " + message;
  }
}
