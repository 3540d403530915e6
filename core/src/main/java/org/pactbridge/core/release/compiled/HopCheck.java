package org.pactbridge.core.release.compiled;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Phase;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.index.DenseIndex;
import org.pactbridge.core.index.PartySet;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;

/**
 * Rule 4 for one hop: an information agreement between sender and receiver in force at the instant,
 * whose scope covers every topic and whose table covers the sender's level. The result names the
 * agreement relied on, its provisions at the instant and the receiver's level, or why the hop fails.
 *
 * <p>Built once per registry snapshot, it compiles the snapshot for the hot path. The instants at which
 * an agreement's status or provisions change are merged into one sorted list of segments. Every
 * party's agreements, and the arrangements, have their segments laid end to end in arrays for the
 * whole snapshot: per segment three words (its start; whether it is in force and its scope, as a bit
 * mask over the topics the snapshot's scopes name; where its lawful look-up sits), and beside them the
 * sender's covered levels, each with its lawful result made in advance. A check is then one int read
 * for the pair, a binary search over a few words, a mask test and a scan of a handful of levels;
 * results are shared and immutable, and the only allocation is the caller's {@link TopicMask}, one per
 * decision or search. The route search also reads the parties' agreements, the links between parties
 * as bit sets, and the arrangements' channels from here. Thread-safe.
 *
 * <p>About 490 lines, over the house's 400 on purpose: the flat arrays and every method that reads them
 * on the hot path stay in one class, so that a check is field reads of one object and the JIT's
 * inlining (which this code is measured against) sees them together. What is built once and then only
 * read ({@link Timeslice}, {@link Side}, {@link Segment}) and what a check hands out ({@link HopResult},
 * {@link TopicMask}) live in files of their own.
 */
public final class HopCheck {
  private static final Agreement[] NO_AGREEMENTS = new Agreement[0];
  private static final int[] NO_POSITIONS = new int[0];
  private static final Segment[][] NO_SEGMENTS = new Segment[0][];
  private static final HopResult NO_AGREEMENT =
      new HopResult(ReasonCode.NO_AGREEMENT_IN_FORCE, false, false, null, null, false, null, null, null, null, List.of(), List.of(), List.of(), null);

  final Registry registry;
  private final int parties;
  // [sender * parties + receiver]: the candidates in registry order, as positions in the sender's
  // Side, and each one's segments with the receiver's translations
  private final int[][] pairAgreements;
  private final Segment[][][] pairSegments;
  // [sender * parties + receiver]: 0 when no agreement joins them; when exactly one bilateral one does
  // (the common case), its segments' span, first << SPAN_BITS | count; else −1. An int, so that the
  // matrix of a 200-party registry is 160 KB and stays in cache
  private final int[] pairSpan;
  // every agreement's segments, of every party's Side and of the arrangements, laid end to end and
  // indexed by one number: per segment three words, read together by a hop check (see SEGMENT_WORDS)
  private final long[] segmentWords;
  private final int[] segmentNanos;
  // per segment: the scope's topic mask when it is restricted (wide registries read it here)
  private final long[][] scopes;
  // per segment: the provisions then in force (or the first version's, where none is)
  private final Provisions[] provisions;
  // per segment of a bilateral agreement in a party's Side, the segment toward the other party (null
  // where not in force, for agreements of three or more parties, and for the arrangements)
  private final Segment[] bilateral;
  // the lawful look-ups of the bilateral segments, end to end: a sender's level, then its lawful result
  private final Object[] lawfulPairs;
  // each party's information agreements, aligned with Registry.informationAgreementsOf
  private final Side[] sides;
  // the arrangements, aligned with Registry.arrangements
  private final Side arrangements;
  // [sender * parties + receiver]: the candidates whose timeline can leave their status unknown, in
  // registry order; null for every pair without one (all of them in most registries)
  private final Agreement[][] pairUnknowable;
  private final int unknownPerHop;
  // bit b of linked[a] is set when an information agreement joins a and b, whatever its status
  private final long[][] linked;
  // every topic a restricted scope of an information agreement or arrangement names, numbered in the
  // order the registry first names them
  final DenseIndex<Topic> topicNumbers;
  final int topicWords;
  // whether the scopes name fewer than 64 topics: then every scope is one word in segmentWords
  final boolean narrow;

