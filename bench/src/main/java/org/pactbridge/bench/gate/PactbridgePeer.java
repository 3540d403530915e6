package org.pactbridge.bench.gate;

import java.time.Instant;
import java.util.Set;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.compiled.HopCheck;
import org.pactbridge.core.release.compiled.HopResult;

/** Pactbridge's own engine, the reference every peer must agree with. */
public final class PactbridgePeer implements Peer {
  private final ReleaseEngine engine;

  public PactbridgePeer(Registry registry) {
    this.engine = new ReleaseEngine(registry);
  }

  @Override
  public String name() {
    return "pactbridge";
  }

  @Override
  public Verdict decide(ReleaseRequest request) {
    return Verdict.of(engine.decide(request, false));
  }

  /** Pactbridge's {@link HopCheck} behind the peers' glue: checks the glue itself against the engine. */
  public static HopOracle hopCheckOracle(Registry registry) {
    HopCheck check = new HopCheck(registry);
    return (PartyCode from, Level level, PartyCode to, Set<Topic> topics, Instant at) -> {
      HopResult result = check.check(from, level, to, topics, at);
      if (result.lawful()) {
        return HopAnswer.lawful(
            result.level().qualified(), result.agreement().id().value(), result.agreement().provisionsAt(at).thirdPartyRule(), result.assumed(),
            result.terminationTakesEffect() != null);
      }
      if (result.failure() == org.pactbridge.core.release.ReasonCode.NO_AGREEMENT_IN_FORCE) {
        return HopAnswer.NO_AGREEMENT;
      }
      return HopAnswer.failing(result.agreement().id().value(), result.scopeFails(), result.levelFails());
    };
  }
}
