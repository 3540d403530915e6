package org.pactbridge.bench.gate;

import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;

/** The shared glue over a plain-Java oracle: a self-check of the glue and of the exported windows. */
public final class GluePeer implements Peer {
  private final String name;
  private final ReleaseRules rules;

  public GluePeer(String name, Registry registry, HopOracle oracle) {
    this.name = name;
    this.rules = new ReleaseRules(registry, oracle);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Verdict decide(ReleaseRequest request) {
    return rules.decide(request);
  }
}
