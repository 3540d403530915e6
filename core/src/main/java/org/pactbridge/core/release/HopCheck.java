package org.pactbridge.core.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.DenseIndex;
import org.pactbridge.core.registry.PartySet;
import org.pactbridge.core.registry.Registry;

/**
 * Rule 4 for one hop: an information agreement between sender and receiver in force at the instant,
 * whose scope covers every topic and whose table covers the sender's level. The result names the
 * agreement relied on, its provisions at the instant and the receiver's level, or why the hop fails.
 *
 * <p>Built once per registry snapshot, it compiles the snapshot for the hot path. The instants at which
 * an agreement's status or provisions change are merged into one sorted list of segments. Each party's
 * agreements are laid out flat: their segment starts in one array and, per segment, whether it is in
 * force and its scope as a bit mask over the topics the snapshot's scopes name in another. Beside each
 * segment in force sit the sender's covered levels, each with its lawful result made in advance. A check is then one word read for the pair, a binary search
 * over primitives, a mask test and a scan of a handful of levels; results are shared and immutable, and
 * the only allocation is the caller's {@link Topics}, one per decision or search. The route search also
 * reads the parties' agreements, the links between parties as bit sets, and the arrangements' channels
 * from here. Thread-safe.
 */
public final class HopCheck {
  private static final Agreement[] NO_AGREEMENTS = new Agreement[0];
  private static final int[] NO_POSITIONS = new int[0];
  private static final Segment[][] NO_SEGMENTS = new Segment[0][];
  private static final Result NO_AGREEMENT =
      new Result(ReasonCode.NO_AGREEMENT_IN_FORCE, false, false, null, null, false, null, null, null, null, List.of(), List.of(), List.of());

  private final Registry registry;
  private final int parties;
  // [sender * parties + receiver]: the candidates in registry order, as positions in the sender's
  // Side, and each one's segments with the receiver's translations
  private final int[][] pairAgreements;
  private final Segment[][][] pairSegments;
  // [sender * parties + receiver]: 0 when no agreement joins them; when exactly one bilateral one does
  // (the common case), its segments' span in the sender's Side, first << 32 | end; else −1
  private final long[] pairSpan;
  // each party's information agreements, aligned with Registry.informationAgreementsOf
  private final Side[] sides;
  // the arrangements, aligned with Registry.arrangements
  private final Side arrangements;
  // bit b of linked[a] is set when an information agreement joins a and b, whatever its status
  private final long[][] linked;
  // every topic a restricted scope of an information agreement or arrangement names, numbered in the
  // order the registry first names them
  private final DenseIndex<Topic> topicNumbers;
  private final int topicWords;
  // whether the scopes name fewer than 64 topics: then every scope is one word in its Side
  private final boolean narrow;

