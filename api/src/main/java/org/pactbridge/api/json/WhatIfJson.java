package org.pactbridge.api.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.whatif.CellChange;
import org.pactbridge.core.whatif.DecisionChange;
import org.pactbridge.core.whatif.WhatIfResult;

/** The JSON of a what-if answer, shared by {@code pactbridge whatif --json} and {@code POST /api/v1/whatif}. */
public final class WhatIfJson {
  private WhatIfJson() {}

  /**
   * {@code { "at", "cells": [ { "from", "to", "before": cell, "after": cell } ],
   * "decisions": [ { "id", "before": decision, "after": decision } ] }}, cells and decisions as
   * {@link Json#coverageCell} and {@link Json#decision} write them.
   */
  public static ObjectNode result(WhatIfResult result) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("at", DateSpec.format(result.at()));
    ArrayNode cells = node.putArray("cells");
    for (CellChange change : result.cells()) {
      ObjectNode cell = cells.addObject();
      cell.put("from", change.before().from().value());
      cell.put("to", change.before().to().value());
      cell.set("before", Json.coverageCell(change.before()));
      cell.set("after", Json.coverageCell(change.after()));
    }
    ArrayNode decisions = node.putArray("decisions");
    for (DecisionChange change : result.decisions()) {
      ObjectNode decision = decisions.addObject();
      decision.put("id", change.probe().id());
      decision.set("before", Json.decision(change.before()));
      decision.set("after", Json.decision(change.after()));
    }
    return node;
  }
}
