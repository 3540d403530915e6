package org.pactbridge.bench.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.UserContext;

/**
 * Builds a synthetic world from a seed, deterministically and in well under a second per million
 * items: parties {@code XAA, XAB, …} with schemes of 4–6 classified levels (one in ten with two levels
 * of equal rank), hubs that have an information agreement with nearly everyone and an arrangement
 * with a channel through them, one information agreement per chosen pair with 1–4 provision versions
 * (amendments on the timeline), equivalence tables with gaps, scopes over 50 topics, and timelines
 * that expire or terminate (some after 2038), run termination notices (some taking effect after
 * 2038), withdraw or suspend them, or suspend and resume the agreement. Items have Zipf-distributed
 * originators, REL TO lists (sometimes naming a community), 5 % ORCON and 3 % NOFORN.
 *
 * <p>Over 400 lines: one seeded random stream drives every choice in a fixed order, so that a seed
 * gives the same world; split across classes, that order would be easy to disturb.
 */
public final class WorldGenerator {
  static final int TOPICS = 50;
  private static final int COMMUNITIES = 6;
  private static final long DAY = 86_400L;
  private static final long FIRST_DAY = LocalDate.of(1975, 1, 1).toEpochDay();
  private static final long LAST_SIGNING_DAY = LocalDate.of(2024, 12, 31).toEpochDay();

  private final GeneratorConfig config;
  private final SplittableRandom random;

  private WorldGenerator(GeneratorConfig config) {
    this.config = config;
    this.random = new SplittableRandom(config.seed());
  }

  /** The world for {@code config}; the same config always gives the same world. */
  public static GeneratedWorld generate(GeneratorConfig config) {
    return new WorldGenerator(config).build();
  }

  private GeneratedWorld build() {
    int n = config.parties();
    PartyCode[] codes = new PartyCode[n];
    Level[][] levels = new Level[n][];
    Registry.Builder registry = Registry.builder();
    for (int p = 0; p < n; p++) {
      codes[p] = PartyCode.of("X" + (char) ('A' + p / 26) + (char) ('A' + p % 26));
      levels[p] = scheme(codes[p]);
      ClassificationScheme scheme = new ClassificationScheme(codes[p], null, codes[p] + " scheme", List.of(levels[p]));
      registry.party(new Party(codes[p], "Party " + codes[p], Party.Kind.NATION, List.of(scheme), false, List.of("generated")));
    }
    Topic[] topics = new Topic[TOPICS];
    for (int t = 0; t < TOPICS; t++) {
      topics[t] = Topic.of(String.format("topic-%02d", t + 1));
    }
    String[] communities = new String[COMMUNITIES];
    for (int c = 0; c < COMMUNITIES; c++) {
      communities[c] = "GRP" + (char) ('A' + c);
      Set<PartyCode> members = new LinkedHashSet<>();
      int size = Math.min(n, 8 + random.nextInt(Math.max(1, n / 5)));
      while (members.size() < size) {
        members.add(codes[random.nextInt(n)]);
      }
      registry.community(new Community(communities[c], members, true, List.of("generated")));
    }
    GeneratedWorld.Names names = new GeneratedWorld.Names(codes, levels, topics, communities);

    List<PartyCode> hubs = new ArrayList<>();
    for (int h = 0; h < config.hubs(); h++) {
      hubs.add(codes[h]);
    }
    for (long pair : choosePairs()) {
      int a = (int) (pair >>> 32);
      int b = (int) pair;
      registry.agreement(information(codes[a], levels[a], codes[b], levels[b], topics));
    }
    for (int h = 0; h < config.hubs(); h++) {
      registry.agreement(arrangement(h, codes, topics));
    }
    Registry built = registry.build();
    Items items = items(names);
    UserContext[] users = users(names);
    GeneratedWorld draft = new GeneratedWorld(config, built, names, hubs, items, users, List.of());
    List<GeneratedRequest> requests = new RequestGenerator(draft, random.split()).generate(config.requests());
    return new GeneratedWorld(config, built, names, hubs, items, users, requests);
  }

  private Level[] scheme(PartyCode party) {
    int count = 4 + random.nextInt(3);
    boolean sharedRank = random.nextInt(10) == 0;
    int sharedAt = 2 + random.nextInt(count - 2); // never the lowest classified level
    Level[] out = new Level[count + 1];
    out[0] = Level.unclassified(party);
    int rank = 0;
    for (int i = 1; i <= count; i++) {
      if (!(sharedRank && i == sharedAt)) {
        rank++;
      }
      out[i] = new Level(party, "L" + i, rank, party + " level " + i, "Level " + i, List.of("LV" + i));
    }
    return out;
  }

