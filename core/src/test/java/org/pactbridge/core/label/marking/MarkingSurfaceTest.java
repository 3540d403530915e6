package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package's public surface stays small: the entry point and what it returns. The lexer, the family
 * parsers, the control blocks, the rules and the reading state are package-private, so that they can be
 * reshaped without touching a caller.
 */
class MarkingSurfaceTest {

  @Test
  void onlyTheEntryPointAndItsResultsArePublic() throws IOException, URISyntaxException {
    Path folder = Path.of(MarkingParser.class.getResource("MarkingParser.class").toURI()).getParent();
    List<String> publicTypes;
    try (Stream<Path> files = Files.list(folder)) {
      publicTypes = files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .filter(MarkingSurfaceTest::isPublic)
          .sorted()
          .toList();
    }
    assertThat(publicTypes).containsExactly("Diagnostic", "DiagnosticCode", "MarkingForm", "MarkingFormatter",
        "MarkingParseException", "MarkingParser", "ParsedMarking", "PartyDirectory");
  }

  private static boolean isPublic(String simpleName) {
    try {
      return Modifier.isPublic(Class.forName(MarkingParser.class.getPackageName() + "." + simpleName).getModifiers());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
