package org.pactbridge.core.label;

import org.pactbridge.core.PactbridgeException;

/**
 * Root of the parse failures of every label format (markings, STANAG 4774 XML, access expressions).
 * Carries a stable {@link #code()}, the 0-based {@link #index()} in the input where reading failed, and
 * what was expected and found there. Messages name tokens of the marking only, never item content.
 */
public abstract class LabelParseException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int index;
  private final String expected;
  private final String found;

  protected LabelParseException(String code, int index, String expected, String found, String message) {
    super(message);
    this.code = code;
    this.index = index;
    this.expected = expected;
    this.found = found;
  }

  /** A stable reason code such as {@code UNKNOWN_TOKEN}. */
  public String code() {
    return code;
  }

  /** Where in the input (0-based, in UTF-16 chars) reading failed. */
  public int index() {
    return index;
  }

  /** What the reader expected at {@link #index()}; may be empty. */
  public String expected() {
    return expected;
  }

  /** What it found there ({@code end of input} at the end). */
  public String found() {
    return found;
  }

  /** The standard message form: {@code at index 4: expected X, found 'Y'}. */
  protected static String describe(int index, String expected, String found) {
    return "at index " + index + ": expected " + expected + ", found " + found;
  }
}
