package org.pactbridge.bench;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.GeneratorConfig;
import org.pactbridge.bench.world.WorldGenerator;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;

/** The worlds a benchmark can run on, with their request sets. */
final class BenchWorlds {
  /** A registry and the requests to time on it. */
  record Loaded(Registry registry, ReleaseRequest[] singles, ReleaseRequest[] relays, ReleaseRequest[] batch, GeneratedWorld generated) {}

  private BenchWorlds() {}

  static Loaded load(String name) {
    switch (name) {
      case "generated" -> {
        GeneratedWorld world = WorldGenerator.generate(GeneratorConfig.full());
        return new Loaded(world.registry(), Workloads.singles(world), Workloads.relays(world, 256), Workloads.batch(world, 10_000), world);
      }
      case "reference" -> {
        Registry registry = ReferenceWorld.registry();
        List<Instant> instants = List.of(
            Instant.parse("2011-01-05T00:00:00Z"), Instant.parse("2015-06-01T00:00:00Z"), Instant.parse("2017-01-05T00:00:00Z"),
            Instant.parse("2019-09-01T00:00:00Z"), Instant.parse("2023-06-01T00:00:00Z"));
        Set<Topic> topics = Set.of(Topic.of("dprk-missile"));
        ReleaseRequest[] all = Workloads.pairs(registry, instants, topics, false);
        ReleaseRequest[] singles = new ReleaseRequest[Workloads.CYCLE];
        for (int i = 0; i < singles.length; i++) {
          singles[i] = all[(int) ((long) i * all.length / singles.length)];
        }
        ReleaseRequest[] batch = new ReleaseRequest[10_000];
        for (int i = 0; i < batch.length; i++) {
          batch[i] = all[i % all.length];
        }
        return new Loaded(registry, singles, Workloads.pairs(registry, instants, topics, true), batch, null);
      }
      default -> throw new IllegalArgumentException("unknown world '" + name + "' (generated, reference)");
    }
  }
}
