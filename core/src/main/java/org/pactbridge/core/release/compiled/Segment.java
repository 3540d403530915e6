package org.pactbridge.core.release.compiled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;

/** A stretch of time over which an agreement is in force with one status and one provisions version. */
final class Segment {
  // the sender's levels the table lists, each followed by its lawful result (null where the receiver
  // has no level in the row): one array, so a look-up touches one more object
  final Object[] lawful;
  private final EquivalenceTable table;
  private final PartyCode from;
  private final PartyCode to;
  final HopResult scopeFail;
  final HopResult levelFail;
  final HopResult scopeAndLevelFail;
  private final Agreement agreement;
  private final boolean assumed;
  private final AgreementStatus status;
  private final Provisions provisions;

  Segment(Agreement agreement, AgreementStatus status, Provisions provisions, PartyCode from, PartyCode to) {
    this.agreement = agreement;
    this.status = status;
    this.provisions = provisions;
    this.table = provisions instanceof InformationProvisions information ? information.equivalence().orElse(null) : null;
    this.from = from;
    this.to = to;
    this.assumed = status.assumed() || provisions.anyAssumed();
    List<Object> pairs = new ArrayList<>();
    if (table != null) {
      for (Map<PartyCode, List<Level>> row : table.rows()) {
        for (Level level : row.getOrDefault(from, List.of())) {
          pairs.add(level);
          pairs.add(lawfulResult(level, table.translateOrNull(level, to)));
        }
      }
    }
    this.lawful = pairs.toArray();
    this.scopeFail = failed(ReasonCode.TOPIC_OUT_OF_SCOPE, true, false);
    this.levelFail = failed(ReasonCode.LEVEL_NOT_COVERED, false, true);
    this.scopeAndLevelFail = failed(ReasonCode.TOPIC_OUT_OF_SCOPE, true, true);
  }

  private HopResult failed(ReasonCode code, boolean scopeFails, boolean levelFails) {
    return new HopResult(code, scopeFails, levelFails, agreement, null, false, null, provisions, agreement.id(), provisions.thirdPartyRule(),
        List.of(), List.of(agreement.id()), HopResult.sourcesOf(agreement, provisions), null);
  }

  /**
   * The lawful result for a sender's level, with the reasons a decision gives for the hop: that the
   * agreement is in force and covers the level, then its cautions. They are made here, once, because
   * they depend only on this segment and the level.
   */
  private HopResult lawfulResult(Level levelAtSender, Level translated) {
    if (translated == null) {
      return null;
    }
    AgreementId id = agreement.id();
    Instant terminationTakesEffect = status.terminationTakesEffect();
    List<Reason> reasons = new ArrayList<>(3);
    reasons.add(Reason.agreementInForce(id, from, to, levelAtSender));
    if (assumed) {
      reasons.add(Reason.assumedProvision(id));
    }
    if (terminationTakesEffect != null) {
      reasons.add(Reason.terminationPending(id, terminationTakesEffect));
    }
    List<String> sources = HopResult.sourcesOf(agreement, provisions);
    return new HopResult(null, false, false, agreement, translated, assumed, terminationTakesEffect, provisions, id, provisions.thirdPartyRule(),
        reasons, List.of(id), sources, new Hop(from, to, id, translated, assumed, sources));
  }

  /** Why the hop fails on this segment: its scope, its table, or both. */
  HopResult failure(boolean scopeFails, Level level) {
    return failure(scopeFails, lawful(level) == null);
  }

  HopResult failure(boolean scopeFails, boolean levelFails) {
    if (scopeFails) {
      return levelFails ? scopeAndLevelFail : scopeFail;
    }
    return levelFail;
  }

  /** The lawful result for a sender's level, or null when the table does not carry it to the receiver. */
  HopResult lawful(Level level) {
    Object[] pairs = lawful;
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i] == level) {
        return (HopResult) pairs[i + 1];
      }
    }
    return lawfulByValue(level);
  }

  // a level equal to the registry's but not the same instance, or (never on the engine's own paths)
  // a level of another party that the table happens to list
  HopResult lawfulByValue(Level level) {
    int hash = level.hashCode();
    for (int i = 0; i < lawful.length; i += 2) {
      // the hash first: a table's levels are in memory the request need not have touched
      if (lawful[i].hashCode() == hash && lawful[i].equals(level)) {
        return (HopResult) lawful[i + 1];
      }
    }
    if (table == null || level.party().equals(from)) {
      return null;
    }
    return lawfulResult(level, table.translateOrNull(level, to));
  }
}
