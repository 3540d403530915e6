package org.pactbridge.bench.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;

/**
 * The registry's information agreements flattened into what a static policy engine can hold: for each
 * ordered party pair, the windows {@code [start, end)} (epoch seconds) in which an agreement is in force
 * with one provision version and one status, each with its scope, its level translations, its
 * third-party rule and its cautions. Every peer writes its policies from these windows, so all peers
 * see the same facts; the windows are derived from the timelines, never invented.
 */
public final class HopWindows {
  public static final long OPEN_END = Long.MAX_VALUE;

  /**
   * One in-force window. {@code order} is the agreement's position in the registry (the engine relies on
   * the first lawful agreement in that order); {@code scope} is null when unrestricted; {@code translations}
   * maps a sender level ({@code PARTY:CODE}) to the receiver's, and lists covered levels only.
   */
  public record Window(
      int order, String agreement, PartyCode from, PartyCode to, long start, long end, List<String> scope,
      Map<String, String> translations, ThirdPartyRule rule, boolean assumed, boolean terminationPending) {}

  private HopWindows() {}

  /** Every window, grouped by ordered pair ({@code from + ">" + to}), agreements in registry order. */
  public static Map<String, List<Window>> of(Registry registry) {
    Map<String, List<Window>> byPair = new LinkedHashMap<>();
    int order = 0;
    for (Agreement agreement : registry.agreements()) {
      int index = order++;
      if (agreement.kind() != AgreementKind.INFORMATION) {
        continue;
      }
      List<long[]> segments = segments(agreement);
      for (PartyCode from : agreement.parties()) {
        for (PartyCode to : agreement.parties()) {
          if (from.equals(to)) {
            continue;
          }
          List<Window> windows = byPair.computeIfAbsent(key(from, to), k -> new ArrayList<>());
          for (long[] segment : segments) {
            Instant start = Instant.ofEpochSecond(segment[0]);
            AgreementStatus status = agreement.statusAt(start);
            Provisions provisions = agreement.provisionsAt(start);
            List<String> scope = provisions.scope().isUnrestricted() ? null : slugs(provisions);
            windows.add(new Window(
                index, agreement.id().value(), from, to, segment[0], segment[1], scope, translations(equivalence(provisions), from, to, registry, start),
                provisions.thirdPartyRule(), status.assumed() || provisions.anyAssumed(), status.terminationPending()));
          }
        }
      }
    }
    return byPair;
  }

  public static String key(PartyCode from, PartyCode to) {
    return from.value() + ">" + to.value();
  }

  /** The pieces of time in which the agreement is in force with constant status and provisions. */
  private static List<long[]> segments(Agreement agreement) {
    TreeSet<Long> cuts = new TreeSet<>();
    for (Instant instant : agreement.timeline().transitionInstants()) {
      cuts.add(seconds(instant));
    }
    for (ProvisionVersion version : agreement.versions()) {
      if (version.from() != null) {
        cuts.add(seconds(version.from()));
      }
    }
    List<long[]> out = new ArrayList<>();
    Long[] points = cuts.toArray(new Long[0]);
    for (int i = 0; i < points.length; i++) {
      long start = points[i];
      long end = i + 1 < points.length ? points[i + 1] : OPEN_END;
      if (agreement.statusAt(Instant.ofEpochSecond(start)).inForce()) {
        out.add(new long[] {start, end});
      }
    }
    return out;
  }

  private static long seconds(Instant instant) {
    if (instant.getNano() != 0) {
      throw new IllegalArgumentException("peers are fed whole seconds; instant has a fraction: " + instant);
    }
    return instant.getEpochSecond();
  }

  private static List<String> slugs(Provisions provisions) {
    List<String> out = new ArrayList<>();
    for (Topic topic : provisions.scope().topics()) {
      out.add(topic.slug());
    }
    return out;
  }

  private static EquivalenceTable equivalence(Provisions provisions) {
    return provisions instanceof InformationProvisions information ? information.equivalence().orElse(null) : null;
  }

  private static Map<String, String> translations(EquivalenceTable table, PartyCode from, PartyCode to, Registry registry, Instant at) {
    Map<String, String> out = new LinkedHashMap<>();
    if (table == null) {
      return out;
    }
    for (Level level : registry.requireParty(from).allLevelsByCode().values()) {
      Level translated = table.translateOrNull(level, to);
      if (translated != null) {
        out.put(level.qualified(), translated.qualified());
      }
    }
    return out;
  }
}
