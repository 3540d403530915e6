package org.pactbridge.cli;

import org.pactbridge.core.PactbridgeException;

/** Command-line input that contradicts itself or cannot be used; exits with status 2. */
public final class BadInputException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
