package org.pactbridge.core.label.marking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape of a marking before any word is looked up: portion or banner, the classification piece,
 * whether it came after a leading {@code //} (a non-US, NATO or JOINT classification), and the control
 * blocks after it; plus the splitting and token-shape tests the family parsers share. Every piece keeps
 * its absolute index in the input, so that a diagnostic can point at it.
 *
 * <p>Stateless. Cost: one pass over the input per separator level.
 */
final class MarkingLexer {
  private MarkingLexer() {}

  /** A piece of the input with its absolute position. */
  record Piece(String text, int index) {}

  /**
   * A lexed marking. {@code unbalanced} is set when a portion's {@code (} has no closing {@code )}: the
   * rest of the input is then read as if it had been closed.
   */
  record Lexed(boolean portion, boolean unbalanced, boolean foreign, Piece classification, List<Piece> blocks) {}

  /** Splits a non-blank marking into its classification and its {@code //}-separated blocks. */
  static Lexed lex(String text) {
    boolean portion = false;
    boolean unbalanced = false;
    int start = 0;
    int end = text.length();
    if (text.charAt(0) == '(') {
      portion = true;
      start = 1;
      if (text.length() < 2 || text.charAt(text.length() - 1) != ')') {
        unbalanced = true;
      } else {
        end = text.length() - 1;
      }
    }
    List<Piece> blocks = split(text, start, end, "//");
    boolean foreign = blocks.get(0).text().isEmpty() && blocks.size() > 1;
    int first = foreign ? 2 : 1;
    return new Lexed(portion, unbalanced, foreign, blocks.get(first - 1), blocks.subList(first, blocks.size()));
  }

  /** The entries of a block, split on {@code /}; indexes absolute in the input. */
  static List<Piece> entries(Piece block) {
    List<Piece> entries = new ArrayList<>();
    for (Piece entry : split(block.text(), 0, block.text().length(), "/")) {
      entries.add(new Piece(entry.text(), block.index() + entry.index()));
    }
    return entries;
  }

  /** Splits {@code text[start, end)} on a separator; piece indexes are relative to {@code text}. */
  static List<Piece> split(String text, int start, int end, String separator) {
    List<Piece> pieces = new ArrayList<>();
    int from = start;
    while (true) {
      int at = text.indexOf(separator, from);
      if (at < 0 || at + separator.length() > end) {
        pieces.add(new Piece(text.substring(from, end), from));
        return pieces;
      }
      pieces.add(new Piece(text.substring(from, at), from));
      from = at + separator.length();
    }
  }

  /** The token up to its first {@code -} or blank: an SCI control system, or a compartment. */
  static String head(String token) {
    int end = 0;
    while (end < token.length() && token.charAt(end) != '-' && token.charAt(end) != ' ') {
      end++;
    }
    return token.substring(0, end);
  }

  /** Capital letters, digits, '-', and single blanks between words. */
  static boolean isIdentifierText(String token) {
    if (token.isEmpty() || token.charAt(0) == ' ' || token.charAt(token.length() - 1) == ' ') {
      return false;
    }
    char previous = 0;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == ' ';
      if (!ok || (c == ' ' && previous == ' ')) {
        return false;
      }
      previous = c;
    }
    return true;
  }

  /** Three or four capital letters: the shape of a party code. */
  static boolean isPartyLike(String token) {
    int length = token.length();
    if (length < 3 || length > 4) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = token.charAt(i);
      if (c < 'A' || c > 'Z') {
        return false;
      }
    }
    return true;
  }

  static boolean isAscii(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) > 0x7f) {
        return false;
      }
    }
    return true;
  }

  /**
   * The one word of {@code words} that {@code token} is a slip of (one letter wrong, missing, added, or
   * two neighbours swapped: {@code SERCET}, {@code NOFRON}); empty when there is none or more than one,
   * or when the token is shorter than four letters (too many words are one slip from a short one).
   */
  static Optional<String> misspelt(String token, List<String> words) {
    if (token.length() < 4) {
      return Optional.empty();
    }
    Optional<String> found = Optional.empty();
    for (String word : words) {
      if (word.length() >= 4 && oneSlipApart(token, word)) {
        if (found.isPresent() && !found.get().equals(word)) {
          return Optional.empty();
        }
        found = Optional.of(word);
      }
    }
    return found;
  }

  /** Whether two different texts are one substitution, insertion, deletion or neighbour swap apart. */
  static boolean oneSlipApart(String a, String b) {
    if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
      return false;
    }
    int start = 0;
    while (start < a.length() && start < b.length() && a.charAt(start) == b.charAt(start)) {
      start++;
    }
    if (a.length() == b.length()) {
      boolean swapped = start + 1 < a.length() && a.charAt(start) == b.charAt(start + 1) && a.charAt(start + 1) == b.charAt(start)
          && a.substring(start + 2).equals(b.substring(start + 2));
      return swapped || a.substring(start + 1).equals(b.substring(start + 1));
    }
    return a.length() > b.length() ? a.substring(start + 1).equals(b.substring(start)) : b.substring(start + 1).equals(a.substring(start));
  }

  static String quoted(String token) {
    return "'" + token + "'";
  }
}
