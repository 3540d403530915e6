package org.pactbridge.bench.ab;

import java.util.List;
import java.util.function.IntToLongFunction;
import org.pactbridge.bench.Workloads;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.GeneratorConfig;
import org.pactbridge.bench.world.WorldGenerator;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;

/**
 * One build of the engine timed in a JVM of its own, for {@link Compare}: it builds the generated world,
 * warms up for 8 s, then times short slices of direct decisions and of route searches and prints the median
 * slice of each ({@code direct <ns> route <ns>}). It uses only the engine's long-standing public API,
 * so that it links against older builds too.
 */
public final class Driver {
  /** {@code Driver [slices]}: prints {@code direct <median ns> route <median ns>}. */
  public static void main(String[] args) {
    int slices = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Driver driver = new Driver();
    long direct = median(driver.direct(), 40, slices);
    long route = median(driver.route(), 4, slices);
    System.out.println("direct " + direct + " route " + route);
  }

  private static long median(IntToLongFunction timed, int rounds, int slices) {
    // warm up for a fixed time, not a fixed count: on two cores the C2 compiler thread competes with
    // this one, and the last compilation of decide can land several seconds in
    long warmUntil = System.nanoTime() + WARM_UP_NANOS;
    while (System.nanoTime() < warmUntil) {
      timed.applyAsLong(rounds);
    }
    long[] times = new long[slices];
    for (int i = 0; i < slices; i++) {
      times[i] = timed.applyAsLong(rounds);
    }
    java.util.Arrays.sort(times);
    return times[slices / 2];
  }

  private static final long WARM_UP_NANOS = 8_000_000_000L;

  private final ReleaseEngine engine;
  private final ReleaseRequest[] singles;
  private final ReleaseRequest[] relays;
  // every result is read into this, so that none is optimised away; kept no longer than that, as in
  // JMH (results held in an array outlive young collections and time the collector, not the engine)
  private volatile long sink;

  public Driver() {
    GeneratedWorld world = WorldGenerator.generate(GeneratorConfig.full());
    engine = new ReleaseEngine(world.registry());
    singles = Workloads.singles(world);
    relays = Workloads.relays(world, 256);
  }

  /** Times {@code rounds} passes over the direct requests; returns nanoseconds per decision. */
  public IntToLongFunction direct() {
    return rounds -> {
      long start = System.nanoTime();
      long read = 0;
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < singles.length; i++) {
          Decision decision = engine.decide(singles[i], false);
          read += decision.reasons().size();
        }
      }
      sink = read;
      return (System.nanoTime() - start) / ((long) rounds * singles.length);
    };
  }

  /** Times {@code rounds} passes over the relay requests; returns nanoseconds per route search. */
  public IntToLongFunction route() {
    return rounds -> {
      long start = System.nanoTime();
      long read = 0;
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < relays.length; i++) {
          List<Route> routes = engine.routes(relays[i]);
          read += routes.size();
        }
      }
      sink = read;
      return (System.nanoTime() - start) / ((long) rounds * relays.length);
    };
  }
}