  public HopCheck(Registry registry) {
    this.registry = registry;
    this.parties = registry.partyCount();
    Set<Topic> named = new LinkedHashSet<>();
    for (Agreement agreement : registry.agreements()) {
      if (agreement.kind() == AgreementKind.INFORMATION || agreement.kind() == AgreementKind.ARRANGEMENT) {
        for (ProvisionVersion version : agreement.versions()) {
          named.addAll(version.provisions().scope().topics());
        }
      }
    }
    this.topicNumbers = new DenseIndex<>(List.copyOf(named));
    this.topicWords = Math.max(1, (named.size() + 63) >>> 6);
    this.narrow = named.size() < 64;
    Map<Agreement, Timeslice> timeslices = new IdentityHashMap<>();
    this.sides = new Side[parties];
    for (int a = 0; a < parties; a++) {
      sides[a] = new Side(a, registry.informationAgreementsOf(registry.codeAt(a)), timeslices, this);
    }
    this.arrangements = new Side(-1, registry.arrangements().toArray(new Agreement[0]), timeslices, this);
    this.pairAgreements = new int[parties * parties][];
    this.pairSegments = new Segment[parties * parties][][];
    this.pairSpan = new long[parties * parties];
    this.linked = new long[parties][PartySet.words(parties)];
    for (int a = 0; a < parties; a++) {
      Side side = sides[a];
      for (int b = 0; b < parties; b++) {
        Agreement[] agreements = a == b ? NO_AGREEMENTS : registry.between(a, b, AgreementKind.INFORMATION);
        if (agreements.length == 0) {
          // most pairs: shared empty arrays, so that a large registry's matrix stays small
          pairAgreements[a * parties + b] = NO_POSITIONS;
          pairSegments[a * parties + b] = NO_SEGMENTS;
          continue;
        }
        int[] positions = new int[agreements.length];
        Segment[][] segments = new Segment[agreements.length][];
        for (int j = 0; j < agreements.length; j++) {
          positions[j] = side.positionOf(agreements[j]);
          // a bilateral agreement's segments toward b are those the sender's Side already made
          segments[j] = agreements[j].parties().size() == 2
              ? Arrays.copyOfRange(side.bilateral, side.first[positions[j]], side.first[positions[j] + 1])
              : timeslices.get(agreements[j]).segments(registry.codeAt(a), registry.codeAt(b));
        }
        pairAgreements[a * parties + b] = positions;
        pairSegments[a * parties + b] = segments;
        boolean single = agreements.length == 1 && agreements[0].parties().size() == 2;
        pairSpan[a * parties + b] = single ? (long) side.first[positions[0]] << 32 | side.first[positions[0] + 1] : -1;
        PartySet.add(linked[a], b);
      }
    }
  }

  /**
   * Outcome of one hop check. {@code failure} is null when the hop is lawful. {@code id} and
   * {@code thirdPartyRule} repeat the agreement's id and its rule at the instant, so that a decision
   * reads them here, from one object, instead of from the agreement and its provisions; so do a lawful
   * hop's {@code reasons} (in force, then its cautions), {@code ids} (the id as a list) and the
   * {@code sources} a route's hop cites. All are made once, when the snapshot is compiled.
   */
  public record Result(
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
      List<String> sources) {
    public Result {
      reasons = List.copyOf(reasons);
      ids = List.copyOf(ids);
      sources = List.copyOf(sources);
    }

    /** The sources a hop over this agreement cites: its equivalence table's when that names any, else the agreement's. */
    static List<String> sourcesOf(Agreement agreement, Provisions provisions) {
      EquivalenceTable table = provisions.equivalence();
      return table != null && !table.sources().isEmpty() ? table.sources() : agreement.sources();
    }

    public boolean lawful() {
      return failure == null;
    }
  }

  /**
   * An item's topics as this snapshot's scopes see them: a bit mask over the topics they name, and
   * whether the item has a topic none of them names (then only an unrestricted scope covers it). The
   * mask is worked out when a restricted scope first asks, so a decision whose agreements cover all
   * topics, or that has none in force, never hashes a topic. For one decision or search, on one thread.
   */
  public static final class Topics {
    private final Set<Topic> topics;
    private final HopCheck owner;
    private boolean known;
    // the mask when the scopes name fewer than 64 topics, with the top bit set when no restricted
    // scope can cover the item; otherwise the whole mask is in wide
    long word;
    long[] wide;
    boolean uncoverable;

    Topics(Set<Topic> topics, HopCheck owner) {
      this.topics = topics;
      this.owner = owner;
    }

    /** Works the mask out, once: one hash look-up per topic. Small, so that it inlines and the object need not exist. */
    void know() {
      if (!known) {
        known = true;
        if (owner.narrow) {
          word = owner.narrowWord(topics);
          uncoverable = word < 0;
        } else {
          knowWide();
        }
      }
    }

    private void knowWide() {
      wide = new long[owner.topicWords];
      boolean unnamed = false;
      for (Topic topic : topics) {
        int number = owner.topicNumbers.numberOf(topic);
        if (number < 0) {
          unnamed = true;
        } else {
          wide[number >>> 6] |= 1L << number;
        }
      }
      uncoverable = unnamed || topics.isEmpty();
    }
  }

