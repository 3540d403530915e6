package org.pactbridge.core.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.PartySet;
import org.pactbridge.core.registry.Registry;

/**
 * Rule 4 for one hop: an information agreement between sender and receiver in force at the instant,
 * whose scope covers every topic and whose table covers the sender's level. The result names the
 * agreement relied on, its provisions at the instant and the receiver's level, or why the hop fails.
 *
 * <p>Built once per registry snapshot, it compiles every information agreement for each direction
 * between two of its parties. The instants at which its status or its provisions change are merged into
 * one sorted array of segments; each segment in force holds its scope as a bit mask over the topics the
 * registry's scopes name, the sender's covered levels, and the lawful result for each, made in advance.
 * A check is then an array read for the pair, a binary search over primitives per candidate, a mask
 * test and a scan of a handful of levels, and it allocates nothing: results are shared and immutable.
 * A caller that checks many hops for one item makes its {@link Topics} once. Thread-safe.
 */
public final class HopCheck {
  private static final Result NO_AGREEMENT = new Result(ReasonCode.NO_AGREEMENT_IN_FORCE, false, false, null, null, false, null, null);
  private static final Compiled[] NONE = new Compiled[0];

  private final Registry registry;
  private final int parties;
  private final Compiled[][] byPair; // [sender * parties + receiver], the candidates in registry order
  // each party's information agreements, aligned with Registry.informationAgreementsOf
  private final Compiled[][] ofParty;
  // bit b of linked[a] is set when an information agreement joins a and b, whatever its status
  private final long[][] linked;
  // every topic a restricted scope of an information agreement names, numbered
  private final Map<Topic, Integer> topicIndex = new HashMap<>();
  private final int topicWords;

  public HopCheck(Registry registry) {
    this.registry = registry;
    this.parties = registry.partyCount();
    for (Agreement agreement : registry.agreements()) {
      if (agreement.kind() == AgreementKind.INFORMATION) {
        for (ProvisionVersion version : agreement.versions()) {
          for (Topic topic : version.provisions().scope().topics()) {
            topicIndex.putIfAbsent(topic, topicIndex.size());
          }
        }
      }
    }
    this.topicWords = Math.max(1, (topicIndex.size() + 63) >>> 6);
    this.byPair = new Compiled[parties * parties][];
    this.linked = new long[parties][PartySet.words(parties)];
    for (int a = 0; a < parties; a++) {
      for (int b = 0; b < parties; b++) {
        Agreement[] agreements = a == b ? new Agreement[0] : registry.between(a, b, AgreementKind.INFORMATION);
        Compiled[] compiled = agreements.length == 0 ? NONE : new Compiled[agreements.length];
        for (int k = 0; k < agreements.length; k++) {
          compiled[k] = new Compiled(agreements[k], registry.codeAt(a), registry.codeAt(b), this);
        }
        byPair[a * parties + b] = compiled;
        if (compiled.length > 0) {
          PartySet.add(linked[a], b);
        }
      }
    }
    this.ofParty = new Compiled[parties][];
    for (int a = 0; a < parties; a++) {
      Agreement[] agreements = registry.informationAgreementsOf(registry.codeAt(a));
      ofParty[a] = new Compiled[agreements.length];
      for (int k = 0; k < agreements.length; k++) {
        // any direction from this party serves: status and scope do not depend on it
        for (Compiled candidate : byPair[a * parties + other(agreements[k], a)]) {
          if (candidate.agreement == agreements[k]) {
            ofParty[a][k] = candidate;
          }
        }
      }
    }
  }

  private int other(Agreement agreement, int party) {
    for (PartyCode code : agreement.parties()) {
      int index = registry.indexOf(code);
      if (index != party) {
        return index;
      }
    }
    throw new IllegalStateException("agreement " + agreement.id() + " has one party");
  }

  /** Outcome of one hop check. {@code failure} is null when the hop is lawful. */
  public record Result(
      ReasonCode failure,
      boolean scopeFails,
      boolean levelFails,
      Agreement agreement,
      Level level,
      boolean assumed,
      Instant terminationTakesEffect,
      Provisions provisions) {
    public boolean lawful() {
      return failure == null;
    }
  }

  /**
   * An item's topics as this snapshot's scopes see them: a bit mask over the topics they name, and
   * whether the item has a topic none of them names (then only an unrestricted scope covers it).
   */
  public static final class Topics {
    final long[] mask;
    final boolean empty;
    final boolean unnamed;

