package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.marking.RuleCatalogue.Rule;

/**
 * Every row of the rule catalogue in {@code docs/markings.md} is a test: its valid example reads with no
 * finding and is its own canonical form; its invalid example breaks that one rule, reporting the row's
 * code and no other, with the row's severity, at the row's token, with the row's suggestion (or none).
 * Every diagnostic code has a rule.
 */
class RuleCatalogueTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  @TestFactory
  Stream<DynamicNode> everyRuleKeepsItsValidExampleAndReportsItsInvalidOne() {
    List<DynamicNode> rules = new ArrayList<>();
    for (Rule rule : RuleCatalogue.rules()) {
      rules.add(DynamicContainer.dynamicContainer(rule.toString(), Stream.of(
          DynamicTest.dynamicTest("valid: " + rule.valid(), () -> valid(rule)),
          DynamicTest.dynamicTest("invalid: " + rule.invalid(), () -> invalid(rule)))));
    }
    return rules.stream();
  }

  @Test
  void theCatalogueHasRowsAndARuleForEveryCode() {
    assertThat(RuleCatalogue.rules()).hasSizeGreaterThanOrEqualTo(70);
    assertThat(RuleCatalogue.rules()).extracting(Rule::id).doesNotHaveDuplicates();
    assertThat(RuleCatalogue.rules()).extracting(Rule::code).containsAll(
        Arrays.stream(DiagnosticCode.values()).map(DiagnosticCode::code).toList());
  }

  @Test
  void eachRowsSeverityIsItsCodesSeverity() {
    assertThat(RuleCatalogue.rules()).allSatisfy(rule ->
        assertThat(rule.severity()).as(rule.id()).isEqualTo(DiagnosticCode.valueOf(rule.code()).severity().label()));
  }

  private static void valid(Rule rule) {
    ParsedMarking read = PARSER.read(rule.valid());
    assertThat(read.diagnostics()).as("findings of %s", rule.valid()).isEmpty();
    assertThat(read.canonical()).contains(rule.valid());
  }

  private static void invalid(Rule rule) {
    ParsedMarking read = PARSER.read(rule.invalid());
    // the invalid example breaks this one rule: every finding is the rule's
    assertThat(read.diagnostics()).as("findings of %s", rule.invalid()).extracting(Diagnostic::code).containsOnly(rule.code());
    List<Diagnostic> found = read.diagnostics().stream().filter(d -> d.code().equals(rule.code())).toList();
    assertThat(found).as("%s in %s", rule.code(), read.diagnostics()).isNotEmpty();
    assertThat(found).as("%s at index %d of %s", rule.code(), rule.at(), rule.invalid())
        .anySatisfy(d -> assertThat(d.index()).isEqualTo(rule.at()));
    Diagnostic finding = found.stream().filter(d -> d.index() == rule.at()).findFirst().orElseThrow();
    assertThat(finding.severity().label()).isEqualTo(rule.severity());
    assertThat(finding.suggestion()).as("suggestion of %s", finding).isEqualTo(rule.suggestion());
    if (rule.suggestion() != null && finding.isError()) {
      // a suggestion for an error is a marking that reads without error
      assertThat(PARSER.read(rule.suggestion()).hasErrors()).as("errors in the suggestion %s", rule.suggestion()).isFalse();
    }
  }
}
