package org.pactbridge.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The release archive that this build made, and unpacking it as a user would. */
final class Release {
  static final Path ARCHIVE = Path.of(System.getProperty("pactbridge.archive", "target/pactbridge.tar.gz"));
  static final String VERSION = System.getProperty("pactbridge.version", "");

  private Release() {}

  /** Unpacks the archive into {@code dir}/unpacked with tar; returns its one folder, pactbridge-VERSION. */
  static Path unpack(Path dir) throws IOException, InterruptedException {
    if (!Files.isRegularFile(ARCHIVE)) {
      throw new IllegalStateException("no release archive at " + ARCHIVE.toAbsolutePath() + ": the build makes it in package");
    }
    Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
    Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", unpacked.toString()).inheritIO().start();
    if (!tar.waitFor(180, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new IllegalStateException("tar -xzf " + ARCHIVE + " failed");
    }
    return unpacked.resolve("pactbridge-" + VERSION);
  }

  /** The first executable of that name on this process's PATH, or null. */
  static Path findOnPath(String tool) {
    for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path candidate = Path.of(entry, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