    Topics(long[] mask, boolean empty, boolean unnamed) {
      this.mask = mask;
      this.empty = empty;
      this.unnamed = unnamed;
    }
  }

  /** The item's topics as a mask: one hash look-up per topic. */
  public Topics topics(Set<Topic> topics) {
    long[] mask = new long[topicWords];
    boolean unnamed = false;
    for (Topic topic : topics) {
      Integer index = topicIndex.get(topic);
      if (index == null) {
        unnamed = true;
      } else {
        mask[index >>> 6] |= 1L << index;
      }
    }
    return new Topics(mask, topics.isEmpty(), unnamed);
  }

  public Result check(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    return check(registry.indexOf(from), levelAtSender, registry.indexOf(to), topics(topics), at);
  }

  /** As {@link #check(PartyCode, Level, PartyCode, Set, Instant)} with registry indices and a topic mask. */
  public Result check(int from, Level levelAtSender, int to, Topics topics, Instant at) {
    if (from < 0 || to < 0) {
      return NO_AGREEMENT;
    }
    // the lawful path is kept small (so that it inlines into its callers); a failing hop is explained
    // by a second pass over the same candidates
    Compiled[] candidates = byPair[from * parties + to];
    long seconds = at.getEpochSecond();
    int nanos = at.getNano();
    for (Compiled candidate : candidates) {
      Segment segment = candidate.inForceAt(seconds, nanos);
      if (segment == null || !segment.covers(topics)) {
        continue;
      }
      Result lawful = segment.lawful(levelAtSender);
      if (lawful != null) {
        return lawful;
      }
    }
    return failure(candidates, levelAtSender, topics, seconds, nanos);
  }

  /** The registry this checks against. */
  public Registry registry() {
    return registry;
  }

  /** Whether any information agreement joins the two parties (by registry index), whatever its status. */
  public boolean linked(int from, int to) {
    return from >= 0 && to >= 0 && PartySet.contains(linked[from], to);
  }

  /** Whether any information agreement joins the party to a member of the set, whatever its status. */
  public boolean linkedToAny(int from, long[] set) {
    return from >= 0 && PartySet.intersects(linked[from], set);
  }

  /** How many information agreements the party has: the {@code k} bound of the two methods below. */
  public int agreementCount(int party) {
    return party < 0 ? 0 : ofParty[party].length;
  }

  /** The parties' indices of the party's {@code k}-th information agreement, in the agreement's order. Shared: do not modify. */
  public int[] partiesOf(int party, int k) {
    return ofParty[party][k].parties;
  }

  /**
   * Whether the party's {@code k}-th information agreement is in force at the instant and, when
   * {@code topics} is not null, its scope then covers them.
   */
  public boolean inForce(int party, int k, Topics topics, Instant at) {
    Segment segment = ofParty[party][k].inForceAt(at.getEpochSecond(), at.getNano());
    return segment != null && (topics == null || segment.covers(topics));
  }

  /** Why no candidate is lawful: the first agreement in force and what it fails, or none in force. */
  private static Result failure(Compiled[] candidates, Level levelAtSender, Topics topics, long seconds, int nanos) {
    for (Compiled candidate : candidates) {
      Segment segment = candidate.inForceAt(seconds, nanos);
      if (segment == null) {
        continue;
      }
      boolean scopeFails = !segment.covers(topics);
      boolean levelFails = segment.lawful(levelAtSender) == null;
      if (scopeFails) {
        return levelFails ? segment.scopeAndLevelFail : segment.scopeFail;
      }
      return segment.levelFail;
    }
    return NO_AGREEMENT;
  }

  /** One agreement from one sender to one receiver, its timeline and versions merged into segments. */
  private static final class Compiled {
    final Agreement agreement;
    final int[] parties;
    private final long[] startSeconds;
    private final int[] startNanos;
    private final Segment[] segments; // null where the agreement is not in force

    Compiled(Agreement agreement, PartyCode from, PartyCode to, HopCheck owner) {
      this.agreement = agreement;
      this.parties = agreement.parties().stream().mapToInt(owner.registry::indexOf).toArray();
      TreeSet<Instant> starts = new TreeSet<>(agreement.timeline().transitionInstants());
      for (ProvisionVersion version : agreement.versions()) {
        if (version.from() != null) {
          starts.add(version.from());
        }
      }
      startSeconds = new long[starts.size()];
      startNanos = new int[starts.size()];
      segments = new Segment[starts.size()];
      int i = 0;
      for (Instant start : starts) {
        startSeconds[i] = start.getEpochSecond();
        startNanos[i] = start.getNano();
        AgreementStatus status = agreement.statusAt(start);
        segments[i] = status.inForce() ? new Segment(agreement, status, agreement.provisionsAt(start), from, to, owner) : null;
        i++;
      }
    }

