package org.pactbridge.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.pactbridge.bench.world.GeneratedRequest;
import org.pactbridge.bench.world.GeneratedWorld;
import org.pactbridge.bench.world.Items;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;

/** The request sets the benchmarks cycle through, chosen deterministically. */
public final class Workloads {
  /** How many requests a single-decision benchmark cycles through (a power of two). */
  public static final int CYCLE = 1024;

  private Workloads() {}

  /** {@link #CYCLE} generated requests, every kind mixed, evenly spread over the generated list. */
  public static ReleaseRequest[] singles(GeneratedWorld world) {
    List<GeneratedRequest> all = world.requests();
    ReleaseRequest[] out = new ReleaseRequest[CYCLE];
    for (int i = 0; i < CYCLE; i++) {
      out[i] = all.get((int) ((long) i * all.size() / CYCLE)).request();
    }
    return out;
  }

  /** The first {@code count} generated requests. */
  public static ReleaseRequest[] batch(GeneratedWorld world, int count) {
    List<GeneratedRequest> all = world.requests();
    ReleaseRequest[] out = new ReleaseRequest[Math.min(count, all.size())];
    for (int i = 0; i < out.length; i++) {
      out[i] = all.get(i).request();
    }
    return out;
  }

  /**
   * Requests between parties with no direct information agreement for which a relay route exists:
   * generated items, sent by their originator at an instant between 2000 and 2030.
   */
  public static ReleaseRequest[] relays(GeneratedWorld world, int count) {
    Registry registry = world.registry();
    ReleaseEngine engine = new ReleaseEngine(registry);
    Items items = world.items();
    SplittableRandom random = new SplittableRandom(7);
    List<ReleaseRequest> out = new ArrayList<>(count);
    int parties = world.names().partyCount();
    long from = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();
    for (int attempt = 0; out.size() < count && attempt < 1_000_000; attempt++) {
      int item = random.nextInt(items.size());
      Level level = items.level(item);
      if (level.isUnclassified()) {
        continue;
      }
      PartyCode originator = items.originator(item);
      PartyCode recipient = world.names().party(random.nextInt(parties));
      if (recipient.equals(originator) || registry.between(originator, recipient, AgreementKind.INFORMATION).length > 0) {
        continue;
      }
      Instant at = Instant.ofEpochSecond(from + random.nextLong((to - from) / 86_400) * 86_400);
      ReleaseRequest request = new ReleaseRequest(
          Set.of(originator), level, Releasability.open(), false, items.topics(item), null, originator, recipient, null, Set.of(), at);
      if (!engine.routes(request).isEmpty()) {
        out.add(request);
      }
    }
    return out.toArray(new ReleaseRequest[0]);
  }

  /** Requests on an arbitrary registry (the reference world): every ordered pair, every level, a few dates. */
  public static ReleaseRequest[] pairs(Registry registry, List<Instant> instants, Set<Topic> topics, boolean relayOnly) {
    ReleaseEngine engine = new ReleaseEngine(registry);
    List<ReleaseRequest> out = new ArrayList<>();
    for (Instant at : instants) {
      for (Party from : registry.parties()) {
        for (Party to : registry.parties()) {
          if (from.equals(to)) {
            continue;
          }
          for (Level level : from.schemeAt(at).classifiedLevels()) {
            ReleaseRequest request = ReleaseRequest.simple(level, to.code(), topics, at);
            if (relayOnly) {
              Decision decision = engine.decide(request, false);
              if (decision.outcome() != Outcome.PERMIT && !engine.routes(request).isEmpty()) {
                out.add(request);
              }
            } else {
              out.add(request);
            }
          }
        }
      }
    }
    return out.toArray(new ReleaseRequest[0]);
  }
}