  /** The topics' mask in one word (fewer than 64 topics named), its top bit set when no restricted scope can cover them. */
  private long narrowWord(Set<Topic> topics) {
    long word = topics.isEmpty() ? Long.MIN_VALUE : 0L;
    for (Topic topic : topics) {
      int number = topicNumbers.numberOf(topic);
      word |= number < 0 ? Long.MIN_VALUE : 1L << number;
    }
    return word;
  }

  /** The item's topics, for the checks of one decision or search. */
  public Topics topics(Set<Topic> topics) {
    return new Topics(topics, this);
  }

  public Result check(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    return check(registry.indexOf(from), levelAtSender, registry.indexOf(to), topics(topics), at);
  }

  /** As {@link #check(PartyCode, Level, PartyCode, Set, Instant)} with registry indices and a topic mask. */
  public Result check(int from, Level levelAtSender, int to, Topics topics, Instant at) {
    Result lawful = lawful(from, levelAtSender, to, topics, at);
    return lawful != null ? lawful : failure(from, levelAtSender, to, topics, at);
  }

  /**
   * The lawful result of the hop, or null when it fails, without the explanation: for the route
   * search, which tries many hops and reports only those that work.
   */
  public Result lawful(int from, Level levelAtSender, int to, Topics topics, Instant at) {
    // kept small, so that it inlines into its callers; a failing hop is explained by a second pass
    if (from < 0 || to < 0) {
      return null;
    }
    int slot = from * parties + to;
    long span = pairSpan[slot];
    if (span == 0) {
      return null;
    }
    Side side = sides[from];
    if (span < 0) {
      return lawfulAmong(slot, side, levelAtSender, topics, at);
    }
    // one bilateral agreement: its segments in the sender's flat arrays, its translations beside them
    int segment = side.segmentIn((int) (span >>> 32), (int) span - 1, at.getEpochSecond(), at.getNano());
    if (segment < 0 || !side.covers(segment, topics)) {
      return null;
    }
    return side.bilateral[segment].lawful(levelAtSender);
  }

  /** As {@link #lawful} over several candidates, or a multilateral one: the first lawful in registry order. */
  private Result lawfulAmong(int slot, Side side, Level levelAtSender, Topics topics, Instant at) {
    int[] positions = pairAgreements[slot];
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (int j = 0; j < positions.length; j++) {
      int position = positions[j];
      int segment = side.segmentAt(position, seconds, nanos);
      if (segment < 0 || !side.covers(segment, topics)) {
        continue;
      }
      Result lawful = pairSegments[slot][j][segment - side.first[position]].lawful(levelAtSender);
      if (lawful != null) {
        return lawful;
      }
    }
    return null;
  }

  /** Whether any information agreement joins the party to a member of the set, whatever its status. */
  public boolean linkedToAny(int from, long[] set) {
    return from >= 0 && PartySet.intersects(linked[from], set);
  }

  /**
   * The members of {@code set} that an information agreement joins to the party, whatever its status:
   * written to {@code out} in index order, their number returned. Cost: a pass over the set's words.
   */
  public int linkedAmong(int party, long[] set, int[] out) {
    if (party < 0) {
      return 0;
    }
    long[] words = linked[party];
    int count = 0;
    for (int w = 0; w < words.length; w++) {
      long bits = words[w] & set[w];
      while (bits != 0) {
        out[count++] = (w << 6) + Long.numberOfTrailingZeros(bits);
        bits &= bits - 1;
      }
    }
    return count;
  }

  /**
   * The channels of the arrangements in force at the instant whose scope covers the topics, in registry
   * order, added to {@code channels} and their arrangements' ids to {@code owners}.
   */
  public void channelsAt(Topics topics, Instant at, List<Channel> channels, List<AgreementId> owners) {
    Side side = arrangements;
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (int k = 0; k < side.agreements.length; k++) {
      int segment = side.segmentAt(k, seconds, nanos);
      if (segment < 0) {
        continue;
      }
      Channel channel = side.provisions[segment].channel();
      if (channel != null && side.covers(segment, topics)) {
        channels.add(channel);
        owners.add(side.agreements[k].id());
      }
    }
  }

