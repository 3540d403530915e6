package org.pactbridge.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.access.AccessEvaluator;
import org.pactbridge.core.label.access.AccessExpression;
import org.pactbridge.core.label.access.Authorizations;

class LabelInternerTest {

  @Test
  void filtersItemsByDecidingEachDistinctLabelOnce() {
    LabelInterner<AccessExpression> interner = new LabelInterner<>();
    String[] expressions = {"SI", "SI&TK", "", "SI", "TK|G", "SI&TK"};
    int[] items = new int[130];
    for (int i = 0; i < items.length; i++) {
      items[i] = interner.intern(AccessExpression.parse(expressions[i % expressions.length]));
    }
    assertThat(interner.size()).isEqualTo(4);
    AccessEvaluator user = AccessEvaluator.of(Authorizations.of("SI", "G"));
    int[] calls = {0};
    boolean[] verdicts = interner.verdicts(expression -> {
      calls[0]++;
      return user.canAccess(expression);
    });
    assertThat(calls[0]).isEqualTo(4);
    long[] selected = new long[3];
    int count = LabelInterner.select(items, verdicts, selected);
    int expected = 0;
    for (int i = 0; i < items.length; i++) {
      boolean visible = user.canAccess(expressions[i % expressions.length]);
      expected += visible ? 1 : 0;
      assertThat((selected[i / 64] >>> (i % 64) & 1) == 1).isEqualTo(visible);
    }
    assertThat(count).isEqualTo(expected);
  }
}