  /** Hub pairs first (each hub with nearly everyone), then random pairs, each encoded a << 32 | b with a < b. */
  private List<Long> choosePairs() {
    int n = config.parties();
    Set<Long> chosen = new LinkedHashSet<>();
    int hubBudget = (int) (config.agreements() * 0.4);
    for (int h = 0; h < config.hubs() && chosen.size() < hubBudget; h++) {
      for (int other = 0; other < n && chosen.size() < hubBudget; other++) {
        if (other != h && random.nextInt(20) != 0) {
          chosen.add(pair(h, other));
        }
      }
    }
    while (chosen.size() < config.agreements()) {
      int a = random.nextInt(n);
      int b = random.nextInt(n);
      if (a != b) {
        chosen.add(pair(a, b));
      }
    }
    return new ArrayList<>(chosen);
  }

  private static long pair(int a, int b) {
    int low = Math.min(a, b);
    int high = Math.max(a, b);
    return ((long) low << 32) | high;
  }

  private static Instant day(long epochDay) {
    return Instant.ofEpochSecond(epochDay * DAY);
  }

  private Agreement information(PartyCode a, Level[] levelsA, PartyCode b, Level[] levelsB, Topic[] topics) {
    AgreementId id = AgreementId.of("GEN-" + a + "-" + b);
    long signed = FIRST_DAY + random.nextLong(LAST_SIGNING_DAY - FIRST_DAY);
    boolean assumedEntry = random.nextInt(10) == 0;
    long inForce = assumedEntry ? signed : signed + 1 + random.nextInt(180);
    List<TimelineEvent> events = new ArrayList<>();
    events.add(TimelineEvent.of(EventType.SIGNED, day(signed)));
    events.add(new TimelineEvent(EventType.IN_FORCE, day(inForce), null, assumedEntry, List.of(), assumedEntry ? "entry into force assumed at signing" : ""));

    // How it ends (if it does); end is the first day it no longer applies, or Long.MAX_VALUE.
    long end = Long.MAX_VALUE;
    int fate = random.nextInt(100);
    if (fate < 35) {
      // open-ended; a tenth of these, chosen from the pair so that no random draw shifts the rest of the
      // world, have a status the record does not know after some years (STATUS_UNKNOWN)
      int pick = Math.floorMod((a.value() + "-" + b.value()).hashCode(), 200);
      if (pick < 20) {
        events.add(new TimelineEvent(EventType.STATUS_UNKNOWN, day(inForce + 365L * (3 + pick)), null, false, List.of(),
            "status unknown from here"));
      }
    } else if (fate < 50) {
      end = inForce + 365L * (10 + random.nextInt(60)); // many expire after 2038
      events.add(TimelineEvent.of(EventType.EXPIRED, day(end)));
    } else if (fate < 60) {
      long notice = inForce + 365L + random.nextInt(365 * 40);
      end = notice + 90;
      events.add(TimelineEvent.notice(day(notice), day(end)));
    } else if (fate < 66) {
      long notice = Math.max(inForce + 30, LocalDate.of(2036, 1, 1).toEpochDay() + random.nextInt(365 * 2));
      end = LocalDate.of(2039, 1, 1).toEpochDay() + random.nextInt(365 * 20); // a notice running across 2038
      events.add(TimelineEvent.notice(day(notice), day(end)));
    } else if (fate < 74) {
      long notice = inForce + 365L + random.nextInt(365 * 30);
      events.add(TimelineEvent.notice(day(notice), day(notice + 90)));
      events.add(TimelineEvent.of(EventType.NOTICE_WITHDRAWN, day(notice + 1 + random.nextInt(89))));
    } else if (fate < 80) {
      long notice = inForce + 365L + random.nextInt(365 * 30);
      events.add(TimelineEvent.notice(day(notice), day(notice + 90)));
      events.add(TimelineEvent.of(EventType.NOTICE_SUSPENDED, day(notice + 1 + random.nextInt(89))));
    } else if (fate < 90) {
      long suspended = inForce + 365L + random.nextInt(365 * 30);
      events.add(TimelineEvent.of(EventType.SUSPENDED, day(suspended)));
      events.add(TimelineEvent.of(EventType.RESUMED, day(suspended + 30 + random.nextInt(700))));
    } else {
      end = inForce + 365L + random.nextInt(365 * 45);
      events.add(TimelineEvent.of(EventType.TERMINATED, day(end)));
    }

    int versionCount = 1 + random.nextInt(4);
    List<ProvisionVersion> versions = new ArrayList<>(versionCount);
    long horizon = Math.min(end, inForce + 365L * 70);
    long previous = inForce;
    Set<Topic> scopeTopics = null;
    for (int v = 0; v < versionCount; v++) {
      Instant from = null;
      if (v > 0) {
        long span = horizon - previous;
        if (span < 60) {
          break;
        }
        long amended = previous + 30 + random.nextLong(span - 30);
        from = day(amended);
        previous = amended;
        events.add(new TimelineEvent(EventType.AMENDED, from, null, false, List.of(), "amendment " + v));
      }
      scopeTopics = nextScope(scopeTopics, topics);
      Scope scope = scopeTopics == null ? Scope.all() : Scope.of(scopeTopics);
      boolean assumedTable = random.nextInt(20) == 0;
      EquivalenceTable table = table(a, levelsA, b, levelsB, assumedTable);
      ThirdPartyRule rule = random.nextInt(100) < 85 ? ThirdPartyRule.ORIGINATOR_CONSENT : ThirdPartyRule.PERMITTED;
      boolean assumed = random.nextInt(12) == 0;
      Provisions provisions = new InformationProvisions(new GeneralTerms(scope, rule, assumed, List.of("generated"), ""), Optional.ofNullable(table));
      versions.add(new ProvisionVersion(from, v == 0 ? "original" : "amendment " + v, provisions));
    }
    return new Agreement(id, AgreementKind.INFORMATION, "Generated agreement " + a + "–" + b, List.of(a, b), new Timeline(events), versions, List.of("generated"), "");
  }

