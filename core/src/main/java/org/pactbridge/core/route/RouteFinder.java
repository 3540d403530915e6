package org.pactbridge.core.route;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.HopCheck;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * Finds chains holder → X → … → recipient in which every hop satisfies rules 3 and 4 at the instant
 * (each receiver releasable under the item's REL TO, an information agreement in force whose scope
 * covers the topics and whose table covers the level as the sender protects it). Levels are translated
 * hop by hop. Every onward hop carries the originators' consent requirement.
 *
 * <p>Search is by increasing length: only chains of the fewest hops that exist are returned, ordered by
 * fewer consents, then sanctioned before ad-hoc, then by the parties' codes. Originators are not used
 * as intermediaries: a chain back through the originator is the originator's own release, not a relay.
 * Thread-safe. Cost: the last hop is a direct look-up, so a two-hop search is O(degree of the holder).
 */
public final class RouteFinder {
  public static final int DEFAULT_MAX_HOPS = 3;
  public static final int DEFAULT_LIMIT = 10;

  private final Registry registry;
  private final HopCheck hops;

  public RouteFinder(Registry registry, HopCheck hops) {
    this.registry = registry;
    this.hops = hops;
  }

  public List<Route> find(ReleaseRequest request) {
    return find(request, DEFAULT_MAX_HOPS, DEFAULT_LIMIT);
  }

  /** Routes of at least two hops and at most {@code maxHops}, at most {@code limit} of them. */
  public List<Route> find(ReleaseRequest request, int maxHops, int limit) {
    if (request.releasability().isNoforn()
        || !request.releasability().permits(request.recipient(), registry.communities())
        || request.holder().equals(request.recipient())) {
      return List.of();
    }
    Level start = request.level();
    List<Hop> prefix = new ArrayList<>(maxHops);
    if (!request.holder().equals(request.level().party())) {
      HopCheck.Result received =
          hops.check(request.level().party(), request.level(), request.holder(), request.topics(), request.at());
      if (!received.lawful()) {
        return List.of();
      }
      start = received.level();
    }
    Search search = new Search(request, limit);
    Set<PartyCode> visited = new HashSet<>();
    visited.add(request.holder());
    for (int depth = 2; depth <= maxHops; depth++) {
      search.extend(request.holder(), start, depth, prefix, visited);
      if (!search.found.isEmpty()) {
        break;
      }
    }
    List<Route> routes = search.found;
    sortByPreference(routes);
    return routes.size() > limit ? List.copyOf(routes.subList(0, limit)) : List.copyOf(routes);
  }

  /**
   * Sorts by preference: fewer hops, then fewer consents, then sanctioned before ad-hoc, then the
   * parties' codes. Each route's tie-break key ({@code parties().toString()}) is computed once rather
   * than at every comparison, which dominated the cost of a search that finds a dozen routes.
   */
  private static void sortByPreference(List<Route> routes) {
    if (routes.size() < 2) {
      return;
    }
    Map<Route, String> keys = new IdentityHashMap<>();
    for (Route route : routes) {
      keys.put(route, route.parties().toString());
    }
    routes.sort(Comparator.<Route>comparingInt(route -> route.hops().size())
        .thenComparingInt(route -> route.consents().size())
        .thenComparing(route -> route.sanctioned() ? 0 : 1)
        .thenComparing(keys::get));
  }

  private final class Search {
    private final ReleaseRequest request;
    private final int limit;
    private final Set<Topic> topics;
    private final Instant at;
    private final List<Route> found = new ArrayList<>();
    private final List<PartyCode> consents;
    private final List<Channel> channels = new ArrayList<>(2);
    private final List<AgreementId> channelOwners = new ArrayList<>(2);
    /**
     * The parties that could make the last hop: an information agreement with the recipient in force
     * whose scope covers the topics, and releasable. Computed once per search; any chain's last sender
     * must be one of them, so the search meets them from both ends.
     */
    private final List<PartyCode> lastSenders = new ArrayList<>();
    // the same parties' registry indices, so a pair look-up with them is an array read
    private int[] lastSenderIndex;
    private Level[] lastHopLevel;
    private HopCheck.Result[] lastHopResult;

    Search(ReleaseRequest request, int limit) {
      this.request = request;
      this.limit = limit;
      this.topics = request.topics();
      this.at = request.at();
      // the arrangements whose channel may sanction a chain for this request, in registry order: the
      // same for every chain found, so computed once per search rather than once per chain
      for (Agreement arrangement : registry.arrangements()) {
        if (!arrangement.statusAt(at).inForce()) {
          continue;
        }
        Provisions provisions = arrangement.provisionsAt(at);
        if (provisions.channel() != null && provisions.scope().covers(topics)) {
          channels.add(provisions.channel());
          channelOwners.add(arrangement.id());
        }
      }
      List<PartyCode> originators = new ArrayList<>(request.originators());
      originators.sort(null);
      this.consents = List.copyOf(originators);
      PartyCode recipient = request.recipient();
      Set<PartyCode> seen = new HashSet<>();
      for (Agreement agreement : registry.informationAgreementsOf(recipient)) {
        if (!agreement.statusAt(at).inForce() || !agreement.provisionsAt(at).scope().covers(topics)) {
          continue;
        }
        for (PartyCode party : agreement.parties()) {
          if (!party.equals(recipient) && !request.originators().contains(party) && seen.add(party)
              && request.releasability().permits(party, registry.communities())) {
            lastSenders.add(party);
          }
        }
      }
      lastSenderIndex = new int[lastSenders.size()];
      lastHopLevel = new Level[lastSenders.size()];
      lastHopResult = new HopCheck.Result[lastSenders.size()];
      for (int i = 0; i < lastSenderIndex.length; i++) {
        lastSenderIndex[i] = registry.indexOf(lastSenders.get(i));
      }
    }

