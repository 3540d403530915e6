package org.pactbridge.core.label.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessExpressionTest {

  @Test
  void evaluatesCompartmentsAgainstAUsersAuthorizations() {
    AccessEvaluator analyst = AccessEvaluator.of(Authorizations.of("SI", "G"));
    assertThat(analyst.canAccess("SI&(TK|G)")).isTrue();
    assertThat(analyst.canAccess("SI&TK")).isFalse();
    assertThat(analyst.canAccess("")).isTrue();
  }

  @Test
  void canonicalFormDropsRedundantParenthesesAndQuotesOnlyWhenNeeded() {
    assertThat(AccessExpression.parse("((one|foo)|bar)&two").toString()).isEqualTo("(one|foo|bar)&two");
    assertThat(AccessExpression.parse("(one)").toString()).isEqualTo("one");
    assertThat(AccessExpression.parse("\"a_b\"|\"A#C\"").toString()).isEqualTo("a_b|\"A#C\"");
    assertThat(AccessExpression.parse("\"A\\\"C\"").toString()).isEqualTo("\"A\\\"C\"");
    assertThat(AccessExpression.parse("\"A\\\"C\"").tokens()).containsExactly("A\"C");
  }

  @Test
  void mixingOperatorsNamesTheIndexAndWhatWasExpected() {
    assertThatThrownBy(() -> AccessExpression.parse("a|b&c"))
        .isInstanceOf(AccessExpressionException.class)
        .hasMessage("access expression at index 3: expected '|' or ')' (use parentheses to mix '&' and '|'), found '&'")
        .satisfies(e -> {
          AccessExpressionException error = (AccessExpressionException) e;
          assertThat(error.index()).isEqualTo(3);
          assertThat(error.code()).isEqualTo("MIXED_OPERATORS");
          assertThat(error.found()).isEqualTo("'&'");
        });
  }

  @Test
  void aMissingOperandSaysEndOfInput() {
    assertThatThrownBy(() -> AccessExpression.parse("A&"))
        .hasMessage("access expression at index 2: expected an access token or '(', found end of input");
    assertThatThrownBy(() -> AccessExpression.parse("(A"))
        .hasMessage("access expression at index 2: expected ')', found end of input");
  }

  @Test
  void everyAuthorizationSetMustSatisfyTheExpression() {
    AccessEvaluator both = AccessEvaluator.of(java.util.List.of(Authorizations.of("A", "B"), Authorizations.of("C", "D")));
    assertThat(both.canAccess("(A&B)|(C&D)")).isTrue();
    assertThat(both.canAccess("A&B")).isFalse();
  }
}
