package org.pactbridge.core.release.compiled;

import java.time.Instant;
import java.util.List;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;

/**
 * Outcome of one hop check. {@code failure} is null when the hop is lawful. {@code id} and
 * {@code thirdPartyRule} repeat the agreement's id and its rule at the instant, so that a decision
 * reads them here, from one object, instead of from the agreement and its provisions; so do a lawful
 * hop's {@code reasons} (in force, then its cautions), {@code ids} (the id as a list), the
 * {@code sources} a route's hop cites and that {@code hop} itself (null when the hop fails). All are
 * made once, when the snapshot is compiled.
 */
public record HopResult(
    ReasonCode failure,
    boolean scopeFails,
    boolean levelFails,
    Agreement agreement,
    Level level,
    boolean assumed,
    Instant terminationTakesEffect,
    Provisions provisions,
    AgreementId id,
    ThirdPartyRule thirdPartyRule,
    List<Reason> reasons,
    List<AgreementId> ids,
    List<String> sources,
    Hop hop) {
  public HopResult {
    reasons = List.copyOf(reasons);
    ids = List.copyOf(ids);
    sources = List.copyOf(sources);
  }

  /** The sources a hop over this agreement cites: its equivalence table's when that names any, else the agreement's. */
  static List<String> sourcesOf(Agreement agreement, Provisions provisions) {
    EquivalenceTable table = provisions instanceof InformationProvisions information ? information.equivalence().orElse(null) : null;
    return table != null && !table.sources().isEmpty() ? table.sources() : agreement.sources();
  }

  public boolean lawful() {
    return failure == null;
  }
}
