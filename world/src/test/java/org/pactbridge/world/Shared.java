package org.pactbridge.world;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared folder beside the project (the system property set by the build, else ../shared). */
final class Shared {
  private Shared() {}

  static Path path(String relative) {
    String configured = System.getProperty("pactbridge.shared");
    Path base = configured != null && Files.isDirectory(Path.of(configured)) ? Path.of(configured) : Path.of("..", "..", "shared");
    Path file = base.resolve(relative);
    if (!Files.exists(file)) {
      throw new IllegalStateException("shared file not found: " + file.toAbsolutePath() + " (set -Dpactbridge.shared)");
    }
    return file;
  }
}
