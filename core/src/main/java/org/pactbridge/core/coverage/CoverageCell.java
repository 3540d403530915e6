package org.pactbridge.core.coverage;

import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Route;

/**
 * One ordered pair: the originator's highest level releasable directly (with the recipient's level and
 * the agreement), and the highest releasable through a relay (with the best route for it).
 */
public record CoverageCell(
    PartyCode from,
    PartyCode to,
    Optional<Level> direct,
    Optional<Level> directRecipientLevel,
    Optional<AgreementId> directAgreement,
    Optional<Level> relay,
    Optional<Route> relayRoute) {

  public boolean relaySanctioned() {
    return relayRoute.map(Route::sanctioned).orElse(false);
  }
}