  /** How many information agreements the party has: the {@code k} bound of the two methods below. */
  public int agreementCount(int party) {
    return party < 0 ? 0 : sides[party].parties.length;
  }

  /** The parties' indices of the party's {@code k}-th information agreement, in the agreement's order. Shared: do not modify. */
  public int[] partiesOf(int party, int k) {
    return sides[party].parties[k];
  }

  /**
   * Whether the party's {@code k}-th information agreement is in force at the instant and, when
   * {@code topics} is not null, its scope then covers them.
   */
  public boolean inForce(int party, int k, Topics topics, Instant at) {
    Side side = sides[party];
    int segment = side.segmentAt(k, at.getEpochSecond(), at.getNano());
    return segment >= 0 && (topics == null || side.covers(segment, topics));
  }

  /** Why no candidate is lawful: the first agreement in force and what it fails, or none in force. */
  private Result failure(int from, Level levelAtSender, int to, Topics topics, Instant at) {
    if (from < 0 || to < 0) {
      return NO_AGREEMENT;
    }
    int slot = from * parties + to;
    long span = pairSpan[slot];
    if (span == 0) {
      return NO_AGREEMENT;
    }
    Side side = sides[from];
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    if (span > 0) {
      // one bilateral agreement: the same arrays the lawful pass just read
      int segment = side.segmentIn((int) (span >>> 32), (int) span - 1, seconds, nanos);
      return segment < 0 ? NO_AGREEMENT : side.bilateral[segment].failure(!side.covers(segment, topics), levelAtSender);
    }
    int[] positions = pairAgreements[slot];
    for (int j = 0; j < positions.length; j++) {
      int segment = side.segmentAt(positions[j], seconds, nanos);
      if (segment < 0) {
        continue;
      }
      return pairSegments[slot][j][segment - side.first[positions[j]]].failure(!side.covers(segment, topics), levelAtSender);
    }
    return NO_AGREEMENT;
  }

  /**
   * One party's information agreements laid out flat: every agreement's segment starts in one array
   * and their scopes in another, so that a walk over the party's agreements at an instant reads memory
   * in order instead of chasing an object per agreement.
   */
  private static final class Side {
    private static final long NOT_IN_FORCE = Long.MIN_VALUE;
    private static final long UNRESTRICTED = -1L;

    final int[][] parties;
    final int[] first; // agreement k's segments are first[k] .. first[k + 1] - 1
    final Agreement[] agreements;
    // per segment, the provisions then in force (or the first version's, where none is)
    final Provisions[] provisions;
    private final long[] startSeconds;
    private final int[] startNanos;
    // per segment: NOT_IN_FORCE, UNRESTRICTED, or (narrow registries) the scope's topic mask; wide
    // registries keep the masks in scopes
    private final long[] scopeWord;
    private final long[][] scopes;
    // per segment of a bilateral agreement, the segment toward the other party (null where not in
    // force, and for agreements of three or more parties)
    final Segment[] bilateral;
    private final boolean narrow;

    Side(int index, Agreement[] agreements, Map<Agreement, Timeslice> timeslices, HopCheck owner) {
      this.agreements = agreements;
      this.narrow = owner.narrow;
      this.parties = new int[agreements.length][];
      this.first = new int[agreements.length + 1];
      List<Timeslice> slices = new ArrayList<>(agreements.length);
      for (int k = 0; k < agreements.length; k++) {
        Timeslice slice = timeslices.computeIfAbsent(agreements[k], agreement -> new Timeslice(agreement, owner));
        slices.add(slice);
        parties[k] = slice.parties;
        first[k + 1] = first[k] + slice.startSeconds.length;
      }
      int total = first[agreements.length];
      this.startSeconds = new long[total];
      this.startNanos = new int[total];
      this.scopeWord = new long[total];
      this.scopes = new long[total][];
      this.bilateral = new Segment[total];
      this.provisions = new Provisions[total];
      for (int k = 0; k < agreements.length; k++) {
        Timeslice slice = slices.get(k);
        System.arraycopy(slice.provisions, 0, provisions, first[k], slice.startSeconds.length);
        if (index >= 0 && agreements[k].parties().size() == 2) {
          PartyCode self = agreements[k].parties().get(parties[k][0] == index ? 0 : 1);
          PartyCode other = agreements[k].parties().get(parties[k][0] == index ? 1 : 0);
          System.arraycopy(slice.segments(self, other), 0, bilateral, first[k], slice.startSeconds.length);
        }
        for (int i = 0; i < slice.startSeconds.length; i++) {
          int at = first[k] + i;
          startSeconds[at] = slice.startSeconds[i];
          startNanos[at] = slice.startNanos[i];
          long[] scope = slice.scopes[i];
          scopeWord[at] = !slice.inForce[i] ? NOT_IN_FORCE : scope == null ? UNRESTRICTED : narrow ? scope[0] : 0L;
          scopes[at] = scope;
        }
      }
    }

