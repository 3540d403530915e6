package org.pactbridge.core.release.compiled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.index.PartySet;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.ReleaseDecider;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;

/**
 * Finds chains holder → X → … → recipient in which every hop satisfies rules 3 and 4 at the instant
 * (each receiver releasable under the item's REL TO, an information agreement in force whose scope
 * covers the topics and whose table covers the level as the sender protects it). Levels are translated
 * hop by hop. Every onward hop carries the originators' consent requirement.
 *
 * <p>Search is by increasing length: only chains of the fewest hops that exist are returned, ordered by
 * fewer consents, then sanctioned before ad-hoc, then by the parties' codes. Originators are not used
 * as intermediaries: a chain back through the originator is the originator's own release, not a relay.
 * A search stops collecting at four times the limit and ranks what it has: bounded work on dense worlds.
 *
 * <p>The search meets the chain from both ends: it first works out which parties could make the last
 * hop (an agreement with the recipient in force and covering the topics), and at each sender walks only
 * those joined to it, from one intersection of party bit sets. Hops are checked on the snapshot compiled
 * by {@link HopCheck}; chains are kept as party indices until they are ranked, and only those returned
 * become {@link Route}s. Thread-safe. Cost: a two-hop search is O(degree of the recipient) plus a hop
 * check per possible last sender joined to the holder.
 */
public final class RouteFinder {
  private final Registry registry;
  private final HopCheck hops;
  // each arrangement channel's sanctioned paths as sorted keys (see pathKey), or no entry when a path
  // names a party outside the snapshot or is too long to encode: then the channel is asked directly
  private final Map<Channel, long[]> channelKeys = new IdentityHashMap<>();

  public RouteFinder(Registry registry, HopCheck hops) {
    this.registry = registry;
    this.hops = hops;
    for (Agreement arrangement : registry.arrangements()) {
      for (ProvisionVersion version : arrangement.versions()) {
        if (version.provisions() instanceof ArrangementProvisions provisions && provisions.channel().isPresent()) {
          Channel channel = provisions.channel().get();
          long[] keys = keys(channel);
          if (keys != null) {
            channelKeys.put(channel, keys);
          }
        }
      }
    }
  }

  private long[] keys(Channel channel) {
    long[] keys = new long[channel.paths().size()];
    for (int p = 0; p < keys.length; p++) {
      List<PartyCode> path = channel.paths().get(p);
      int[] parties = new int[path.size()];
      for (int i = 0; i < parties.length; i++) {
        parties[i] = registry.indexOf(path.get(i));
        if (parties[i] < 0) {
          return null;
        }
      }
      keys[p] = pathKey(parties);
      if (keys[p] < 0) {
        return null;
      }
    }
    Arrays.sort(keys);
    return keys;
  }

  /**
   * A chain of parties as one number: their indices, each plus one, as digits in base partyCount + 1.
   * Distinct chains get distinct keys; −1 when the chain is too long for a long.
   */
  private long pathKey(int[] parties) {
    long base = registry.partyCount() + 1L;
    long key = 0;
    try {
      for (int party : parties) {
        key = Math.addExact(Math.multiplyExact(key, base), party + 1L);
      }
    } catch (ArithmeticException tooLong) {
      return -1;
    }
    return key;
  }

  public List<Route> find(ReleaseRequest request) {
    return find(request, ReleaseDecider.DEFAULT_MAX_HOPS, ReleaseDecider.DEFAULT_LIMIT);
  }

