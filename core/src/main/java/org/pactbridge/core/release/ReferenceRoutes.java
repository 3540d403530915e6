package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * The relay route search of DESIGN.md ("Routes"), plainly: for two hops, then three, up to the bound,
 * every chain holder → X → … → recipient through distinct parties, none of them an originator, each
 * receiver releasable under the item's REL TO, each hop lawful under rule 4 at the level the sender
 * holds the item at. Only chains of the fewest hops that exist are kept; they are ranked sanctioned
 * before ad-hoc, then by the parties' codes, and the first {@code limit} returned. Every chain needs
 * each originator's consent, in code order. Cost: every party tried at every step, a rule-4 hop each:
 * for tests, not for a server.
 */
final class ReferenceRoutes {
  private final Registry registry;
  private final AgreementRule agreements;
  private final ReleasabilityRule releasability;
  private final List<PartyCode> parties = new ArrayList<>();

  ReferenceRoutes(Registry registry, AgreementRule agreements, ReleasabilityRule releasability) {
    this.registry = registry;
    this.agreements = agreements;
    this.releasability = releasability;
    for (Party party : registry.parties()) {
      parties.add(party.code());
    }
    parties.sort(null);
  }

  /** A chain found: its hops, and the arrangement sanctioning it (null for an ad-hoc chain). */
  private record Chain(List<AgreementRule.HopOutcome> hops, List<PartyCode> parties, AgreementId sanctionedBy) {}

  private static final Comparator<Chain> PREFERENCE = Comparator.<Chain, Boolean>comparing(chain -> chain.sanctionedBy() == null)
      .thenComparing(Chain::parties, ReferenceRoutes::compareCodes);

  List<Route> find(ReleaseRequest request, int maxHops, int limit) {
    PartyCode holder = request.holder();
    if (!releasability.permits(request, request.recipient()) || holder.equals(request.recipient())
        || registry.findParty(holder).isEmpty()) {
      return List.of();
    }
    Level atHolder = request.level();
    if (!holder.equals(request.level().party())) {
      AgreementRule.HopOutcome received =
          agreements.hop(request.level().party(), request.level(), holder, request.topics(), request.at());
      if (!received.lawful()) {
        return List.of();
      }
      atHolder = received.level();
    }
    for (int length = 2; length <= maxHops; length++) {
      List<Chain> chains = new ArrayList<>();
      List<PartyCode> path = new ArrayList<>(List.of(holder));
      extend(request, path, new ArrayList<>(), atHolder, length, chains);
      if (!chains.isEmpty()) {
        chains.sort(PREFERENCE);
        List<PartyCode> consents = new ArrayList<>(request.originators());
        consents.sort(null);
        List<Route> routes = new ArrayList<>();
        for (Chain chain : chains.subList(0, Math.min(limit, chains.size()))) {
          routes.add(new Route(chain.hops().stream().map(AgreementRule.HopOutcome::hop).toList(), consents, chain.sanctionedBy()));
        }
        return List.copyOf(routes);
      }
    }
    return List.of();
  }

  /** Every lawful continuation of {@code path} by exactly {@code remaining} hops ending at the recipient. */
  private void extend(
      ReleaseRequest request, List<PartyCode> path, List<AgreementRule.HopOutcome> hops, Level level, int remaining, List<Chain> out) {
    PartyCode sender = path.get(path.size() - 1);
    if (remaining == 1) {
      AgreementRule.HopOutcome last = agreements.hop(sender, level, request.recipient(), request.topics(), request.at());
      if (last.lawful()) {
        List<AgreementRule.HopOutcome> chainHops = new ArrayList<>(hops);
        chainHops.add(last);
        List<PartyCode> chainParties = new ArrayList<>(path);
        chainParties.add(request.recipient());
        out.add(new Chain(List.copyOf(chainHops), List.copyOf(chainParties), sanctioning(request, chainParties)));
      }
      return;
    }
    for (PartyCode next : parties) {
      if (path.contains(next) || next.equals(request.recipient()) || request.originators().contains(next)
          || !releasability.permits(request, next)) {
        continue;
      }
      AgreementRule.HopOutcome step = agreements.hop(sender, level, next, request.topics(), request.at());
      if (step.lawful()) {
        path.add(next);
        hops.add(step);
        extend(request, path, hops, step.level(), remaining - 1, out);
        hops.remove(hops.size() - 1);
        path.remove(path.size() - 1);
      }
    }
  }

  /** The first arrangement, in registry order, in force at the instant and covering the topics, whose channel sanctions the chain. */
  private AgreementId sanctioning(ReleaseRequest request, List<PartyCode> chain) {
    for (Agreement arrangement : registry.arrangements()) {
      Provisions provisions = arrangement.provisionsAt(request.at());
      Channel channel = provisions instanceof ArrangementProvisions terms ? terms.channel().orElse(null) : null;
      if (arrangement.statusAt(request.at()).inForce() && channel != null && provisions.scope().covers(request.topics())
          && channel.sanctions(chain)) {
        return arrangement.id();
      }
    }
    return null;
  }

  private static int compareCodes(List<PartyCode> x, List<PartyCode> y) {
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int order = x.get(i).compareTo(y.get(i));
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(x.size(), y.size());
  }
}
