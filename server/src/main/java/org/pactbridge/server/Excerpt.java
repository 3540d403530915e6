package org.pactbridge.server;

/**
 * What of a client's input an error may quote: a short excerpt, escaped. A problem that repeats its
 * input in full lets a client make the node write (and hold in memory) as much as it sent, once per
 * place it is quoted: a 4 MB field once came back twice in an 8 MB error body. Escaping keeps control
 * characters, bidirectional overrides and lone surrogates out of error bodies and the logs that quote
 * them. Pure functions; thread-safe.
 */
final class Excerpt {
  /** The longest quoted piece of an input value (a token, a name, an id). */
  static final int TOKEN = 40;
  /** The longest problem detail. */
  static final int DETAIL = 400;
  /** The longest path quoted in {@code instance}. */
  static final int PATH = 120;

  private Excerpt() {}

  /**
   * {@code text} escaped, and cut to {@code max} characters with a note of its full length when longer.
   * Escaped: C0 and C1 controls, DEL, line and paragraph separators, bidirectional controls and lone
   * surrogates, each as {@code \\uXXXX}.
   */
  static String of(String text, int max) {
    if (text == null) {
      return null;
    }
    if (text.length() <= max && isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 24);
    int i = 0;
    while (i < text.length() && out.length() < max) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      if (needsEscape(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
      i++;
    }
    if (i < text.length()) {
      out.append("… (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  /** A problem detail: {@code token}, when it is quoted in {@code message}, replaced by its excerpt; then the whole cut to {@link #DETAIL}. */
  static String detail(String message, String token) {
    String detail = String.valueOf(message);
    if (token != null && !token.isEmpty() && (token.length() > TOKEN || !isClean(token))) {
      detail = detail.replace(token, of(token, TOKEN));
    }
    return of(detail, DETAIL);
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (needsEscape(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f' || c == '\u061c' || Character.isSurrogate(c);
  }
}
