package org.pactbridge.bench.world;

/**
 * The size of a generated world. {@link #full()} is the benchmark's world (issue 7); {@link #small()}
 * keeps the default build's gate test fast. The seed makes the world reproducible: the same config
 * always yields the same parties, agreements, items, users and requests.
 */
public record GeneratorConfig(long seed, int parties, int hubs, int agreements, int items, int users, int requests) {
  public GeneratorConfig {
    if (parties < 4 || hubs < 1 || hubs >= parties || parties > 26 * 26) {
      throw new IllegalArgumentException("parties must be in [4, 676] and hubs in [1, parties): " + parties + ", " + hubs);
    }
    long possiblePairs = (long) parties * (parties - 1) / 2;
    if (agreements < 1 || agreements > possiblePairs) {
      throw new IllegalArgumentException("agreements must be in [1, " + possiblePairs + "]: " + agreements);
    }
    if (items < 1 || users < 1 || requests < 1) {
      throw new IllegalArgumentException("items, users and requests must be positive");
    }
  }

  public static final long DEFAULT_SEED = 20_111_105L;

  /** 200 parties, 10 hubs, 5,000 agreements, 1,000,000 items, 10,000 users, 100,000 requests. */
  public static GeneratorConfig full() {
    return new GeneratorConfig(DEFAULT_SEED, 200, 10, 5_000, 1_000_000, 10_000, 100_000);
  }

  /** A world small enough for a unit test, with the same shape. */
  public static GeneratorConfig small() {
    return new GeneratorConfig(DEFAULT_SEED, 30, 3, 150, 20_000, 1_000, 6_000);
  }

  public GeneratorConfig withSeed(long newSeed) {
    return new GeneratorConfig(newSeed, parties, hubs, agreements, items, users, requests);
  }

  public GeneratorConfig withRequests(int newRequests) {
    return new GeneratorConfig(seed, parties, hubs, agreements, items, users, newRequests);
  }
}