    int positionOf(Agreement agreement) {
      for (int k = 0; k < agreements.length; k++) {
        if (agreements[k] == agreement) {
          return k;
        }
      }
      throw new IllegalStateException("agreement " + agreement.id() + " is not among the party's");
    }

    /** The flat index of agreement k's segment in force at the instant, or −1: a binary search over primitives. */
    int segmentAt(int k, long seconds, int nanos) {
      return segmentIn(first[k], first[k + 1] - 1, seconds, nanos);
    }

    /** As {@link #segmentAt} over the flat segments {@code low} to {@code high} of one agreement. */
    int segmentIn(int low, int high, long seconds, int nanos) {
      int found = Timeline.lastAtOrBefore(startSeconds, startNanos, low, high, seconds, nanos);
      return found < 0 || scopeWord[found] == NOT_IN_FORCE ? -1 : found;
    }

    /** As {@link Scope#covers}: an unrestricted scope covers anything, a restricted one every topic of a non-empty set. */
    boolean covers(int segment, Topics topics) {
      // kept tiny, and the wide case apart: the route search compiles this first, and a big compiled
      // body would not be inlined into decide later, which then allocates the Topics it passes here
      long word = scopeWord[segment];
      if (word == UNRESTRICTED) {
        return true;
      }
      if (!narrow) {
        return coversWide(segment, topics);
      }
      topics.know();
      return (topics.word & ~word) == 0;
    }

    private boolean coversWide(int segment, Topics topics) {
      topics.know();
      if (topics.uncoverable) {
        return false;
      }
      long[] covered = scopes[segment];
      long[] mask = topics.wide;
      for (int i = 0; i < mask.length; i++) {
        if ((mask[i] & ~covered[i]) != 0) {
          return false;
        }
      }
      return true;
    }
  }

  /** An agreement's timeline and versions merged: the instants at which its status or provisions change. */
  private static final class Timeslice {
    final Agreement agreement;
    final int[] parties;
    final long[] startSeconds;
    final int[] startNanos;
    final boolean[] inForce;
    final AgreementStatus[] status;
    final Provisions[] provisions;
    final long[][] scopes; // null for an unrestricted scope

    Timeslice(Agreement agreement, HopCheck owner) {
      this.agreement = agreement;
      this.parties = agreement.parties().stream().mapToInt(owner.registry::indexOf).toArray();
      TreeSet<Instant> starts = new TreeSet<>(agreement.timeline().transitionInstants());
      for (ProvisionVersion version : agreement.versions()) {
        if (version.from() != null) {
          starts.add(version.from());
        }
      }
      int count = starts.size();
      startSeconds = new long[count];
      startNanos = new int[count];
      inForce = new boolean[count];
      status = new AgreementStatus[count];
      provisions = new Provisions[count];
      scopes = new long[count][];
      int i = 0;
      for (Instant start : starts) {
        startSeconds[i] = start.getEpochSecond();
        startNanos[i] = start.getNano();
        status[i] = agreement.statusAt(start);
        inForce[i] = status[i].inForce();
        provisions[i] = agreement.provisionsAt(start);
        Scope scope = provisions[i].scope();
        if (!scope.isUnrestricted()) {
          scopes[i] = new long[owner.topicWords];
          for (Topic topic : scope.topics()) {
            int index = owner.topicNumbers.numberOf(topic);
            scopes[i][index >>> 6] |= 1L << index;
          }
        }
        i++;
      }
    }

