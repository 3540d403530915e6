package org.pactbridge.core.label.access;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.pactbridge.core.label.SecurityLabel;

/**
 * A parsed access expression in the Accumulo grammar: access tokens joined by {@code &} (all) or
 * {@code |} (any), grouped with parentheses; one expression may not mix {@code &} and {@code |} at the
 * same level. The empty expression is valid and grants access to everyone.
 *
 * <p>Immutable and thread-safe. Parsing is linear in the length of the text. Parenthesised groups with
 * the same operator as their parent, and parentheses around a single token, are flattened, so
 * {@link #toString()} gives the canonical form and {@code parse(e.toString())} equals {@code e}.
 */
public final class AccessExpression {
  private static final AccessExpression EMPTY = new AccessExpression(null);

  /** A node of the expression tree. */
  public sealed interface Node permits Token, All, Any {}

  /** An access token, unquoted and unescaped. */
  public record Token(String value) implements Node {
    public Token {
      Objects.requireNonNull(value, "value");
    }
  }

  /** Every child must hold ({@code &}). */
  public record All(List<Node> children) implements Node {
    public All {
      children = List.copyOf(children);
    }
  }

  /** At least one child must hold ({@code |}). */
  public record Any(List<Node> children) implements Node {
    public Any {
      children = List.copyOf(children);
    }
  }

  private final Node root;
  private final String canonical;

  private AccessExpression(Node root) {
    this.root = root;
    StringBuilder out = new StringBuilder();
    if (root != null) {
      write(root, out, false);
    }
    this.canonical = out.toString();
  }

  /** The empty expression: no restriction. */
  public static AccessExpression empty() {
    return EMPTY;
  }

