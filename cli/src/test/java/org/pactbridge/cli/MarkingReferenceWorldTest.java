package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.Diagnostic;
import org.pactbridge.core.label.marking.MarkingParser;
import org.pactbridge.core.label.marking.ParsedMarking;
import org.pactbridge.core.label.marking.PartyDirectory;
import org.pactbridge.core.label.stanag.Stanag4774;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.world.WorldLoader;

/**
 * The CAPCO and STANAG 4774 conformance vectors against the built-in reference world (the core's own
 * conformance tests use a hand-built registry). The reference world models every party and level the
 * vectors name (Italy's RESTRICTED, Ireland and Sweden were added for them), so every vector passes.
 * The vectors are the core's ({@code core/src/test/resources/conformance/}), read through its test jar.
 */
class MarkingReferenceWorldTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final MarkingParser PARSER = MarkingParser.of(WORLD);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The six Table 17 labels, named as in {@code conformance/stanag4774/} of the core's test resources. */
  private static final List<String> STANAG_LABELS =
      List.of("nato-4774-17-1.xml", "nato-4774-17-2.xml", "nato-4774-17-3.xml", "nato-4774-17-4.xml", "nato-4774-17-5.xml",
          "nato-4774-17-6.xml");

  @TestFactory
  Stream<DynamicTest> capcoCases() throws IOException {
    JsonNode root = JSON.readTree(LabelFixtures.conformance("capco", "cases.json"));
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : root.get("cases")) {
      String name = entry.get("name").asText();
      String marking = entry.get("marking").asText();
      boolean valid = entry.get("expect").asText().equals("valid");
      List<int[]> spans = new ArrayList<>();
      if (!valid) {
        entry.get("spans").forEach(span -> spans.add(new int[] {span.get(0).asInt(), span.get(1).asInt()}));
      }
      tests.add(DynamicTest.dynamicTest(entry.get("expect").asText() + " " + name + ": " + marking, () -> {
        ParsedMarking parsed = PARSER.read(marking);
        if (valid) {
          assertThat(parsed.diagnostics()).isEmpty();
        } else {
          assertThat(parsed.diagnostics()).as("%s", parsed.diagnostics())
              .anySatisfy(d -> assertThat(spans).anySatisfy(span -> assertThat(inside(d, span)).isTrue()));
        }
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> stanagLabels() {
    Stanag4774 stanag = new Stanag4774(PartyDirectory.of(WORLD));
    return STANAG_LABELS.stream().map(file -> DynamicTest.dynamicTest(file, () -> {
      SecurityLabel label = stanag.read(LabelFixtures.conformance("stanag4774", file));
      assertThat(label.level().party().value()).isEqualTo("NATO");
      assertThat(stanag.read(stanag.write(label))).isEqualTo(label);
    }));
  }

  private static boolean inside(Diagnostic diagnostic, int[] span) {
    return span[0] == span[1] ? diagnostic.index() == span[0] : diagnostic.index() >= span[0] && diagnostic.index() < span[1];
  }
}
