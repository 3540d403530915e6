package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every README block that starts with {@code $ ./pactbridge …} is run in-process and must print
 * exactly the lines shown (standard output and standard error together), so the README cannot drift.
 */
class ReadmeExamplesTest {
  record Example(String command, List<String> expected) {}

  @TestFactory
  Stream<DynamicTest> readmeExamplesPrintWhatTheReadmeShows() throws IOException {
    List<Example> examples = examples(Path.of("..", "README.md"));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
    return examples.stream().map(example -> DynamicTest.dynamicTest(example.command(), () -> {
      Cli cli = Cli.run(arguments(example.command()));
      List<String> printed = new ArrayList<>(cli.out().lines().toList());
      printed.addAll(cli.err().lines().toList());
      assertThat(printed).as(example.command()).containsExactlyElementsOf(example.expected());
    }));
  }

  static List<Example> examples(Path readme) throws IOException {
    List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
    List<Example> examples = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("$ ./pactbridge ")) {
        continue;
      }
      String command = lines.get(i).substring("$ ./pactbridge ".length());
      List<String> expected = new ArrayList<>();
      int j = i + 1;
      while (j < lines.size() && !lines.get(j).startsWith("```") && !lines.get(j).startsWith("$ ")) {
        expected.add(lines.get(j));
        j++;
      }
      examples.add(new Example(command, expected));
      i = j - 1;
    }
    return examples;
  }

  /** Splits a shell-like command line on blanks, keeping double-quoted words whole. */
  static String[] arguments(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean pending = false;
    for (char c : command.strip().toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        pending = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (pending) {
          words.add(word.toString());
          word.setLength(0);
          pending = false;
        }
      } else {
        word.append(c);
        pending = true;
      }
    }
    if (pending) {
      words.add(word.toString());
    }
    return words.toArray(new String[0]);
  }
}