  /**
   * Reads an expression; throws {@link AccessExpressionException} naming the index, what was expected
   * and what was found. Throws nothing else, whatever the input.
   */
  public static AccessExpression parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      return EMPTY;
    }
    Parser parser = new Parser(text);
    Node root = parser.expression();
    if (parser.position < text.length()) {
      char c = text.charAt(parser.position);
      throw AccessExpressionException.unexpected(parser.position, "'&', '|' or end of input", quote(c));
    }
    return new AccessExpression(root);
  }

  /**
   * The compartments of {@code label} as an access expression that a user's authorizations must
   * satisfy: every compartment's access token, joined by {@code &}.
   */
  public static AccessExpression ofCompartments(SecurityLabel label) {
    return allOf(label.compartmentTokens());
  }

  /** A conjunction of tokens ({@code A&B&C}); no tokens gives the empty expression. */
  public static AccessExpression allOf(List<String> tokens) {
    if (tokens.isEmpty()) {
      return EMPTY;
    }
    if (tokens.size() == 1) {
      return new AccessExpression(new Token(tokens.get(0)));
    }
    List<Node> nodes = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      nodes.add(new Token(token));
    }
    return new AccessExpression(new All(nodes));
  }

  public boolean isEmpty() {
    return root == null;
  }

  /** The tree; {@code null} for the empty expression. */
  public Node root() {
    return root;
  }

  /** Every distinct token, in order of first appearance. */
  public Set<String> tokens() {
    Set<String> tokens = new LinkedHashSet<>();
    if (root != null) {
      collect(root, tokens);
    }
    return Collections.unmodifiableSet(tokens);
  }

  /**
   * Evaluates against a membership test for tokens. Cost: one {@code has} call per token at most,
   * short-circuiting; no allocation.
   */
  public boolean evaluate(Predicate<String> has) {
    return root == null || evaluate(root, has);
  }

  private static boolean evaluate(Node node, Predicate<String> has) {
    if (node instanceof Token token) {
      return has.test(token.value());
    }
    if (node instanceof All all) {
      List<Node> children = all.children();
      for (int i = 0, n = children.size(); i < n; i++) {
        if (!evaluate(children.get(i), has)) {
          return false;
        }
      }
      return true;
    }
    List<Node> children = ((Any) node).children();
    for (int i = 0, n = children.size(); i < n; i++) {
      if (evaluate(children.get(i), has)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Node node, Set<String> tokens) {
    if (node instanceof Token token) {
      tokens.add(token.value());
    } else if (node instanceof All all) {
      all.children().forEach(child -> collect(child, tokens));
    } else {
      ((Any) node).children().forEach(child -> collect(child, tokens));
    }
  }

  /** Writes a token as the grammar needs it: bare when every character allows it, else quoted. */
  public static String quoteIfNeeded(String token) {
    boolean bare = !token.isEmpty();
    for (int i = 0; i < token.length() && bare; i++) {
      bare = isBareChar(token.charAt(i));
    }
    if (bare) {
      return token;
    }
    StringBuilder out = new StringBuilder(token.length() + 2).append('"');
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  static boolean isBareChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '_' || c == '-' || c == '.' || c == ':' || c == '/';
  }

  private static void write(Node node, StringBuilder out, boolean nested) {
    if (node instanceof Token token) {
      out.append(quoteIfNeeded(token.value()));
      return;
    }
    List<Node> children = node instanceof All all ? all.children() : ((Any) node).children();
    char operator = node instanceof All ? '&' : '|';
    if (nested) {
      out.append('(');
    }
    for (int i = 0; i < children.size(); i++) {
      if (i > 0) {
        out.append(operator);
      }
      write(children.get(i), out, true);
    }
    if (nested) {
      out.append(')');
    }
  }

  private static String quote(char c) {
    return "'" + c + "'";
  }

  /** The canonical text. */
  @Override
  public String toString() {
    return canonical;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessExpression that && Objects.equals(that.root, root);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(root);
  }

  /** Recursive descent over the text; the grammar nests only through parentheses. */
  private static final class Parser {
    private final String text;
    private int position;
    private int depth;

    Parser(String text) {
      this.text = text;
    }

    Node expression() {
      Node first = term();
      if (position >= text.length()) {
        return first;
      }
      char operator = text.charAt(position);
      if (operator != '&' && operator != '|') {
        return first;
      }
      List<Node> children = new ArrayList<>();
      add(children, first, operator);
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == operator) {
          position++;
          add(children, term(), operator);
        } else if (c == '&' || c == '|') {
          throw AccessExpressionException.mixedOperators(position, operator, c);
        } else {
          break;
        }
      }
      return operator == '&' ? new All(children) : new Any(children);
    }

    private static void add(List<Node> children, Node child, char operator) {
      if (operator == '&' && child instanceof All all) {
        children.addAll(all.children());
      } else if (operator == '|' && child instanceof Any any) {
        children.addAll(any.children());
      } else {
        children.add(child);
      }
    }

    Node term() {
      if (position >= text.length()) {
        throw AccessExpressionException.unexpected(position, "an access token or '('", "end of input");
      }
      char c = text.charAt(position);
      if (c == '(') {
        if (++depth > 1000) {
          throw AccessExpressionException.unexpected(position, "at most 1000 nested parentheses", "'('");
        }
        position++;
        Node inner = expression();
        if (position >= text.length()) {
          throw AccessExpressionException.unexpected(position, "')'", "end of input");
        }
        if (text.charAt(position) != ')') {
          throw AccessExpressionException.unexpected(position, "')'", quote(text.charAt(position)));
        }
        position++;
        depth--;
        return inner;
      }
      if (c == '"') {
        return quotedToken();
      }
      int start = position;
      while (position < text.length() && isBareChar(text.charAt(position))) {
        position++;
      }
      if (position == start) {
        throw AccessExpressionException.unexpected(position, "an access token or '('", quote(c));
      }
      return new Token(text.substring(start, position));
    }

    private Node quotedToken() {
      int start = position;
      position++;
      StringBuilder value = new StringBuilder();
      while (position < text.length()) {
        char c = text.charAt(position);
        if (c == '"') {
          if (value.length() == 0) {
            throw AccessExpressionException.emptyQuotedToken(start);
          }
          position++;
          return new Token(value.toString());
        }
        if (c == '\\') {
          if (position + 1 >= text.length()) {
            throw AccessExpressionException.badEscape(position, "end of input");
          }
          char escaped = text.charAt(position + 1);
          if (escaped != '"' && escaped != '\\') {
            throw AccessExpressionException.badEscape(position, "'\\" + escaped + "'");
          }
          value.append(escaped);
          position += 2;
        } else {
          value.append(c);
          position++;
        }
      }
      throw AccessExpressionException.unexpected(position, "a closing '\"'", "end of input");
    }
  }
}
