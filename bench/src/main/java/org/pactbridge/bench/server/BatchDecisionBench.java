package org.pactbridge.bench.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.world.WorldLoader;

/**
 * In-process batch evaluation, as the server's batch endpoint runs it once the JSON is read: a batch of
 * 1,000 prepared requests on the reference world (a mix over KOR, JPN and USA, dates 2011–2023, with
 * and without topics, holders and consents), each decided directly (no route search: the batch
 * endpoint's hot path for permits; {@link #batchWithRoutes} measures the full decision with routes for
 * the non-permits). Score: decisions per second ({@code OperationsPerInvocation = 1000}).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'server.BatchDecisionBench' -t 2}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BatchDecisionBench {
  static final int BATCH = 1000;

  private ReleaseEngine engine;
  private ReleaseRequest[] requests;

  @Setup
  public void setUp() {
    Registry registry = WorldLoader.reference();
    engine = new ReleaseEngine(registry);
    PartyCode kor = PartyCode.of("KOR");
    PartyCode jpn = PartyCode.of("JPN");
    PartyCode usa = PartyCode.of("USA");
    PartyCode[] parties = {kor, jpn, usa};
    String[] dates = {"2011-01-05", "2015-06-01", "2017-01-05", "2019-11-01", "2023-06-01"};
    List<ReleaseRequest> list = new ArrayList<>();
    int i = 0;
    while (list.size() < BATCH) {
      PartyCode originator = parties[i % 3];
      PartyCode recipient = parties[(i / 3 + 1 + i % 3) % 3];
      if (recipient.equals(originator)) {
        recipient = parties[(i + 1) % 3];
      }
      Instant at = Instant.parse(dates[(i / 9) % dates.length] + "T00:00:00Z");
      List<Level> levels = registry.requireParty(originator).schemeAt(at).classifiedLevels();
      Level level = levels.get(i % levels.size());
      Set<Topic> topics = i % 2 == 0 ? Set.of(Topic.of("dprk-missile")) : Set.of();
      list.add(new ReleaseRequest(Set.of(originator), level, Releasability.open(), false, topics, null, originator, recipient, null, Set.of(), at));
      i++;
    }
    requests = list.toArray(new ReleaseRequest[0]);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batchDirect(Blackhole hole) {
    for (ReleaseRequest request : requests) {
      Decision decision = engine.decide(request, false);
      hole.consume(decision);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batchWithRoutes(Blackhole hole) {
    for (ReleaseRequest request : requests) {
      hole.consume(engine.decide(request));
    }
  }
}
