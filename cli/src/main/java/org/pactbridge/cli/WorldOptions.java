package org.pactbridge.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.world.WorldLoader;
import picocli.CommandLine.Option;

/** Options every world-reading command shares: which world, and at which instant. */
final class WorldOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "Read the world from DIR (its world.yaml) instead of the built-in reference world.")
  Path data;

  @Option(names = "--at", paramLabel = "DATE", description = "A date (00:00 UTC that day) or an instant with offset; default: now.")
  String at;

  Registry registry() {
    return data == null ? WorldLoader.reference() : WorldLoader.load(data);
  }

  /** The query instant; the CLI is the layer that may read the clock. */
  Instant instant() {
    return at == null ? now() : DateSpec.parseInstant(at);
  }

  /** Now, to the second: the instant of a command run without {@code --at}. */
  Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
