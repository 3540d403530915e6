package org.pactbridge.core.label.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.MiniJson;

/** The 242 expressions of accumulo-access {@code testdata.json}, one dynamic test each. */
class AccessConformanceTest {

  @TestFactory
  Stream<DynamicTest> everyVectorGivesTheExpectedResult() {
    String json = LabelFixtures.conformance("accumulo-access", "testdata.json");
    List<DynamicTest> tests = new ArrayList<>();
    int group = 0;
    for (Object groupObject : (List<?>) MiniJson.parse(json)) {
      Map<?, ?> map = (Map<?, ?>) groupObject;
      group++;
      List<Authorizations> sets = new ArrayList<>();
      for (Object auths : (List<?>) map.get("auths")) {
        sets.add(Authorizations.of(((List<?>) auths).stream().map(String::valueOf).toList()));
      }
      AccessEvaluator evaluator = AccessEvaluator.of(sets);
      for (Object testObject : (List<?>) map.get("tests")) {
        Map<?, ?> test = (Map<?, ?>) testObject;
        String expected = (String) test.get("expectedResult");
        for (Object expressionObject : (List<?>) test.get("expressions")) {
          String expression = (String) expressionObject;
          String name = "group " + group + " (" + map.get("description") + "): " + expected + " " + visible(expression);
          tests.add(DynamicTest.dynamicTest(name, () -> check(evaluator, expression, expected)));
        }
      }
    }
    assertThat(tests).hasSize(242);
    return tests.stream();
  }

  private static void check(AccessEvaluator evaluator, String expression, String expected) {
    switch (expected) {
      case "ACCESSIBLE" -> {
        assertThat(evaluator.canAccess(expression)).isTrue();
        assertThat(evaluator.canAccess(AccessExpression.parse(AccessExpression.parse(expression).toString()))).isTrue();
      }
      case "INACCESSIBLE" -> {
        assertThat(evaluator.canAccess(expression)).isFalse();
        assertThat(evaluator.canAccess(AccessExpression.parse(AccessExpression.parse(expression).toString()))).isFalse();
      }
      case "ERROR" -> {
        assertThatThrownBy(() -> AccessExpression.parse(expression))
            .isInstanceOf(AccessExpressionException.class)
            .satisfies(e -> assertThat(((AccessExpressionException) e).index()).isBetween(0, expression.length()));
        assertThatThrownBy(() -> evaluator.canAccess(expression)).isInstanceOf(AccessExpressionException.class);
      }
      default -> throw new IllegalStateException("unknown expectation " + expected);
    }
  }

  private static String visible(String expression) {
    return "'" + expression.replace("\n", "\\n") + "'";
  }
}
