package org.pactbridge.core.label.stanag;

import org.pactbridge.core.label.LabelParseException;

/** A STANAG 4774 label that is not well-formed XML or names something unknown; {@link #index()} points at it. */
public final class Stanag4774Exception extends LabelParseException {
  private static final long serialVersionUID = 1L;

  private Stanag4774Exception(String code, int index, String expected, String found) {
    super(code, index, expected, found, "STANAG 4774 label " + describe(index, expected, found));
  }

  static Stanag4774Exception malformed(int index, String detail) {
    return new Stanag4774Exception("MALFORMED_XML", index, "well-formed XML without a DTD", detail);
  }

  static Stanag4774Exception missing(int index, String element) {
    return new Stanag4774Exception("MISSING_ELEMENT", index, "a " + element + " element", "none");
  }

  static Stanag4774Exception unexpected(String code, int index, String expected, String found) {
    return new Stanag4774Exception(code, index, expected, "'" + found + "'");
  }
}
