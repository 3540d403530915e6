package org.pactbridge.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/**
 * Small hand-built worlds for unit tests: a three-level scheme per party, and helpers to add
 * bilateral agreements and arrangements. The reference world is tested in the world module.
 */
public final class TestWorlds {
  public static final PartyCode KOR = PartyCode.of("KOR");
  public static final PartyCode JPN = PartyCode.of("JPN");
  public static final PartyCode USA = PartyCode.of("USA");
  public static final PartyCode AUS = PartyCode.of("AUS");
  public static final PartyCode GBR = PartyCode.of("GBR");
  public static final Topic MISSILE = Topic.of("dprk-missile");

  private TestWorlds() {}

  public static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  /** A party with levels L1 < L2 < L3 (codes C, S, TS). */
  public static Party party(PartyCode code) {
    List<Level> levels = List.of(
        new Level(code, "C", 1, null, null, List.of()),
        new Level(code, "S", 2, null, null, List.of()),
        new Level(code, "TS", 3, null, null, List.of()));
    return new Party(code, code.value(), Party.Kind.NATION, List.of(new ClassificationScheme(code, null, code + " scheme", levels)), false, List.of());
  }

  public static Level level(Registry registry, PartyCode party, String code) {
    return registry.requireParty(party).schemes().get(0).findByCode(code).orElseThrow();
  }

  /** Builds a registry step by step. */
  public static final class WorldBuilder {
    private final Registry.Builder builder = Registry.builder();
    private final Map<PartyCode, Party> parties = new LinkedHashMap<>();

    public WorldBuilder parties(PartyCode... codes) {
      for (PartyCode code : codes) {
        Party party = party(code);
        parties.put(code, party);
        builder.party(party);
      }
      return this;
    }

    public WorldBuilder community(String name, PartyCode... members) {
      builder.community(new Community(name, Set.of(members), true, List.of()));
      return this;
    }

    /** A bilateral information agreement in force from {@code from} (until {@code until}, if not null), covering levels row by row. */
    public WorldBuilder information(String id, PartyCode a, PartyCode b, String from, String until, Scope scope, String... coveredCodes) {
      List<Map<PartyCode, List<Level>>> rows = new ArrayList<>();
      for (String code : coveredCodes) {
        Map<PartyCode, List<Level>> row = new LinkedHashMap<>();
        row.put(a, List.of(parties.get(a).schemes().get(0).findByCode(code).orElseThrow()));
        row.put(b, List.of(parties.get(b).schemes().get(0).findByCode(code).orElseThrow()));
        rows.add(row);
      }
      EquivalenceTable table = new EquivalenceTable(rows, false, List.of(), "");
      return agreement(id, AgreementKind.INFORMATION, List.of(a, b), from, until,
          new InformationProvisions(new GeneralTerms(scope, ThirdPartyRule.ORIGINATOR_CONSENT, false, List.of(), ""), table));
    }

    public WorldBuilder information(String id, PartyCode a, PartyCode b, String from, String... coveredCodes) {
      return information(id, a, b, from, null, Scope.all(), coveredCodes);
    }

    public WorldBuilder arrangement(String id, PartyCode hub, List<PartyCode> path, String from, Set<Topic> topics) {
      Set<PartyCode> members = new java.util.LinkedHashSet<>(path);
      return agreement(id, AgreementKind.ARRANGEMENT, List.copyOf(members), from, null,
          new ArrangementProvisions(new GeneralTerms(Scope.of(topics), ThirdPartyRule.ORIGINATOR_CONSENT, false, List.of(), ""),
              new Channel(hub, List.of(path))));
    }

    public WorldBuilder agreement(String id, AgreementKind kind, List<PartyCode> members, String from, String until, Provisions provisions) {
      List<TimelineEvent> events = new ArrayList<>();
      events.add(TimelineEvent.of(EventType.IN_FORCE, day(from)));
      if (until != null) {
        events.add(TimelineEvent.of(EventType.TERMINATED, day(until)));
      }
      builder.agreement(new Agreement(AgreementId.of(id), kind, id, members, new Timeline(events),
          List.of(new ProvisionVersion(null, "", provisions)), List.of(), ""));
      return this;
    }

    public Registry build() {
      return builder.build();
    }
  }

  public static WorldBuilder world() {
    return new WorldBuilder();
  }

  /** KOR–USA and USA–JPN covering all levels from 1990, KOR–JPN covering C and S from 2016, a KOR→USA→JPN channel from 2014. */
  public static Registry trilateral() {
    return world()
        .parties(KOR, JPN, USA, AUS)
        .information("KOR-USA", KOR, USA, "1990-01-01", "C", "S", "TS")
        .information("USA-JPN", USA, JPN, "2007-08-10", "C", "S", "TS")
        .information("KOR-JPN", KOR, JPN, "2016-11-23", "C", "S")
        .arrangement("TRI", USA, List.of(KOR, USA, JPN), "2014-12-29", Set.of(MISSILE))
        .community("FVEY", USA, AUS)
        .build();
  }
}
