package org.pactbridge.service;

import java.time.Clock;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.User;

/**
 * Decide and record, for decisions that are not about a stored item ({@code POST /api/v1/decisions}):
 * the engine decides on its immutable snapshot, and the decision is counted for the audit log, which
 * receives one {@code DECISIONS_ANSWERED} entry per asker and second ({@link DecisionTally}). The hot
 * path is the engine's plus one atomic increment; it never waits on the database. Thread-safe; close it
 * to flush the last counts.
 */
public final class Decisions implements AutoCloseable {
  private final ReleaseEngine engine;
  private final DecisionTally tally;

  public Decisions(ReleaseEngine engine, AuditLog audit, Clock clock, PartyCode node) {
    this.engine = engine;
    this.tally = new DecisionTally(audit, clock, node.value());
  }

  /** Decides {@code request} for {@code asker}, counted for the audit log. */
  public Decision decide(User asker, ReleaseRequest request) {
    Decision decision = engine.decide(request);
    tally.count(AuditActors.of(asker), decision.outcome());
    return decision;
  }

  /** Appends the decisions counted so far to the audit log now, instead of within the second. */
  public void flush() {
    tally.flush();
  }

  @Override
  public void close() {
    tally.close();
  }
}