  /** Unrestricted (a third of the time), or a set of topics that later versions tend to widen. */
  private Set<Topic> nextScope(Set<Topic> previous, Topic[] topics) {
    if (previous == null && random.nextInt(3) == 0) {
      return null;
    }
    Set<Topic> scope = previous == null ? new LinkedHashSet<>() : new LinkedHashSet<>(previous);
    int add = previous == null ? 3 + random.nextInt(10) : random.nextInt(4);
    for (int i = 0; i < add; i++) {
      scope.add(topics[zipf(topics.length, 0.7)]);
    }
    return scope;
  }

  /** Rows pairing consecutive groups of levels, lowest first; three tables in ten miss one row. */
  private EquivalenceTable table(PartyCode a, Level[] levelsA, PartyCode b, Level[] levelsB, boolean assumed) {
    int countA = levelsA.length - 1;
    int countB = levelsB.length - 1;
    int rows = Math.min(countA, countB);
    int[] groupA = groups(countA, rows);
    int[] groupB = groups(countB, rows);
    int gap = random.nextInt(10) < 3 ? random.nextInt(rows) : -1;
    List<Map<PartyCode, List<Level>>> table = new ArrayList<>(rows);
    int nextA = 1;
    int nextB = 1;
    for (int r = 0; r < rows; r++) {
      List<Level> rowA = new ArrayList<>();
      for (int i = 0; i < groupA[r]; i++) {
        rowA.add(levelsA[nextA++]);
      }
      List<Level> rowB = new ArrayList<>();
      for (int i = 0; i < groupB[r]; i++) {
        rowB.add(levelsB[nextB++]);
      }
      if (r != gap) {
        Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
        row.put(a, rowA);
        row.put(b, rowB);
        table.add(row);
      }
    }
    return new EquivalenceTable(table, assumed, List.of(), assumed ? "table assumed" : "");
  }

  /** Splits {@code count} levels into {@code rows} non-empty consecutive groups. */
  private int[] groups(int count, int rows) {
    int[] sizes = new int[rows];
    java.util.Arrays.fill(sizes, 1);
    for (int extra = count - rows; extra > 0; extra--) {
      sizes[random.nextInt(rows)]++;
    }
    return sizes;
  }

  private Agreement arrangement(int hub, PartyCode[] codes, Topic[] topics) {
    Set<PartyCode> spokes = new LinkedHashSet<>();
    int size = Math.min(codes.length - 1, 6 + random.nextInt(7));
    while (spokes.size() < size) {
      int spoke = random.nextInt(codes.length);
      if (spoke != hub) {
        spokes.add(codes[spoke]);
      }
    }
    List<List<PartyCode>> paths = new ArrayList<>();
    for (PartyCode from : spokes) {
      for (PartyCode to : spokes) {
        if (!from.equals(to)) {
          paths.add(List.of(from, codes[hub], to));
        }
      }
    }
    Set<Topic> scope = new LinkedHashSet<>();
    while (scope.size() < 2 + random.nextInt(3)) {
      scope.add(topics[zipf(topics.length, 0.7)]);
    }
    List<PartyCode> parties = new ArrayList<>();
    parties.add(codes[hub]);
    parties.addAll(spokes);
    long signed = LocalDate.of(2000, 1, 1).toEpochDay() + random.nextInt(365 * 20);
    List<TimelineEvent> events = new ArrayList<>();
    events.add(TimelineEvent.of(EventType.SIGNED, day(signed)));
    events.add(TimelineEvent.of(EventType.IN_FORCE, day(signed)));
    if (random.nextInt(4) == 0) {
      events.add(TimelineEvent.of(EventType.TERMINATED, day(signed + 365L * (5 + random.nextInt(40)))));
    }
    Provisions provisions =
        new ArrangementProvisions(new GeneralTerms(Scope.of(scope), ThirdPartyRule.ORIGINATOR_CONSENT, false, List.of("generated"), ""),
            new Channel(codes[hub], paths));
    return new Agreement(
        AgreementId.of("GEN-ARR-" + codes[hub]), AgreementKind.ARRANGEMENT, "Generated arrangement through " + codes[hub], parties,
        new Timeline(events), List.of(new ProvisionVersion(null, "original", provisions)), List.of("generated"), "");
  }

