package org.pactbridge.bench.label;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.accumulo.access.Access;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pactbridge.core.label.LabelInterner;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.access.AccessEvaluator;
import org.pactbridge.core.label.access.AccessExpression;
import org.pactbridge.core.label.access.Authorizations;
import org.pactbridge.core.label.marking.MarkingParser;
import org.pactbridge.world.WorldLoader;

/**
 * Label benchmarks: reading banner markings, evaluating access expressions, and filtering a million
 * labelled items for one user, against Apache accumulo-access (1.0.0-beta3) on the same expressions and
 * the same items in the same run.
 *
 * <p>The filter interns labels (each item holds an int id into {@value #DISTINCT} distinct access
 * expressions) and decides each distinct label once per query, then selects items by an array read
 * each. The peer is measured the way its API is used (one {@code canAccess(String)} per item) and also
 * with the same interning, so the ratio separates the engine from the strategy. Setup checks that both
 * engines give the same verdict on every distinct expression.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LabelBenchmark {
  static final int ITEMS = 1_000_000;
  static final int DISTINCT = 512;
  private static final List<String> TOKENS =
      List.of("SI", "TK", "G", "HCS", "RSV-ABC", "EL", "SAR-BP", "RD", "FRD", "ATOMAL", "NATO", "FVEY", "KOR", "JPN", "USA", "dprk-missile");
  private static final Set<String> USER = Set.of("SI", "TK", "G", "RD", "NATO", "USA", "dprk-missile");

  MarkingParser parser;
  String banner = "SECRET//REL TO USA, JPN, KOR";
  String longBanner = "TOP SECRET//HCS-O-P/SI-G ABCD/TK//RD//FGI NATO//ORCON/NOFORN//EXDIS";
  String portion = "(S//NF)";

  String expressionText = "SI&(TK|G)&(USA|NATO)";
  AccessExpression expression;
  AccessEvaluator ours;
  org.apache.accumulo.access.AccessEvaluator peer;
  org.apache.accumulo.access.AccessExpression peerExpression;

  /** Each item's label id, and the same items as the peer stores them: one expression string each. */
  int[] items;
  int[] peerItems;
  String[] itemExpressions;
  LabelInterner<AccessExpression> interner;
  LabelInterner<String> peerInterner;
  long[] selected;

  @Setup(Level.Trial)
  public void setUp() {
    parser = MarkingParser.of(WorldLoader.reference());
    expression = AccessExpression.parse(expressionText);
    ours = AccessEvaluator.of(Authorizations.of(USER));
    Access access = Access.builder().build();
    peer = access.newEvaluator(USER);
    peerExpression = access.newExpression(expressionText);

    Random random = new Random(7);
    List<String> distinct = new ArrayList<>();
    while (distinct.size() < DISTINCT) {
      String text = randomExpression(random);
      if (!distinct.contains(text)) {
        distinct.add(text);
      }
    }
    interner = new LabelInterner<>();
    peerInterner = new LabelInterner<>();
    items = new int[ITEMS];
    peerItems = new int[ITEMS];
    itemExpressions = new String[ITEMS];
    for (int i = 0; i < ITEMS; i++) {
      String text = distinct.get(random.nextInt(DISTINCT));
      items[i] = interner.intern(AccessExpression.parse(text));
      itemExpressions[i] = text;
      peerItems[i] = peerInterner.intern(text);
    }
    selected = new long[(ITEMS + 63) / 64];
    for (String text : distinct) {
      if (ours.canAccess(text) != peer.canAccess(text)) {
        throw new IllegalStateException("the engines disagree on " + text);
      }
    }
    SecurityLabel label = parser.parseLabel(longBanner);
    if (label.compartments().isEmpty()) {
      throw new IllegalStateException("the long banner did not read");
    }
  }

  private static String randomExpression(Random random) {
    int terms = 1 + random.nextInt(3);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < terms; i++) {
      if (random.nextInt(4) == 0) {
        parts.add("(" + token(random) + "|" + token(random) + ")");
      } else {
        parts.add(token(random));
      }
    }
    return String.join("&", parts);
  }

  private static String token(Random random) {
    return TOKENS.get(random.nextInt(TOKENS.size()));
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SecurityLabel parseBanner() {
    return parser.parse(banner).label();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SecurityLabel parseLongBanner() {
    return parser.parse(longBanner).label();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public SecurityLabel parsePortion() {
    return parser.parse(portion).label();
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean accessEvaluateParsed() {
    return ours.canAccess(expression);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean accessParseAndEvaluate() {
    return ours.canAccess(expressionText);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean peerAccessEvaluateString() {
    return peer.canAccess(expressionText);
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public boolean peerAccessEvaluateExpression() {
    return peer.canAccess(peerExpression);
  }

  /** Ours: one verdict per distinct label, then one array read per item. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int filterMillionInterned() {
    boolean[] verdicts = interner.verdicts(ours::canAccess);
    return LabelInterner.select(items, verdicts, selected);
  }

  /** The peer as its API is used: one evaluation per item. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int peerFilterMillionPerItem() {
    int count = 0;
    for (String text : itemExpressions) {
      if (peer.canAccess(text)) {
        count++;
      }
    }
    return count;
  }

  /** The peer with the same interning: one evaluation per distinct label, then the same selection. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int peerFilterMillionInterned() {
    boolean[] verdicts = peerInterner.verdicts(peer::canAccess);
    return LabelInterner.select(peerItems, verdicts, selected);
  }
}
