package org.pactbridge.core.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;

/**
 * The coverage matrix at an instant, for items with the given topics (none: only unrestricted scopes
 * count). For each ordered pair, the originator's levels are tried from the highest down: the first
 * one the direct decision permits is the direct cell, the first one with a route is the relay cell.
 * Cost: O(parties² × levels) decisions.
 */
public final class Coverage {
  private final ReleaseEngine engine;

  public Coverage(ReleaseEngine engine) {
    this.engine = engine;
  }

  /** The matrix for the given parties (all parties of the registry when {@code parties} is empty). */
  public List<CoverageCell> compute(Instant at, Set<Topic> topics, List<PartyCode> parties) {
    List<PartyCode> codes = new ArrayList<>(parties);
    if (codes.isEmpty()) {
      for (Party party : engine.registry().parties()) {
        codes.add(party.code());
      }
    }
    List<CoverageCell> cells = new ArrayList<>(codes.size() * codes.size());
    for (PartyCode from : codes) {
      for (PartyCode to : codes) {
        if (!from.equals(to)) {
          cells.add(cell(from, to, at, topics));
        }
      }
    }
    return cells;
  }

  public CoverageCell cell(PartyCode from, PartyCode to, Instant at, Set<Topic> topics) {
    Party originator = engine.registry().requireParty(from);
    List<Level> levels = originator.schemeAt(at).classifiedLevels();
    Optional<Level> direct = Optional.empty();
    Optional<Level> directRecipient = Optional.empty();
    Optional<AgreementId> directAgreement = Optional.empty();
    Optional<Level> relay = Optional.empty();
    Optional<Route> relayRoute = Optional.empty();
    for (int i = levels.size() - 1; i >= 0; i--) {
      Level level = levels.get(i);
      ReleaseRequest request = ReleaseRequest.simple(level, to, topics, at);
      if (direct.isEmpty()) {
        Decision decision = engine.decide(request, false);
        if (decision.outcome() == Outcome.PERMIT) {
          direct = Optional.of(level);
          directRecipient = decision.recipientLevel();
          directAgreement = decision.agreements().stream().findFirst();
        }
      }
      if (relay.isEmpty()) {
        List<Route> routes = engine.routes(request, 3, 1);
        if (!routes.isEmpty()) {
          relay = Optional.of(level);
          relayRoute = Optional.of(routes.get(0));
        }
      }
      if (direct.isPresent() && relay.isPresent()) {
        break;
      }
    }
    return new CoverageCell(from, to, direct, directRecipient, directAgreement, relay, relayRoute);
  }
}
