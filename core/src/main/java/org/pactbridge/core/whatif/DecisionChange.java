package org.pactbridge.core.whatif;

import org.pactbridge.core.release.Decision;

/** One probe whose decision the hypothesis changes (outcome, recipient level or agreements relied on). */
public record DecisionChange(Probe probe, Decision before, Decision after) {}
