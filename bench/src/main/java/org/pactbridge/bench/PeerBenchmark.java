package org.pactbridge.bench;

import java.util.List;
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
import org.pactbridge.bench.gate.DifferentialGate;
import org.pactbridge.bench.gate.HopWindows;
import org.pactbridge.bench.gate.PactbridgePeer;
import org.pactbridge.bench.gate.Peer;
import org.pactbridge.bench.gate.ReleaseRules;
import org.pactbridge.bench.gate.Verdict;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * The same workloads as {@link PactbridgeBenchmark} on the generated 5,000-agreement world, through
 * each peer: one decision, a batch of 10,000, and a relay for a pair with no direct agreement (the
 * peer is asked, hub by hub, whether both hops are lawful). Each trial first checks the peer against
 * Pactbridge on the single-decision requests, so a peer that disagrees is never timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PeerBenchmark {
  @Param({"jcasbin", "cedar", "authzforce"})
  public String peer;

  private Peer engine;
  private ReleaseRules rules;
  private ReleaseRequest[] singles;
  private ReleaseRequest[] relays;
  private ReleaseRequest[] batch;
  private List<PartyCode> hubs;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    BenchWorlds.Loaded loaded = BenchWorlds.load("generated");
    engine = Peers.create(peer, loaded.registry(), HopWindows.of(loaded.registry()));
    rules = Peers.rules(engine);
    singles = loaded.singles();
    relays = loaded.relays();
    batch = loaded.batch();
    hubs = loaded.generated().hubs();
    // the gate before the clock: a peer that disagrees with Pactbridge is never timed
    DifferentialGate.agree(List.of(singles), new PactbridgePeer(loaded.registry()), List.of(engine));
  }

  /** One decision (rules 1–6). */
  @Benchmark
  public Verdict direct() {
    return engine.decide(singles[next++ & (Workloads.CYCLE - 1)]);
  }

  /** A relay for a pair with no direct agreement: both hops through each candidate hub. */
  @Benchmark
  public int route() {
    ReleaseRequest request = relays[next++ % relays.length];
    int lawful = 0;
    for (PartyCode hub : hubs) {
      if (rules.relayThrough(request, hub)) {
        lawful++;
      }
    }
    return lawful;
  }

  /** 10,000 decisions. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1, batchSize = 1)
  @Measurement(iterations = 2, batchSize = 1)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void batch10k(Blackhole blackhole) {
    for (ReleaseRequest request : batch) {
      blackhole.consume(engine.decide(request));
    }
  }
}