    /** The segment in force at the instant, or null: a binary search that reads primitives only. */
    Segment inForceAt(long seconds, int nanos) {
      int low = 0;
      int high = startSeconds.length - 1;
      int found = -1;
      while (low <= high) {
        int mid = (low + high) >>> 1;
        long probe = startSeconds[mid];
        if (probe < seconds || (probe == seconds && startNanos[mid] <= nanos)) {
          found = mid;
          low = mid + 1;
        } else {
          high = mid - 1;
        }
      }
      return found < 0 ? null : segments[found];
    }
  }

  /** A stretch of time over which an agreement is in force with one status and one provisions version. */
  private static final class Segment {
    // the scope's topics as a mask, or null for an unrestricted scope
    private final long[] scope;
    // the sender's levels the table lists, and the lawful result for each (null where the receiver
    // has no level in the row)
    private final Level[] levels;
    private final Result[] lawful;
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

    Segment(Agreement agreement, AgreementStatus status, Provisions provisions, PartyCode from, PartyCode to, HopCheck owner) {
      this.agreement = agreement;
      this.status = status;
      this.provisions = provisions;
      Scope scope = provisions.scope();
      if (scope.isUnrestricted()) {
        this.scope = null;
      } else {
        this.scope = new long[owner.topicWords];
        for (Topic topic : scope.topics()) {
          int index = owner.topicIndex.get(topic);
          this.scope[index >>> 6] |= 1L << index;
        }
      }
      this.table = provisions.equivalence();
      this.from = from;
      this.to = to;
      this.assumed = status.assumed() || provisions.anyAssumed();
      List<Level> senderLevels = new ArrayList<>();
      List<Result> results = new ArrayList<>();
      if (table != null) {
        for (Map<PartyCode, List<Level>> row : table.rows()) {
          for (Level level : row.getOrDefault(from, List.of())) {
            senderLevels.add(level);
            results.add(lawfulResult(table.translateOrNull(level, to)));
          }
        }
      }
      this.levels = senderLevels.toArray(new Level[0]);
      this.lawful = results.toArray(new Result[0]);
      this.scopeFail = new Result(ReasonCode.TOPIC_OUT_OF_SCOPE, true, false, agreement, null, false, null, provisions);
      this.levelFail = new Result(ReasonCode.LEVEL_NOT_COVERED, false, true, agreement, null, false, null, provisions);
      this.scopeAndLevelFail = new Result(ReasonCode.TOPIC_OUT_OF_SCOPE, true, true, agreement, null, false, null, provisions);
    }

    /** As {@link Scope#covers}: an unrestricted scope covers anything, a restricted one every topic of a non-empty set. */
    boolean covers(Topics topics) {
      long[] covered = scope;
      if (covered == null) {
        return true;
      }
      if (topics.empty || topics.unnamed) {
        return false;
      }
      long[] mask = topics.mask;
      for (int i = 0; i < mask.length; i++) {
        if ((mask[i] & ~covered[i]) != 0) {
          return false;
        }
      }
      return true;
    }

    private Result lawfulResult(Level translated) {
      return translated == null
          ? null
          : new Result(null, false, false, agreement, translated, assumed, status.terminationTakesEffect(), provisions);
    }

    /** The lawful result for a sender's level, or null when the table does not carry it to the receiver. */
    Result lawful(Level level) {
      Level[] keys = levels;
      for (int i = 0; i < keys.length; i++) {
        if (keys[i] == level) {
          return lawful[i];
        }
      }
      return lawfulByValue(level);
    }

    // a level equal to the registry's but not the same instance, or (never on the engine's own paths)
    // a level of another party that the table happens to list
    private Result lawfulByValue(Level level) {
      for (int i = 0; i < levels.length; i++) {
        if (levels[i].equals(level)) {
          return lawful[i];
        }
      }
      if (table == null || level.party().equals(from)) {
        return null;
      }
      return lawfulResult(table.translateOrNull(level, to));
    }
  }
}
