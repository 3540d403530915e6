package org.pactbridge.bench.world;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.UserContext;

/**
 * Draws release requests from the generated items: the holder is the originator or one of its
 * partners, the recipient a partner of the holder or anyone, a third of the instants sit exactly on a
 * transition of the holder–recipient agreement (or one second before it), and users, consents and
 * REL TO lists vary so that every reason code the engine can give occurs many times.
 */
final class RequestGenerator {
  private static final long FROM = LocalDate.of(1975, 1, 1).toEpochDay() * 86_400L;
  private static final long TO = LocalDate.of(2070, 1, 1).toEpochDay() * 86_400L;

  private final GeneratedWorld world;
  private final SplittableRandom random;
  private final Registry registry;
  private final int[][] usersByNation;

  RequestGenerator(GeneratedWorld world, SplittableRandom random) {
    this.world = world;
    this.random = random;
    this.registry = world.registry();
    int parties = world.names().partyCount();
    int[] counts = new int[parties];
    java.util.Map<PartyCode, Integer> index = new java.util.HashMap<>();
    for (int p = 0; p < parties; p++) {
      index.put(world.names().party(p), p);
    }
    int[] nationOf = new int[world.userCount()];
    for (int u = 0; u < world.userCount(); u++) {
      nationOf[u] = index.get(world.user(u).nationality());
      counts[nationOf[u]]++;
    }
    usersByNation = new int[parties][];
    for (int p = 0; p < parties; p++) {
      usersByNation[p] = new int[counts[p]];
      counts[p] = 0;
    }
    for (int u = 0; u < nationOf.length; u++) {
      usersByNation[nationOf[u]][counts[nationOf[u]]++] = u;
    }
  }

  List<GeneratedRequest> generate(int count) {
    List<GeneratedRequest> out = new ArrayList<>(count);
    Items items = world.items();
    GeneratedWorld.Names names = world.names();
    for (int i = 0; i < count; i++) {
      int item = random.nextInt(items.size());
      PartyCode originator = items.originator(item);
      PartyCode holder = random.nextInt(100) < 30 ? partnerOf(originator) : originator;
      int roll = random.nextInt(100);
      PartyCode recipient;
      if (roll < 4) {
        recipient = originator;
      } else if (roll < 65) {
        recipient = partnerOf(holder);
      } else {
        recipient = names.party(random.nextInt(names.partyCount()));
      }
      if (recipient.equals(holder) && !recipient.equals(originator)) {
        recipient = originator;
      }
      Releasability releasability = items.releasability(item);
      if (releasability.hasRelTo() && random.nextBoolean()) {
        List<String> entries = new ArrayList<>(releasability.relToEntries());
        entries.add(random.nextInt(entries.size() + 1), recipient.value());
        if (!holder.equals(originator) && random.nextInt(4) != 0) {
          entries.add(holder.value());
        }
        releasability = Releasability.relTo(List.copyOf(new java.util.LinkedHashSet<>(entries)));
      }
      Instant at = null;
      boolean boundary = false;
      if (random.nextInt(3) == 0) {
        at = boundaryInstant(holder, recipient);
        boundary = at != null;
      }
      if (at == null) {
        at = Instant.ofEpochSecond(FROM + random.nextLong((TO - FROM) / 86_400L) * 86_400L);
      }
      UserContext user = null;
      int userRoll = random.nextInt(100);
      if (userRoll < 40) {
        int nation = indexOf(recipient);
        int[] candidates = usersByNation[nation];
        if (candidates.length > 0 && userRoll < 34) {
          user = world.user(candidates[random.nextInt(candidates.length)]);
        } else {
          user = world.user(random.nextInt(world.userCount()));
        }
      }
      Set<PartyCode> consents = !holder.equals(originator) && random.nextBoolean() ? Set.of(originator) : Set.of();
      ReleaseRequest request = new ReleaseRequest(
          Set.of(originator), items.level(item), releasability, items.orcon(item), items.topics(item), items.declassifyOn(item),
          holder, recipient, user, consents, at);
      out.add(new GeneratedRequest(request, item, boundary));
    }
    return out;
  }

  private int indexOf(PartyCode party) {
    String value = party.value();
    return (value.charAt(1) - 'A') * 26 + (value.charAt(2) - 'A');
  }

  /** A party that has an information agreement with {@code party}, or any other party if none. */
  private PartyCode partnerOf(PartyCode party) {
    Agreement[] agreements = registry.informationAgreementsOf(party);
    if (agreements.length == 0) {
      PartyCode other = world.names().party(random.nextInt(world.names().partyCount()));
      return other.equals(party) ? world.names().party((indexOf(party) + 1) % world.names().partyCount()) : other;
    }
    Agreement agreement = agreements[random.nextInt(agreements.length)];
    for (PartyCode member : agreement.parties()) {
      if (!member.equals(party)) {
        return member;
      }
    }
    throw new IllegalStateException("agreement " + agreement.id() + " has one party");
  }

  /** A transition instant of the holder–recipient agreement, or one second before it; null if none. */
  private Instant boundaryInstant(PartyCode holder, PartyCode recipient) {
    Agreement[] agreements = registry.between(holder, recipient, AgreementKind.INFORMATION);
    if (agreements.length == 0) {
      return null;
    }
    Agreement agreement = agreements[random.nextInt(agreements.length)];
    List<Instant> instants = new ArrayList<>(agreement.timeline().transitionInstants());
    for (ProvisionVersion version : agreement.versions()) {
      if (version.from() != null) {
        instants.add(version.from());
      }
    }
    for (TimelineEvent event : agreement.timeline().events()) {
      if (event.takesEffect() != null) {
        instants.add(event.takesEffect());
      }
    }
    Instant instant = instants.get(random.nextInt(instants.size()));
    return random.nextInt(4) == 0 ? instant.minusSeconds(1) : instant;
  }
}
