package org.pactbridge.core.label.access;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AccessExpressionProperties {

  @Property(tries = 2000)
  void arbitraryTextEitherParsesOrThrowsOnlyTheParseException(@ForAll("soup") String text) {
    try {
      AccessExpression.parse(text);
    } catch (AccessExpressionException expected) {
      assertThat(expected.index()).isBetween(0, text.length());
    }
  }

  @Property(tries = 2000)
  void formatOfParseIsAFixedPoint(@ForAll("soup") String text) {
    AccessExpression parsed;
    try {
      parsed = AccessExpression.parse(text);
    } catch (AccessExpressionException malformed) {
      return;
    }
    String canonical = parsed.toString();
    AccessExpression again = AccessExpression.parse(canonical);
    assertThat(again).isEqualTo(parsed);
    assertThat(again.toString()).isEqualTo(canonical);
  }

  @Property(tries = 3000)
  void theOnePassReaderAgreesWithTheTree(@ForAll("soup") String text, @ForAll("authorizations") java.util.Set<String> auths) {
    AccessEvaluator evaluator = AccessEvaluator.of(Authorizations.of(auths));
    AccessExpression parsed;
    try {
      parsed = AccessExpression.parse(text);
    } catch (AccessExpressionException malformed) {
      try {
        evaluator.canAccess(text);
      } catch (AccessExpressionException same) {
        assertThat(same.getMessage()).isEqualTo(malformed.getMessage());
        return;
      }
      throw new AssertionError("the one-pass reader accepted " + text);
    }
    assertThat(evaluator.canAccess(text)).isEqualTo(evaluator.canAccess(parsed));
  }

  @Provide
  Arbitrary<java.util.Set<String>> authorizations() {
    return Arbitraries.of("A", "B", "SI", "TK", "G", "x y", "五", "a_b").set().ofMaxSize(5);
  }

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> pieces = Arbitraries.of("A", "B", "SI", "TK", "G", "&", "|", "(", ")", "\"", "\\", "\"x y\"", "五", " ", "a_b", "");
    Arbitrary<String> structured = pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(20));
  }
}
