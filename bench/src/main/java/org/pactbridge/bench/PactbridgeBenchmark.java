package org.pactbridge.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;

/**
 * Pactbridge's own engine (issue 2's targets: a direct decision ≤ 100 ns median, a route search ≤ 5 µs,
 * on one core), on the reference world and on the generated 200-party / 5,000-agreement world. The
 * single-decision benchmarks cycle through {@link Workloads#CYCLE} different requests so that no
 * answer is constant-folded and the caches see a realistic mix.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class PactbridgeBenchmark {
  @Param({"generated", "reference"})
  public String world;

  private ReleaseEngine engine;
  private org.pactbridge.core.registry.Registry registry;
  private ReleaseRequest[] singles;
  private ReleaseRequest[] relays;
  private ReleaseRequest[] batch;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    BenchWorlds.Loaded loaded = BenchWorlds.load(world);
    engine = new ReleaseEngine(loaded.registry());
    registry = loaded.registry();
    singles = loaded.singles();
    relays = loaded.relays();
    batch = loaded.batch();
    if (relays.length == 0) {
      throw new IllegalStateException("no relay requests in world " + world);
    }
  }

  /** One direct decision (rules 1–6, no route search). */
  @Benchmark
  @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
  public Decision direct() {
    return engine.decide(singles[next++ & (Workloads.CYCLE - 1)], false);
  }

  /**
   * The floor under {@link #direct}: reading the same requests' own fields as the engine does, with no
   * agreement consulted ({@link RequestFloor}). Measured in the same run, so that the direct decision
   * can be read as a multiple of it.
   */
  @Benchmark
  @BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
  public long readRequest() {
    return RequestFloor.read(singles[next++ & (Workloads.CYCLE - 1)], registry);
  }

  /**
   * The timer's own cost in sample mode: an operation that does next to nothing, sampled as the others
   * are (two {@code System.nanoTime} calls around it). A sampled median less this one's is the
   * operation's own median; the mean modes time whole batches and carry no such cost.
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  public int timer() {
    return next++;
  }

  /**
   * One route search for a pair with no direct agreement (sample mode: mean and percentiles in one run).
   * Warmed up longer than the rest: on two cores the compiler thread competes with the benchmark, and
   * the search's compiled code settles about six seconds in (2 × 1 s of warm-up left the first measured
   * seconds at 8 µs and the third at 4.8 µs).
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @Warmup(iterations = 4, time = 2)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public java.util.List<Route> route() {
    ReleaseRequest request = relays[next++ % relays.length];
    return engine.routes(request);
  }

  /** 10,000 direct decisions. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void batch10k(Blackhole blackhole) {
    for (ReleaseRequest request : batch) {
      blackhole.consume(engine.decide(request, false));
    }
  }
}
