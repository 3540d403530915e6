package org.pactbridge.core;

/**
 * Root of every exception the core throws. Unchecked: the core throws only for bad input (see
 * {@link InvalidInputException}) or a broken invariant, never to report a decision.
 */
public class PactbridgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PactbridgeException(String message) {
    super(message);
  }

  protected PactbridgeException(String message, Throwable cause) {
    super(message, cause);
  }
}
