package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.MiniJson;

/**
 * The marque CAPCO corpus ({@code capco/cases.json}), one dynamic test per case: a valid case reads
 * with no diagnostic at all; an invalid case has an error or warning whose index falls inside one of
 * its spans and whose message names the token at that index.
 */
class CapcoConformanceTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  @TestFactory
  Stream<DynamicTest> everyCase() {
    String json = LabelFixtures.conformance("capco", "cases.json");
    Map<?, ?> root = (Map<?, ?>) MiniJson.parse(json);
    List<DynamicTest> tests = new ArrayList<>();
    for (Object caseObject : (List<?>) root.get("cases")) {
      Map<?, ?> entry = (Map<?, ?>) caseObject;
      String marking = (String) entry.get("marking");
      String name = entry.get("expect") + " " + entry.get("name") + ": " + marking;
      if ("valid".equals(entry.get("expect"))) {
        tests.add(DynamicTest.dynamicTest(name, () -> valid(marking)));
      } else {
        List<int[]> spans = new ArrayList<>();
        for (Object span : (List<?>) entry.get("spans")) {
          List<?> pair = (List<?>) span;
          spans.add(new int[] {((Long) pair.get(0)).intValue(), ((Long) pair.get(1)).intValue()});
        }
        tests.add(DynamicTest.dynamicTest(name, () -> invalid(marking, spans)));
      }
    }
    return tests.stream();
  }

  private static void valid(String marking) {
    ParsedMarking parsed = PARSER.read(marking);
    assertThat(parsed.diagnostics()).as("diagnostics of %s", marking).isEmpty();
    assertThat(parsed.canonical()).contains(marking);
  }

  private static void invalid(String marking, List<int[]> spans) {
    ParsedMarking parsed = PARSER.read(marking);
    List<Diagnostic> inSpan = parsed.diagnostics().stream()
        .filter(diagnostic -> spans.stream().anyMatch(span -> inside(diagnostic.index(), span)))
        .filter(diagnostic -> namesTokenAt(diagnostic, marking))
        .toList();
    assertThat(inSpan).as("diagnostics of %s: %s", marking, parsed.diagnostics()).isNotEmpty();
  }

  private static boolean inside(int index, int[] span) {
    return span[0] == span[1] ? index == span[0] : index >= span[0] && index < span[1];
  }

  /** The message quotes the token that starts at the diagnostic's index. */
  private static boolean namesTokenAt(Diagnostic diagnostic, String marking) {
    int start = diagnostic.index();
    int end = start;
    while (end < marking.length() && "/,()".indexOf(marking.charAt(end)) < 0) {
      end++;
    }
    String token = marking.substring(start, end);
    String firstWord = token.split("[ -]")[0];
    return !firstWord.isEmpty() && diagnostic.message().contains(firstWord);
  }
}
