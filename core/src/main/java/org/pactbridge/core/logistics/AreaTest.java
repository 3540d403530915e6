package org.pactbridge.core.logistics;

import java.util.Set;

/**
 * Says whether a location lies in a named zone (a polygon such as {@code korean-peninsula}).
 * Implemented outside the core with a geometry library; the core only names zones. Implementations
 * must be thread-safe.
 */
public interface AreaTest {

  /** The zone names this test knows. */
  Set<String> zones();

  /** Whether the location lies in the zone, its boundary included. The zone must be one of {@link #zones()}. */
  boolean contains(String zone, Location location);

  /** A test that knows no zone: every area restriction then fails as unknown. */
  static AreaTest none() {
    return new AreaTest() {
      @Override
      public Set<String> zones() {
        return Set.of();
      }

      @Override
      public boolean contains(String zone, Location location) {
        throw new IllegalArgumentException("unknown zone " + zone);
      }
    };
  }
}
