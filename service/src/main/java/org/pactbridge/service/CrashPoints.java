package org.pactbridge.service;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named places in a use case where a fault test may stop the node dead, as a power loss would: between
 * a commit and the answer that reports it, for example, where no signal sent from outside can be timed
 * to land. The environment variable {@code PACTBRIDGE_CRASH_AT} names the armed points, comma-separated;
 * when the code reaches one of them the process halts at once with status {@value #EXIT_STATUS}, with no
 * shutdown hook, no flush and no answer to the caller.
 *
 * <p>Unset (as in production), {@link #reach} is a comparison against an empty set. The names are
 * listed beside the code that reaches them and in docs/federation.md ("Faults and how they are tested").
 */
public final class CrashPoints {
  /** The exit status of a halt at a crash point, so that a test can tell it from any other death. */
  public static final int EXIT_STATUS = 86;

  /** The environment variable that arms crash points. */
  public static final String ENVIRONMENT = "PACTBRIDGE_CRASH_AT";

  private static final Set<String> ARMED = parse(System.getenv(ENVIRONMENT));

  private CrashPoints() {}

  /** Halts the process when {@code point} is armed; returns at once otherwise. */
  public static void reach(String point) {
    if (!ARMED.isEmpty() && ARMED.contains(point)) {
      System.err.println("pactbridge: crash point " + point + " reached (" + ENVIRONMENT + "); halting with status " + EXIT_STATUS);
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
  }

  /** Whether {@code point} is armed in this process. */
  public static boolean armed(String point) {
    return ARMED.contains(point);
  }

  static Set<String> parse(String value) {
    if (value == null || value.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
  }
}
