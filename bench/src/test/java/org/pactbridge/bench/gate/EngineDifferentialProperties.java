package org.pactbridge.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pactbridge.bench.world.GeneratedRequest;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.GeneratorConfig;
import org.pactbridge.bench.world.WorldGenerator;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Differential;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReferenceEvaluator;

/**
 * The compiled engine against the reference evaluator on generated worlds (hubs, arrangements with
 * channels, amendments, notices, suspensions, communities, ORCON, users): identical decisions
 * (outcome, reasons in order, agreements, levels, consents) and routes. The default build checks
 * 10,000 requests over ten worlds of random seeds; {@code -Pgate-full} checks 100,000 more, over ten
 * larger worlds.
 */
class EngineDifferentialProperties {
  private static final int WORLDS = 10;

  @Property(tries = WORLDS, edgeCases = EdgeCasesMode.NONE)
  void the_compiled_engine_decides_as_the_reference_on_1000_requests_of_a_generated_world(
      @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
    GeneratorConfig config = new GeneratorConfig(seed, 30, 3, 150, 5_000, 500, 1_000);

    Set<Outcome> outcomes = agreeOn(WorldGenerator.generate(config));

    assertThat(outcomes).contains(Outcome.PERMIT, Outcome.DENY);
  }

  @Test
  @EnabledIfSystemProperty(named = "pactbridge.gate.full", matches = "true")
  void the_compiled_engine_decides_as_the_reference_on_100000_requests_of_ten_larger_worlds() {
    for (int world = 0; world < WORLDS; world++) {
      GeneratorConfig config = new GeneratorConfig(GeneratorConfig.DEFAULT_SEED + world, 60, 4, 600, 20_000, 2_000, 10_000);

      Set<Outcome> outcomes = agreeOn(WorldGenerator.generate(config));

      assertThat(outcomes).contains(Outcome.PERMIT, Outcome.DENY);
    }
  }

  /** Checks every request of the world; the outcomes seen, so that a test can tell the world was not one-sided. */
  private static Set<Outcome> agreeOn(GeneratedWorld world) {
    ReleaseEngine engine = new ReleaseEngine(world.registry());
    ReferenceEvaluator reference = new ReferenceEvaluator(world.registry());
    Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
    Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    int routes = 0;
    for (GeneratedRequest generated : world.requests()) {
      Decision decision = Differential.check(engine, reference, generated.request());
      outcomes.add(decision.outcome());
      decision.reasons().stream().map(Reason::code).forEach(codes::add);
      routes += decision.routes().size();
    }
    assertThat(codes).as("reason codes met").hasSizeGreaterThan(ReasonCode.values().length / 2);
    assertThat(routes).as("routes compared").isPositive();
    return outcomes;
  }
}