  private Items items(GeneratedWorld.Names names) {
    int count = config.items();
    int parties = names.partyCount();
    double[] cdf = zipfCdf(parties, 1.1);
    int[] originator = new int[count];
    byte[] level = new byte[count];
    byte[] flags = new byte[count];
    int[] relToStart = new int[count + 1];
    short[] relTo = new short[count * 3];
    long[] topicBits = new long[count];
    int[] declassify = new int[count];
    int used = 0;
    for (int i = 0; i < count; i++) {
      int party = search(cdf, random.nextDouble());
      originator[i] = party;
      int levels = names.levels(party).length;
      level[i] = (byte) (random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(levels - 1));
      int roll = random.nextInt(100);
      byte flag = 0;
      if (roll < 3) {
        flag |= NOFORN_FLAG;
      } else if (roll < 65) {
        flag |= Items.REL_TO;
      }
      if (random.nextInt(100) < 5) {
        flag |= Items.ORCON;
      }
      flags[i] = flag;
      relToStart[i] = used;
      if ((flag & Items.REL_TO) != 0) {
        int entries = 1 + random.nextInt(6);
        if (used + entries > relTo.length) {
          relTo = java.util.Arrays.copyOf(relTo, relTo.length * 2);
        }
        short previous = -100;
        for (int e = 0; e < entries; e++) {
          short entry = random.nextInt(12) == 0 ? (short) (-1 - random.nextInt(names.communityCount())) : (short) search(cdf, random.nextDouble());
          if (entry != previous && entry != party) {
            relTo[used++] = entry;
            previous = entry;
          }
        }
      }
      int topicCount = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
      long bits = 0;
      for (int t = 0; t < topicCount; t++) {
        bits |= 1L << zipf(TOPICS, 0.7);
      }
      topicBits[i] = bits;
      declassify[i] = random.nextInt(20) == 0 ? (int) (FIRST_DAY + random.nextInt(365 * 80)) : Items.NO_DECLASSIFICATION;
    }
    relToStart[count] = used;
    return new Items(names, originator, level, flags, relToStart, java.util.Arrays.copyOf(relTo, used), topicBits, declassify);
  }

  private static final byte NOFORN_FLAG = Items.NOFORN;

  private UserContext[] users(GeneratedWorld.Names names) {
    int parties = names.partyCount();
    double[] cdf = zipfCdf(parties, 0.8);
    UserContext[] users = new UserContext[config.users()];
    for (int u = 0; u < users.length; u++) {
      int nation = search(cdf, random.nextDouble());
      Level[] levels = names.levels(nation);
      Level clearance = levels[1 + random.nextInt(levels.length - 1)];
      Set<Topic> needToKnow = new HashSet<>();
      int count = 5 + random.nextInt(20);
      for (int t = 0; t < count; t++) {
        needToKnow.add(names.topic(zipf(TOPICS, 0.7)));
      }
      users[u] = new UserContext(String.format("user-%05d", u), names.party(nation), clearance, needToKnow);
    }
    return users;
  }

  private int zipf(int size, double exponent) {
    // small alphabets: inverse transform over a cached CDF would be faster, but this is not hot
    double[] cdf = zipfCdf(size, exponent);
    return search(cdf, random.nextDouble());
  }

  private final Map<Long, double[]> cdfs = new java.util.HashMap<>();

  private double[] zipfCdf(int size, double exponent) {
    long key = ((long) size << 32) ^ Double.doubleToLongBits(exponent);
    return cdfs.computeIfAbsent(key, k -> {
      double[] cdf = new double[size];
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += 1.0 / Math.pow(i + 1, exponent);
        cdf[i] = sum;
      }
      for (int i = 0; i < size; i++) {
        cdf[i] /= sum;
      }
      return cdf;
    });
  }

  private static int search(double[] cdf, double u) {
    int low = 0;
    int high = cdf.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cdf[mid] < u) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