    /** Whether {@code party} has an information agreement with any possible last sender. */
    private boolean reachesALastSender(PartyCode party) {
      int index = registry.indexOf(party);
      for (int last : lastSenderIndex) {
        if (last != index && registry.between(index, last, AgreementKind.INFORMATION).length > 0) {
          return true;
        }
      }
      return false;
    }

    /** Extends the chain by {@code remaining} (at least two) more hops. */
    void extend(PartyCode sender, Level level, int remaining, List<Hop> prefix, Set<PartyCode> visited) {
      if (found.size() >= limit * 4) {
        return; // enough to rank; bounded work on dense worlds
      }
      PartyCode recipient = request.recipient();
      if (remaining == 2) {
        // the last two hops: sender → a possible last sender → the recipient
        // the next party must be a possible last sender: walk those few instead of every neighbour
        int senderIndex = registry.indexOf(sender);
        for (int i = 0; i < lastSenderIndex.length; i++) {
          PartyCode next = lastSenders.get(i);
          if (next.equals(sender) || registry.between(senderIndex, lastSenderIndex[i], AgreementKind.INFORMATION).length == 0
              || visited.contains(next)) {
            continue;
          }
          HopCheck.Result step = hops.check(sender, level, next, topics, at);
          if (!step.lawful()) {
            continue;
          }
          if (found.size() >= limit * 4) {
            return; // enough to rank; bounded work on dense worlds
          }
          HopCheck.Result last = lastHop(i, next, step.level());
          if (last.lawful()) {
            List<Hop> chain = new ArrayList<>(prefix.size() + 2);
            chain.addAll(prefix);
            chain.add(hop(sender, next, step));
            chain.add(hop(next, recipient, last));
            found.add(new Route(chain, consents, sanctioning(chain)));
          }
        }
        return;
      }
      Set<PartyCode> tried = new HashSet<>();
      for (Agreement agreement : registry.informationAgreementsOf(sender)) {
        if (!agreement.statusAt(at).inForce()) {
          continue;
        }
        for (PartyCode next : agreement.parties()) {
          if (next.equals(sender) || next.equals(recipient) || visited.contains(next) || !tried.add(next)
              || request.originators().contains(next)
              || !request.releasability().permits(next, registry.communities())) {
            continue;
          }
          if (remaining == 3 && !reachesALastSender(next)) {
            continue; // no chain through this party can end at the recipient in two more hops
          }
          step(sender, level, next, remaining, prefix, visited);
        }
      }
    }

    /**
     * The last hop from the {@code i}-th possible last sender at {@code level}. Many chains reach the same
     * last sender at the same level, so the latest answer for each is kept: a hop check is a pure
     * function of the snapshot and the request.
     */
    private HopCheck.Result lastHop(int i, PartyCode sender, Level level) {
      if (lastHopLevel[i] != null && lastHopLevel[i].equals(level)) {
        return lastHopResult[i];
      }
      HopCheck.Result result = hops.check(sender, level, request.recipient(), topics, at);
      lastHopLevel[i] = level;
      lastHopResult[i] = result;
      return result;
    }

    private void step(PartyCode sender, Level level, PartyCode next, int remaining, List<Hop> prefix, Set<PartyCode> visited) {
      HopCheck.Result step = hops.check(sender, level, next, topics, at);
      if (!step.lawful()) {
        return;
      }
      prefix.add(hop(sender, next, step));
      visited.add(next);
      extend(next, step.level(), remaining - 1, prefix, visited);
      visited.remove(next);
      prefix.remove(prefix.size() - 1);
    }

    private Hop hop(PartyCode from, PartyCode to, HopCheck.Result result) {
      Provisions provisions = result.agreement().provisionsAt(at);
      List<String> sources = provisions.equivalence() != null && !provisions.equivalence().sources().isEmpty()
          ? provisions.equivalence().sources()
          : result.agreement().sources();
      return new Hop(from, to, result.agreement().id(), result.level(), result.assumed(), sources);
    }

    private AgreementId sanctioning(List<Hop> chain) {
      List<PartyCode> parties = new ArrayList<>(chain.size() + 1);
      parties.add(chain.get(0).from());
      for (Hop hop : chain) {
        parties.add(hop.to());
      }
      for (int i = 0; i < channels.size(); i++) {
        if (channels.get(i).sanctions(parties)) {
          return channelOwners.get(i);
        }
      }
      return null;
    }
  }
}
