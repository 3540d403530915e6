package org.pactbridge.bench.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.pactbridge.bench.Peers;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.GeneratorConfig;
import org.pactbridge.bench.world.WorldGenerator;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * The differential gate on a small generated world, so that it runs in the default build and cannot
 * rot: every peer gives Pactbridge's verdict on a stratified sample covering every reason code, and a
 * peer that gets one thing wrong is caught with the request printed. {@code -Pgate-full} runs the
 * full-size check (200 parties, 5,000 agreements, all 100,000 requests) instead.
 */
class DifferentialGateTest {
  private static GeneratedWorld world;
  private static PactbridgePeer reference;

  @BeforeAll
  static void generate() {
    world = WorldGenerator.generate(GeneratorConfig.small());
    reference = new PactbridgePeer(world.registry());
  }

  @Test
  void the_stratified_sample_covers_every_reason_code() {
    List<ReleaseRequest> sample = DifferentialGate.stratifiedSample(world.requests(), reference, 1_000);

    assertThat(sample).hasSize(1_000);
    assertThat(DifferentialGate.codesCovered(sample, reference)).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(ReasonCode.class));
  }

  @Test
  void every_peer_gives_pactbridges_verdict_on_the_sample() {
    List<ReleaseRequest> sample = DifferentialGate.stratifiedSample(world.requests(), reference, 1_000);
    List<String> names = new ArrayList<>(Peers.ENGINES);
    names.addAll(Peers.SELF_CHECKS);
    List<Peer> peers = Peers.create(names, world.registry());

    long checks = DifferentialGate.check(sample, reference, peers);

    assertThat(checks).isEqualTo(1_000L * names.size());
  }

  @Test
  void a_peer_that_drops_one_caution_fails_the_gate_and_the_request_is_printed() {
    List<ReleaseRequest> sample = DifferentialGate.stratifiedSample(world.requests(), reference, 1_000);
    HopOracle truth = PactbridgePeer.hopCheckOracle(world.registry());
    HopOracle forgetful = (from, level, to, topics, at) -> {
      HopAnswer answer = truth.hop(from, level, to, topics, at);
      return answer.lawful()
          ? HopAnswer.lawful(answer.level(), answer.agreement(), answer.rule(), answer.assumed(), false)
          : answer;
    };
    Peer wrong = new GluePeer("forgetful", world.registry(), forgetful);

    assertThatThrownBy(() -> DifferentialGate.check(sample, reference, List.of(wrong)))
        .isInstanceOf(DifferentialGate.Mismatch.class)
        .hasMessageContaining("forgetful disagrees with pactbridge on ReleaseRequest[")
        .hasMessageContaining("TERMINATION_PENDING");
  }

  @Test
  void a_sample_that_misses_a_reason_code_fails_the_gate() {
    List<ReleaseRequest> permitsOnly = new ArrayList<>();
    for (var generated : world.requests()) {
      if (reference.decide(generated.request()).codes().equals(java.util.Set.of(ReasonCode.ORIGINATOR))) {
        permitsOnly.add(generated.request());
      }
    }

    assertThatThrownBy(() -> DifferentialGate.check(permitsOnly, reference, List.of()))
        .isInstanceOf(DifferentialGate.Mismatch.class)
        .hasMessageContaining("misses reason codes");
  }

  @Test
  @EnabledIfSystemProperty(named = "pactbridge.gate.full", matches = "true")
  void every_peer_gives_pactbridges_verdict_on_all_100000_requests_of_the_full_world() {
    GeneratedWorld full = WorldGenerator.generate(GeneratorConfig.full());
    PactbridgePeer fullReference = new PactbridgePeer(full.registry());
    List<ReleaseRequest> all = DifferentialGate.stratifiedSample(full.requests(), fullReference, Integer.MAX_VALUE);
    List<Peer> peers = Peers.create(Peers.ENGINES, full.registry());

    long checks = DifferentialGate.check(all, fullReference, peers);

    assertThat(checks).isEqualTo(100_000L * Peers.ENGINES.size());
  }
}