  /*
   * A segment's three words in segmentWords, at 3 × segment: when it starts (epoch seconds; the
   * nanoseconds are in segmentNanos, read only when the seconds are equal); its scope (NOT_IN_FORCE,
   * UNRESTRICTED or, in narrow registries, the topic mask); and where its lawful look-up sits in
   * lawfulPairs, offset << PAIR_BITS | pairs, or NO_PAIRS when the Segment is to be asked. So a lawful
   * bilateral hop reads the pair's span, one or two lines of these words, the pairs and the result.
   */
  private static final int SEGMENT_WORDS = 3;
  private static final long NOT_IN_FORCE = Long.MIN_VALUE;
  private static final long UNRESTRICTED = -1L;
  private static final int PAIR_BITS = 16;
  private static final long NO_PAIRS = -1L;
  private static final int SPAN_BITS = 8;

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
    int total = 0;
    for (int a = 0; a < parties; a++) {
      sides[a] = new Side(registry.informationAgreementsOf(registry.codeAt(a)), total, timeslices, this);
      total = sides[a].end();
    }
    this.arrangements = new Side(registry.arrangements().toArray(new Agreement[0]), total, timeslices, this);
    total = arrangements.end();
    this.segmentWords = new long[total * SEGMENT_WORDS];
    this.segmentNanos = new int[total];
    this.scopes = new long[total][];
    this.provisions = new Provisions[total];
    this.bilateral = new Segment[total];
    List<Object> pairs = new ArrayList<>();
    for (int a = 0; a < parties; a++) {
      lay(sides[a], a, timeslices, pairs);
    }
    lay(arrangements, -1, timeslices, pairs);
    this.lawfulPairs = pairs.toArray();
    this.pairAgreements = new int[parties * parties][];
    this.pairSegments = new Segment[parties * parties][][];
    this.pairSpan = new int[parties * parties];
    this.linked = new long[parties][PartySet.words(parties)];
    this.pairUnknowable = new Agreement[parties * parties][];
    int mostUnknowable = 0;
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
          // a bilateral agreement's segments toward b are those already laid out for the sender
          segments[j] = agreements[j].parties().size() == 2
              ? Arrays.copyOfRange(bilateral, side.first[positions[j]], side.first[positions[j] + 1])
              : timeslices.get(agreements[j]).segments(registry.codeAt(a), registry.codeAt(b));
        }
        pairAgreements[a * parties + b] = positions;
        pairSegments[a * parties + b] = segments;
        pairSpan[a * parties + b] = agreements.length == 1 && agreements[0].parties().size() == 2
            ? span(side.first[positions[0]], side.first[positions[0] + 1])
            : -1;
        PartySet.add(linked[a], b);
        Agreement[] unknowable = Arrays.stream(agreements).filter(HopCheck::canBeUnknown).toArray(Agreement[]::new);
        pairUnknowable[a * parties + b] = unknowable.length == 0 ? null : unknowable;
        mostUnknowable = Math.max(mostUnknowable, unknowable.length);
      }
    }
    this.unknownPerHop = mostUnknowable;
  }

  private static boolean canBeUnknown(Agreement agreement) {
    return agreement.timeline().events().stream().anyMatch(event -> event.type() == EventType.STATUS_UNKNOWN);
  }

  /** The most agreements of one pair whose status can be unknown: the room a decision keeps for their reasons. */
  int unknownPerHop() {
    return unknownPerHop;
  }

  /**
   * Appends {@code STATUS_UNKNOWN} for each agreement between the two parties whose status is unknown at
   * the instant, in registry order. Nothing is read for the many pairs without such an agreement.
   */
  void appendUnknown(int from, int to, Instant at, ReasonList reasons) {
    if (from < 0 || to < 0) {
      return;
    }
    Agreement[] unknowable = pairUnknowable[from * parties + to];
    if (unknowable == null) {
      return;
    }
    for (Agreement agreement : unknowable) {
      if (agreement.statusAt(at).phase() == Phase.UNKNOWN) {
        reasons.append(Reason.statusUnknown(agreement.id(), registry.codeAt(from), registry.codeAt(to)));
      }
    }
  }

  /** A single bilateral agreement's segments as a pair's span, or −1 (the general path) when they do not fit. */
  private static int span(int first, int end) {
    int count = end - first;
    boolean fits = count > 0 && count < 1 << SPAN_BITS && first < 1 << (31 - SPAN_BITS);
    return fits ? first << SPAN_BITS | count : -1;
  }

  /** Writes a Side's segments at its place in the flat arrays; a party's bilateral ones with their lawful look-ups. */
  private void lay(Side side, int index, Map<Agreement, Timeslice> timeslices, List<Object> pairs) {
    for (int k = 0; k < side.agreements.length; k++) {
      Agreement agreement = side.agreements[k];
      Timeslice slice = timeslices.get(agreement);
      int first = side.first[k];
      int count = slice.startSeconds.length;
      System.arraycopy(slice.provisions, 0, provisions, first, count);
      if (index >= 0 && agreement.parties().size() == 2) {
        PartyCode self = agreement.parties().get(side.parties[k][0] == index ? 0 : 1);
        PartyCode other = agreement.parties().get(side.parties[k][0] == index ? 1 : 0);
        System.arraycopy(slice.segments(self, other), 0, bilateral, first, count);
      }
      for (int i = 0; i < count; i++) {
        int at = first + i;
        long[] scope = slice.scopes[i];
        segmentWords[at * SEGMENT_WORDS] = slice.startSeconds[i];
        segmentWords[at * SEGMENT_WORDS + 1] =
            !slice.inForce[i] ? NOT_IN_FORCE : scope == null ? UNRESTRICTED : narrow ? scope[0] : 0L;
        segmentWords[at * SEGMENT_WORDS + 2] = bilateral[at] == null ? NO_PAIRS : pairsWord(bilateral[at].lawful, pairs);
        segmentNanos[at] = slice.startNanos[i];
        scopes[at] = scope;
      }
    }
  }

  private static long pairsWord(Object[] lookUp, List<Object> pairs) {
    if (lookUp.length / 2 >= 1 << PAIR_BITS) {
      return NO_PAIRS;
    }
    long word = (long) pairs.size() << PAIR_BITS | lookUp.length / 2;
    pairs.addAll(Arrays.asList(lookUp));
    return word;
  }

  /** The topics' mask in one word (fewer than 64 topics named), its top bit set when no restricted scope can cover them. */
  long narrowWord(Set<Topic> topics) {
    long word = topics.isEmpty() ? Long.MIN_VALUE : 0L;
    for (Topic topic : topics) {
      int number = topicNumbers.numberOf(topic);
      word |= number < 0 ? Long.MIN_VALUE : 1L << number;
    }
    return word;
  }

  /** The item's topics, for the checks of one decision or search. */
  public TopicMask topics(Set<Topic> topics) {
    return new TopicMask(topics, this);
  }

  public HopResult check(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    return check(registry.indexOf(from), levelAtSender, registry.indexOf(to), topics(topics), at);
  }

  /** As {@link #check(PartyCode, Level, PartyCode, Set, Instant)} with registry indices and a topic mask. */
  public HopResult check(int from, Level levelAtSender, int to, TopicMask topics, Instant at) {
    if (from >= 0 && to >= 0) {
      int span = pairSpan[from * parties + to];
      if (span == 0) {
        return NO_AGREEMENT;
      }
      if (span > 0) {
        // one bilateral agreement: one pass gives the lawful result or what fails
        int first = span >>> SPAN_BITS;
        int segment = segmentIn(first, first + (span & (1 << SPAN_BITS) - 1) - 1, at.getEpochSecond(), at.getNano());
        if (segment < 0) {
          return NO_AGREEMENT;
        }
        boolean covered = covers(segment, topics);
        HopResult lawful = lawfulOn(segment, levelAtSender);
        return covered && lawful != null ? lawful : bilateral[segment].failure(!covered, lawful == null);
      }
    }
    HopResult lawful = lawful(from, levelAtSender, to, topics, at);
    return lawful != null ? lawful : failure(from, levelAtSender, to, topics, at);
  }

  /**
   * The lawful result of the hop, or null when it fails, without the explanation: for the route
   * search, which tries many hops and reports only those that work.
   */
  public HopResult lawful(int from, Level levelAtSender, int to, TopicMask topics, Instant at) {
    // kept small, so that it inlines into its callers; a failing hop is explained by a second pass
    if (from < 0 || to < 0) {
      return null;
    }
    int slot = from * parties + to;
    int span = pairSpan[slot];
    if (span == 0) {
      return null;
    }
    if (span < 0) {
      return lawfulAmong(slot, sides[from], levelAtSender, topics, at);
    }
    // one bilateral agreement: its segments' words, then its lawful look-up
    int first = span >>> SPAN_BITS;
    int segment = segmentIn(first, first + (span & (1 << SPAN_BITS) - 1) - 1, at.getEpochSecond(), at.getNano());
    if (segment < 0 || !covers(segment, topics)) {
      return null;
    }
    return lawfulOn(segment, levelAtSender);
  }

  /** The lawful result of a bilateral segment for the sender's level, or null: a scan of its pairs by identity. */
  private HopResult lawfulOn(int segment, Level levelAtSender) {
    long word = segmentWords[segment * SEGMENT_WORDS + 2];
    if (word != NO_PAIRS) {
      Object[] pairs = lawfulPairs;
      int end = (int) (word >>> PAIR_BITS) + 2 * (int) (word & (1 << PAIR_BITS) - 1);
      for (int i = (int) (word >>> PAIR_BITS); i < end; i += 2) {
        if (pairs[i] == levelAtSender) {
          return (HopResult) pairs[i + 1];
        }
      }
    }
    return bilateral[segment].lawfulByValue(levelAtSender);
  }

  /** As {@link #lawful} over several candidates, or a multilateral one: the first lawful in registry order. */
  private HopResult lawfulAmong(int slot, Side side, Level levelAtSender, TopicMask topics, Instant at) {
    int[] positions = pairAgreements[slot];
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (int j = 0; j < positions.length; j++) {
      int position = positions[j];
      int segment = segmentAt(side, position, seconds, nanos);
      if (segment < 0 || !covers(segment, topics)) {
        continue;
      }
      HopResult lawful = pairSegments[slot][j][segment - side.first[position]].lawful(levelAtSender);
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
  public void channelsAt(TopicMask topics, Instant at, List<Channel> channels, List<AgreementId> owners) {
    Side side = arrangements;
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (int k = 0; k < side.agreements.length; k++) {
      int segment = segmentAt(side, k, seconds, nanos);
      if (segment < 0) {
        continue;
      }
      Channel channel = provisions[segment] instanceof ArrangementProvisions arrangement ? arrangement.channel().orElse(null) : null;
      if (channel != null && covers(segment, topics)) {
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
  public boolean inForce(int party, int k, TopicMask topics, Instant at) {
    int segment = segmentAt(sides[party], k, at.getEpochSecond(), at.getNano());
    return segment >= 0 && (topics == null || covers(segment, topics));
  }

  /** Why no candidate is lawful: the first agreement in force and what it fails, or none in force. */
  private HopResult failure(int from, Level levelAtSender, int to, TopicMask topics, Instant at) {
    if (from < 0 || to < 0) {
      return NO_AGREEMENT;
    }
    int slot = from * parties + to;
    int span = pairSpan[slot];
    if (span == 0) {
      return NO_AGREEMENT;
    }
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    if (span > 0) {
      // one bilateral agreement: the same words the lawful pass just read
      int first = span >>> SPAN_BITS;
      int segment = segmentIn(first, first + (span & (1 << SPAN_BITS) - 1) - 1, seconds, nanos);
      return segment < 0 ? NO_AGREEMENT : bilateral[segment].failure(!covers(segment, topics), levelAtSender);
    }
    Side side = sides[from];
    int[] positions = pairAgreements[slot];
    for (int j = 0; j < positions.length; j++) {
      int segment = segmentAt(side, positions[j], seconds, nanos);
      if (segment < 0) {
        continue;
      }
      return pairSegments[slot][j][segment - side.first[positions[j]]].failure(!covers(segment, topics), levelAtSender);
    }
    return NO_AGREEMENT;
  }

  /** The index of agreement k's segment in force at the instant, or −1. */
  private int segmentAt(Side side, int k, long seconds, int nanos) {
    return segmentIn(side.first[k], side.first[k + 1] - 1, seconds, nanos);
  }

  /**
   * The segment among {@code low} to {@code high} (one agreement's) in force at the instant, or −1: a
   * binary search over their start words. (A branch-free count of the starts before the instant was
   * tried, and was slower for the decision and no faster for the route search.)
   */
  private int segmentIn(int low, int high, long seconds, int nanos) {
    int found = Timeline.lastAtOrBefore(segmentWords, SEGMENT_WORDS, segmentNanos, low, high, seconds, nanos);
    return found < 0 || segmentWords[found * SEGMENT_WORDS + 1] == NOT_IN_FORCE ? -1 : found;
  }

  /** As {@link Scope#covers}: an unrestricted scope covers anything, a restricted one every topic of a non-empty set. */
  private boolean covers(int segment, TopicMask topics) {
    // kept tiny, and the wide case apart: the route search compiles this first, and a big compiled
    // body would not be inlined into decide later, which then allocates the TopicMask it passes here
    long word = segmentWords[segment * SEGMENT_WORDS + 1];
    if (word == UNRESTRICTED) {
      return true;
    }
    if (!narrow) {
      return coversWide(segment, topics);
    }
    topics.know();
    return (topics.word & ~word) == 0;
  }

  private boolean coversWide(int segment, TopicMask topics) {
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
