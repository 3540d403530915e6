package org.pactbridge.core.label.access;

import java.util.List;
import java.util.Objects;

/**
 * Decides whether an entity may see data guarded by an access expression. Built once per entity's
 * authorizations, then used for many expressions; immutable and thread-safe. With several
 * authorization sets (an entity acting through others), every set must satisfy the expression.
 */
public final class AccessEvaluator {
  private final List<Authorizations> sets;

  private final RegionSet single;

  private AccessEvaluator(List<Authorizations> sets) {
    this.sets = List.copyOf(sets);
    this.single = sets.size() == 1 ? new RegionSet(sets.get(0)) : null;
  }

  /**
   * The authorizations as an open-addressing table that can be probed with a region of a text, so the
   * one-pass reader looks tokens up without cutting substrings. Same hash as {@link String#hashCode}.
   */
  private static final class RegionSet {
    private final String[] table;
    private final int mask;

    RegionSet(Authorizations authorizations) {
      int size = Integer.highestOneBit(Math.max(4, authorizations.values().size() * 4 - 1)) << 1;
      table = new String[size];
      mask = size - 1;
      for (String value : authorizations.values()) {
        int slot = value.hashCode() & mask;
        while (table[slot] != null) {
          slot = (slot + 1) & mask;
        }
        table[slot] = value;
      }
    }

    boolean contains(String text, int start, int end) {
      int hash = 0;
      for (int i = start; i < end; i++) {
        hash = 31 * hash + text.charAt(i);
      }
      int length = end - start;
      for (int slot = hash & mask; table[slot] != null; slot = (slot + 1) & mask) {
        String candidate = table[slot];
        if (candidate.length() == length && candidate.regionMatches(0, text, start, length)) {
          return true;
        }
      }
      return false;
    }

    boolean contains(String token) {
      return contains(token, 0, token.length());
    }
  }

  public static AccessEvaluator of(Authorizations authorizations) {
    return new AccessEvaluator(List.of(Objects.requireNonNull(authorizations)));
  }

  /** Every set must satisfy an expression for access; at least one set is required. */
  public static AccessEvaluator of(List<Authorizations> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("at least one authorization set is required");
    }
    return new AccessEvaluator(sets);
  }

  /** Cost: at most one hash look-up per token per set; no allocation. */
  public boolean canAccess(AccessExpression expression) {
    for (int i = 0, n = sets.size(); i < n; i++) {
      if (!expression.evaluate(sets.get(i).values()::contains)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Evaluates an expression given as text; throws {@link AccessExpressionException} for a malformed
   * one. With one authorization set the text is read and evaluated in a single pass without building a
   * tree (the whole text is still checked, so a malformed expression never passes); the error itself is
   * produced by {@link AccessExpression#parse}, so it is the same whichever way the text arrives.
   */
  public boolean canAccess(String expression) {
    if (sets.size() != 1) {
      return canAccess(AccessExpression.parse(expression));
    }
    if (expression.isEmpty()) {
      return true;
    }
    try {
      OnePass pass = new OnePass(expression, single);
      boolean result = pass.expression();
      if (pass.position != expression.length()) {
        throw OnePass.MALFORMED;
      }
      return result;
    } catch (Malformed malformed) {
      AccessExpression.parse(expression);
      throw new IllegalStateException("the one-pass reader refused an expression the parser accepts");
    }
  }

  /** Unwinds the one-pass reader; carries nothing, so it is shared and has no stack trace. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed() {
      super(null, null, false, false);
    }
  }

  /** Reads and evaluates in one pass; every operand is read even when the result is already known. */
  private static final class OnePass {
    static final Malformed MALFORMED = new Malformed();

    private final String text;
    private final RegionSet authorizations;
    private int position;
    private int depth;

    OnePass(String text, RegionSet authorizations) {
      this.text = text;
      this.authorizations = authorizations;
    }

    boolean expression() {
      boolean value = term();
      if (position >= text.length()) {
        return value;
      }
      char operator = text.charAt(position);
      if (operator != '&' && operator != '|') {
        return value;
      }
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == operator) {
          position++;
          boolean next = term();
          value = operator == '&' ? value & next : value | next;
        } else if (c == '&' || c == '|') {
          throw MALFORMED;
        } else {
          break;
        }
      }
      return value;
    }

    boolean term() {
      if (position >= text.length()) {
        throw MALFORMED;
      }
      char c = text.charAt(position);
      if (c == '(') {
        if (++depth > 1000) {
          throw MALFORMED;
        }
        position++;
        boolean value = expression();
        if (position >= text.length() || text.charAt(position) != ')') {
          throw MALFORMED;
        }
        position++;
        depth--;
        return value;
      }
      if (c == '"') {
        return quoted();
      }
      int start = position;
      while (position < text.length() && AccessExpression.isBareChar(text.charAt(position))) {
        position++;
      }
      if (position == start) {
        throw MALFORMED;
      }
      return authorizations.contains(text, start, position);
    }

    private boolean quoted() {
      position++;
      StringBuilder value = null;
      int start = position;
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '"') {
          if (value == null ? position == start : value.length() == 0) {
            throw MALFORMED;
          }
          boolean found = value == null ? authorizations.contains(text, start, position) : authorizations.contains(value.toString());
          position++;
          return found;
        }
        if (c == '\\') {
          if (position + 1 >= text.length()) {
            throw MALFORMED;
          }
          char escaped = text.charAt(position + 1);
          if (escaped != '"' && escaped != '\\') {
            throw MALFORMED;
          }
          if (value == null) {
            value = new StringBuilder(text.substring(start, position));
          }
          value.append(escaped);
          position += 2;
        } else {
          if (value != null) {
            value.append(c);
          }
          position++;
        }
      }
      throw MALFORMED;
    }
  }
}