  /** Routes of at least two hops and at most {@code maxHops}, at most {@code limit} of them. */
  public List<Route> find(ReleaseRequest request, int maxHops, int limit) {
    if (request.releasability().isNoforn()
        || !request.releasability().permits(request.recipient(), registry.communities())
        || request.holder().equals(request.recipient())) {
      return List.of();
    }
    int holder = registry.indexOf(request.holder());
    TopicMask topics = hops.topics(request.topics());
    Level start = request.level();
    if (!request.holder().equals(request.level().party())) {
      HopResult received =
          hops.check(registry.indexOf(request.level().party()), request.level(), holder, topics, request.at());
      if (!received.lawful()) {
        return List.of();
      }
      start = received.level();
    }
    if (holder < 0) {
      return List.of();
    }
    Search search = new Search(request, topics, limit, maxHops);
    PartySet.add(search.visited, holder);
    for (int depth = 2; depth <= maxHops; depth++) {
      search.extend(holder, start, depth);
      if (!search.found.isEmpty()) {
        break;
      }
    }
    List<Chain> chains = search.found;
    if (chains.size() > 1) {
      chains.sort(PREFERENCE);
    }
    int count = Math.min(limit, chains.size());
    List<Route> routes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      routes.add(search.route(chains.get(i)));
    }
    return List.copyOf(routes);
  }

  /**
   * Preference among the chains one search finds: fewer hops, then sanctioned before ad-hoc, then the
   * parties' codes in order. (Every chain of a search needs the same consents, the originators'.)
   * Registry indices follow code order, so the codes compare as the indices do.
   */
  private static final Comparator<Chain> PREFERENCE = (x, y) -> {
    if (x.parties.length != y.parties.length) {
      return Integer.compare(x.parties.length, y.parties.length);
    }
    if ((x.sanctionedBy == null) != (y.sanctionedBy == null)) {
      return x.sanctionedBy != null ? -1 : 1;
    }
    return Arrays.compare(x.parties, y.parties);
  };

  /** A chain found, kept as indices and hop results until it is among those returned. */
  private record Chain(int[] parties, HopResult[] hops, AgreementId sanctionedBy) {}

  private final class Search {
    private final ReleaseRequest request;
    private final int limit;
    private final TopicMask topics;
    private final Instant at;
    private final int recipient;
    private final List<Chain> found = new ArrayList<>();
    private final List<PartyCode> consents;
    private final List<Channel> channels = new ArrayList<>(2);
    private final List<long[]> channelPathKeys = new ArrayList<>(2);
    private final List<AgreementId> channelOwners = new ArrayList<>(2);
    // the chain so far: parties[0..depth] and the hops between them
    private final int[] prefixParties;
    private final HopResult[] prefixHops;
    private int depth;
    final long[] visited;
    private final long[] originators;
    // parties already asked whether the item's REL TO releases to them, and the answers
    private final long[] releasabilityKnown;
    private final long[] releasable;
    /**
     * The parties that could make the last hop, in the order the recipient's agreements name them: an
     * information agreement with the recipient in force whose scope covers the topics, releasable, not
     * an originator. Any chain's last sender is one of them, so the search meets them from both ends.
     */
    private final int[] lastSenders;
    private final long[] lastSenderSet;
    // each possible last sender's place in lastSenders, by party index
    private final int[] lastSenderPosition;
    // room for one intersection of party sets (the last two hops use it and return before recursing)
    private final int[] scratch;
    private final Level[] lastHopLevel;
    private final HopResult[] lastHopResult;

    Search(ReleaseRequest request, TopicMask topics, int limit, int maxHops) {
      this.request = request;
      this.limit = limit;
      this.topics = topics;
      this.at = request.at();
      this.recipient = registry.indexOf(request.recipient());
      int words = PartySet.words(registry.partyCount());
      this.visited = new long[words];
      this.originators = new long[words];
      this.releasabilityKnown = new long[words];
      this.releasable = new long[words];
      this.prefixParties = new int[Math.max(maxHops, 0) + 1];
      this.prefixHops = new HopResult[Math.max(maxHops, 0)];
      // the arrangements whose channel may sanction a chain for this request, in registry order: the
      // same for every chain found, so computed once per search rather than once per chain
      hops.channelsAt(topics, at, channels, channelOwners);
      for (Channel channel : channels) {
        channelPathKeys.add(channelKeys.get(channel));
      }
      List<PartyCode> sorted = new ArrayList<>(request.originators());
      sorted.sort(null);
      this.consents = List.copyOf(sorted);
      for (PartyCode originator : sorted) {
        int index = registry.indexOf(originator);
        if (index >= 0) {
          PartySet.add(originators, index);
        }
      }
      this.lastSenderSet = new long[words];
      int[] senders = new int[registry.partyCount()];
      int count = 0;
      for (int k = 0; k < hops.agreementCount(recipient); k++) {
        if (!hops.inForce(recipient, k, topics, at)) {
          continue;
        }
        for (int index : hops.partiesOf(recipient, k)) {
          if (index != recipient && !PartySet.contains(originators, index) && !PartySet.contains(lastSenderSet, index)
              && releasable(index)) {
            PartySet.add(lastSenderSet, index);
            senders[count++] = index;
          }
        }
      }
      this.lastSenders = Arrays.copyOf(senders, count);
      this.lastSenderPosition = senders; // reused: a possible last sender's place, by party index
      for (int i = 0; i < count; i++) {
        lastSenderPosition[lastSenders[i]] = i;
      }
      this.scratch = new int[registry.partyCount()];
      this.lastHopLevel = new Level[count];
      this.lastHopResult = new HopResult[count];
    }

    /** Whether the item's REL TO releases it to the party, asked once per party and search. */
    private boolean releasable(int party) {
      if (!PartySet.contains(releasabilityKnown, party)) {
        PartySet.add(releasabilityKnown, party);
        if (request.releasability().permits(registry.codeAt(party), registry.communities())) {
          PartySet.add(releasable, party);
        }
      }
      return PartySet.contains(releasable, party);
    }

    /** Extends the chain at {@code sender} by {@code remaining} (at least two) more hops. */
    void extend(int sender, Level level, int remaining) {
      if (found.size() >= limit * 4) {
        return; // enough to rank; bounded work on dense worlds
      }
      if (remaining == 2) {
        // the last two hops: sender → a possible last sender → the recipient. The next party must be a
        // possible last sender joined to the sender: those few come from one intersection of bit sets,
        // and are walked in the order the recipient's agreements name them
        int count = hops.linkedAmong(sender, lastSenderSet, scratch);
        for (int c = 0; c < count; c++) {
          scratch[c] = lastSenderPosition[scratch[c]];
        }
        Arrays.sort(scratch, 0, count);
        for (int c = 0; c < count; c++) {
          int i = scratch[c];
          int next = lastSenders[i];
          if (PartySet.contains(visited, next)) {
            continue;
          }
          HopResult step = hops.lawful(sender, level, next, topics, at);
          if (step == null) {
            continue;
          }
          if (found.size() >= limit * 4) {
            return; // enough to rank; bounded work on dense worlds
          }
          HopResult last = lastHop(i, next, step.level());
          if (last != null) {
            record(sender, next, step, last);
          }
        }
        return;
      }
      long[] tried = new long[visited.length];
      for (int k = 0; k < hops.agreementCount(sender); k++) {
        if (!hops.inForce(sender, k, null, at)) {
          continue;
        }
        for (int next : hops.partiesOf(sender, k)) {
          if (next == sender || next == recipient || PartySet.contains(visited, next) || PartySet.contains(tried, next)) {
            continue;
          }
          PartySet.add(tried, next);
          if (PartySet.contains(originators, next) || !releasable(next)) {
            continue;
          }
          if (remaining == 3 && !hops.linkedToAny(next, lastSenderSet)) {
            continue; // no chain through this party can end at the recipient in two more hops
          }
          step(sender, level, next, remaining);
        }
      }
    }

    /**
     * The last hop from the {@code i}-th possible last sender at {@code level}, or null if it fails. Many chains reach the same
     * last sender at the same level, so the latest answer for each is kept: a hop check is a pure
     * function of the snapshot and the request.
     */
    private HopResult lastHop(int i, int sender, Level level) {
      if (lastHopLevel[i] != null && lastHopLevel[i].equals(level)) {
        return lastHopResult[i];
      }
      HopResult result = hops.lawful(sender, level, recipient, topics, at);
      lastHopLevel[i] = level;
      lastHopResult[i] = result;
      return result;
    }

    private void step(int sender, Level level, int next, int remaining) {
      HopResult step = hops.lawful(sender, level, next, topics, at);
      if (step == null) {
        return;
      }
      prefixParties[depth] = sender;
      prefixHops[depth] = step;
      depth++;
      PartySet.add(visited, next);
      extend(next, step.level(), remaining - 1);
      PartySet.remove(visited, next);
      depth--;
    }

    /** Records the chain so far followed by sender → next → recipient. */
    private void record(int sender, int next, HopResult step, HopResult last) {
      int[] parties = Arrays.copyOf(prefixParties, depth + 3);
      HopResult[] results = Arrays.copyOf(prefixHops, depth + 2);
      parties[depth] = sender;
      parties[depth + 1] = next;
      parties[depth + 2] = recipient;
      results[depth] = step;
      results[depth + 1] = last;
      found.add(new Chain(parties, results, sanctioning(parties)));
    }

    /** The first channel (in registry order) among the request's that sanctions the chain, or null. */
    private AgreementId sanctioning(int[] chain) {
      if (channels.isEmpty()) {
        return null;
      }
      long key = pathKey(chain);
      List<PartyCode> parties = null;
      for (int i = 0; i < channels.size(); i++) {
        long[] keys = channelPathKeys.get(i);
        boolean sanctions;
        if (keys != null) {
          sanctions = key >= 0 && Arrays.binarySearch(keys, key) >= 0;
        } else {
          if (parties == null) {
            parties = new ArrayList<>(chain.length);
            for (int party : chain) {
              parties.add(registry.codeAt(party));
            }
          }
          sanctions = channels.get(i).sanctions(parties);
        }
        if (sanctions) {
          return channelOwners.get(i);
        }
      }
      return null;
    }

    Route route(Chain chain) {
      // from the hops the results carry, made with the compiled snapshot: nothing of the agreements
      // behind them is read again
      Hop[] hopArray = new Hop[chain.hops.length];
      for (int i = 0; i < hopArray.length; i++) {
        hopArray[i] = chain.hops[i].hop();
      }
      return new Route(List.of(hopArray), consents, chain.sanctionedBy);
    }
  }
}
