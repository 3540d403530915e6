package org.pactbridge.core.whatif;

import org.pactbridge.core.coverage.CoverageCell;

/** One coverage cell that the hypothesis changes. */
public record CellChange(CoverageCell before, CoverageCell after) {}
