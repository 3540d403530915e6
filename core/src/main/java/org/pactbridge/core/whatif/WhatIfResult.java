package org.pactbridge.core.whatif;

import java.time.Instant;
import java.util.List;

/** What a hypothesis changes at an instant: coverage cells and probe decisions, in input order. */
public record WhatIfResult(Instant at, List<CellChange> cells, List<DecisionChange> decisions) {
  public WhatIfResult {
    cells = List.copyOf(cells);
    decisions = List.copyOf(decisions);
  }

  public boolean changesNothing() {
    return cells.isEmpty() && decisions.isEmpty();
  }
}
