package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;

/**
 * The catalogue of diagnostics and its documentation cannot drift: {@code docs/markings.md} lists every
 * {@link DiagnosticCode} in declaration order with its severity and message, and each listed example
 * marking reports its code. The golden corpus exercises every code.
 */
class DiagnosticCatalogueTest {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());
  private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (error|warning) \\| (.+) \\| (.+) \\|$");

  /** One row of the table in docs/markings.md. */
  record Row(String code, String severity, String message, String example) {}

  @Test
  void theDocumentListsEveryCodeWithItsSeverityAndMessage() throws IOException {
    List<String> documented = rows().stream().map(row -> row.code() + " " + row.severity() + " " + row.message()).toList();
    List<String> catalogued = Arrays.stream(DiagnosticCode.values())
        .map(code -> code.code() + " " + code.severity().label() + " " + code.message()).toList();
    assertThat(documented).containsExactlyElementsOf(catalogued);
  }

  @TestFactory
  Stream<DynamicTest> eachDocumentedExampleReportsItsCode() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Row row : rows()) {
      String marking = row.example().equals("(empty)") ? "" : row.example().replaceAll("^`|`$", "");
      tests.add(DynamicTest.dynamicTest(row.code() + ": \"" + marking + "\"", () ->
          assertThat(PARSER.read(marking).diagnostics()).extracting(Diagnostic::code).contains(row.code())));
    }
    return tests.stream();
  }

  @Test
  void theGoldenCorpusExercisesEveryCode() {
    String golden = LabelFixtures.resource("marking/golden.txt");
    for (DiagnosticCode code : DiagnosticCode.values()) {
      assertThat(golden).as("golden.txt has a case reporting %s", code)
          .containsPattern("(?m)^diagnostic: " + code.severity() + " " + code.code() + " at ");
    }
  }

  private static List<Row> rows() throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(markingsDoc(), StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line);
      if (row.matches()) {
        rows.add(new Row(row.group(1), row.group(2), row.group(3), row.group(4)));
      }
    }
    return rows;
  }

  /** docs/markings.md of this checkout: the tests run in the module's folder, the docs are beside it. */
  private static Path markingsDoc() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      Path doc = folder.resolve("docs/markings.md");
      if (Files.isRegularFile(doc)) {
        return doc;
      }
    }
    throw new IllegalStateException("docs/markings.md not found above " + Path.of("").toAbsolutePath());
  }
}
