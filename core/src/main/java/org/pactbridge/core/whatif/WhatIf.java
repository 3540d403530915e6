package org.pactbridge.core.whatif;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;

/**
 * Compares a registry snapshot with the same snapshot under a {@link Hypothesis}. A coverage cell
 * changes when its direct or relay level, its direct agreement or whether its relay is sanctioned
 * changes (the exact route chosen may differ without counting as a change); a decision changes when its
 * outcome, its recipient level or the agreements it relies on change.
 *
 * <p>Thread-safe. Cost: two coverage matrices (O(parties² × levels) decisions each) plus two decisions
 * per probe; the hypothetical snapshot is built once per call.
 */
public final class WhatIf {
  private final ReleaseEngine base;

  public WhatIf(ReleaseEngine base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  public WhatIf(Registry base) {
    this(new ReleaseEngine(base));
  }

  public WhatIfResult compare(Hypothesis hypothesis, Instant at, Set<Topic> topics, List<PartyCode> parties, List<Probe> probes) {
    ReleaseEngine changed = new ReleaseEngine(hypothesis.applyTo(base.registry()));
    List<CoverageCell> before = new Coverage(base).compute(at, topics, parties);
    List<CoverageCell> after = new Coverage(changed).compute(at, topics, parties);
    List<CellChange> cells = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!sameCell(before.get(i), after.get(i))) {
        cells.add(new CellChange(before.get(i), after.get(i)));
      }
    }
    List<DecisionChange> decisions = new ArrayList<>();
    for (Probe probe : probes) {
      Decision was = base.decide(probe.request());
      Decision would = changed.decide(probe.request());
      if (!sameDecision(was, would)) {
        decisions.add(new DecisionChange(probe, was, would));
      }
    }
    return new WhatIfResult(at, cells, decisions);
  }

  static boolean sameCell(CoverageCell a, CoverageCell b) {
    return a.from().equals(b.from())
        && a.to().equals(b.to())
        && a.direct().equals(b.direct())
        && a.directAgreement().equals(b.directAgreement())
        && a.relay().equals(b.relay())
        && a.relaySanctioned() == b.relaySanctioned();
  }

  static boolean sameDecision(Decision a, Decision b) {
    return a.outcome() == b.outcome() && a.recipientLevel().equals(b.recipientLevel()) && a.agreements().equals(b.agreements());
  }
}