    /** The segments from one party to another: the receiver's translations for each (null where not in force). */
    Segment[] segments(PartyCode from, PartyCode to) {
      Segment[] out = new Segment[status.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = inForce[i] ? new Segment(agreement, status[i], provisions[i], from, to) : null;
      }
      return out;
    }
  }

  /** A stretch of time over which an agreement is in force with one status and one provisions version. */
  private static final class Segment {
    // the sender's levels the table lists, each followed by its lawful result (null where the receiver
    // has no level in the row): one array, so a look-up touches one more object
    private final Object[] lawful;
    private final EquivalenceTable table;
    private final PartyCode from;
    private final PartyCode to;
    final Result scopeFail;
    final Result levelFail;
    final Result scopeAndLevelFail;
    private final Agreement agreement;
    private final boolean assumed;
    private final AgreementStatus status;
    private final Provisions provisions;

    Segment(Agreement agreement, AgreementStatus status, Provisions provisions, PartyCode from, PartyCode to) {
      this.agreement = agreement;
      this.status = status;
      this.provisions = provisions;
      this.table = provisions.equivalence();
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

    private Result failed(ReasonCode code, boolean scopeFails, boolean levelFails) {
      return new Result(code, scopeFails, levelFails, agreement, null, false, null, provisions, agreement.id(), provisions.thirdPartyRule(),
          List.of(), List.of(agreement.id()), Result.sourcesOf(agreement, provisions));
    }

    /**
     * The lawful result for a sender's level, with the reasons a decision gives for the hop: that the
     * agreement is in force and covers the level, then its cautions. They are made here, once, because
     * they depend only on this segment and the level.
     */
    private Result lawfulResult(Level levelAtSender, Level translated) {
      if (translated == null) {
        return null;
      }
      AgreementId id = agreement.id();
      Instant terminationTakesEffect = status.terminationTakesEffect();
      List<Reason> reasons = new ArrayList<>(3);
      reasons.add(Reason.hop(ReasonCode.AGREEMENT_IN_FORCE, Effect.INFO, id, from, to, levelAtSender));
      if (assumed) {
        reasons.add(new Reason(ReasonCode.ASSUMED_PROVISION, Effect.INFO, 4, id, null, null, null, null));
      }
      if (terminationTakesEffect != null) {
        reasons.add(new Reason(ReasonCode.TERMINATION_PENDING, Effect.INFO, 4, id, null, null, null, null, terminationTakesEffect));
      }
      return new Result(null, false, false, agreement, translated, assumed, terminationTakesEffect, provisions, id, provisions.thirdPartyRule(),
          reasons, List.of(id), Result.sourcesOf(agreement, provisions));
    }

    /** Why the hop fails on this segment: its scope, its table, or both. */
    Result failure(boolean scopeFails, Level level) {
      boolean levelFails = lawful(level) == null;
      if (scopeFails) {
        return levelFails ? scopeAndLevelFail : scopeFail;
      }
      return levelFail;
    }

    /** The lawful result for a sender's level, or null when the table does not carry it to the receiver. */
    Result lawful(Level level) {
      Object[] pairs = lawful;
      for (int i = 0; i < pairs.length; i += 2) {
        if (pairs[i] == level) {
          return (Result) pairs[i + 1];
        }
      }
      return lawfulByValue(level);
    }

    // a level equal to the registry's but not the same instance, or (never on the engine's own paths)
    // a level of another party that the table happens to list
    private Result lawfulByValue(Level level) {
      for (int i = 0; i < lawful.length; i += 2) {
        if (lawful[i].equals(level)) {
          return (Result) lawful[i + 1];
        }
      }
      if (table == null || level.party().equals(from)) {
        return null;
      }
      return lawfulResult(level, table.translateOrNull(level, to));
    }
  }
}
