package org.pactbridge.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under src/test/resources/golden: what the api writes, byte for byte, one document and
 * a newline per file. With {@code -Dgolden.update=true} a test writes its file instead and fails, so a
 * new or changed file is always looked at before it is trusted.
 */
public final class Golden {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private Golden() {}

  /** {@code actual} is byte for byte the golden file {@code name} (a path under golden/). */
  public static void assertMatches(String name, String actual) {
    String expected = actual + "\n";
    if (UPDATE) {
      try {
        Path file = Path.of("src/test/resources/golden", name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, expected, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fail("wrote golden/" + name + ": review it, then run again without -Dgolden.update");
    }
    try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
      assertThat(in).as("golden/" + name + " (run once with -Dgolden.update=true to write it)").isNotNull();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).as("golden/" + name).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
