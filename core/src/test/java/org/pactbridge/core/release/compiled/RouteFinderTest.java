package org.pactbridge.core.release.compiled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.core.TestWorlds.AUS;
import static org.pactbridge.core.TestWorlds.GBR;
import static org.pactbridge.core.TestWorlds.JPN;
import static org.pactbridge.core.TestWorlds.KOR;
import static org.pactbridge.core.TestWorlds.MISSILE;
import static org.pactbridge.core.TestWorlds.USA;
import static org.pactbridge.core.TestWorlds.day;
import static org.pactbridge.core.TestWorlds.level;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.TestWorlds;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.Scope;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;

class RouteFinderTest {
  private final Registry world = TestWorlds.world()
      .parties(KOR, JPN, USA, AUS, GBR)
      .information("KOR-USA", KOR, USA, "1990-01-01", "C", "S", "TS")
      .information("USA-JPN", USA, JPN, "2007-08-10", "C", "S", "TS")
      .information("KOR-AUS", KOR, AUS, "2009-05-30", "C", "S")
      .information("AUS-JPN", AUS, JPN, "2013-03-31", "C", "S", "TS")
      .information("KOR-GBR", KOR, GBR, "2000-01-01", "C", "S", "TS")
      .information("GBR-AUS", GBR, AUS, "2000-01-01", "C", "S", "TS")
      .arrangement("TRI", USA, List.of(KOR, USA, JPN), "2014-12-29", Set.of(MISSILE))
      .build();
  private final RouteFinder finder = new CompiledEngine(world).routeFinder();

  private ReleaseRequest request(String code, String date) {
    return ReleaseRequest.simple(level(world, KOR, code), JPN, Set.of(MISSILE), day(date));
  }

  @Test
  void sanctionedChainsComeBeforeAdHocOnesOfTheSameLength() {
    List<Route> routes = finder.find(request("S", "2015-06-01"));
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, USA, JPN), List.of(KOR, AUS, JPN));
    assertThat(routes.get(0).sanctionedBy()).hasToString("TRI");
    assertThat(routes.get(1).sanctioned()).isFalse();
  }

  @Test
  void beforeTheArrangementTheSameChainIsAdHoc() {
    List<Route> routes = finder.find(request("S", "2011-01-05"));
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, USA, JPN));
    assertThat(routes.get(0).sanctioned()).isFalse();
  }

  @Test
  void levelsAreTranslatedHopByHopAndCoverageLimitsChains() {
    List<Route> routes = finder.find(request("TS", "2015-06-01"));
    // KOR-AUS does not cover TS, so only the US chain and the longer chain through GBR and AUS would do; the shorter wins.
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, USA, JPN));
    assertThat(routes.get(0).hops()).extracting(Hop::level).containsExactly(level(world, USA, "TS"), level(world, JPN, "TS"));
  }

  @Test
  void longerChainsAreFoundWhenNoShorterOneExists() {
    Registry sparse = TestWorlds.world().parties(KOR, JPN, GBR, AUS)
        .information("KOR-GBR", KOR, GBR, "2000-01-01", "C", "S", "TS")
        .information("GBR-AUS", GBR, AUS, "2000-01-01", "C", "S", "TS")
        .information("AUS-JPN", AUS, JPN, "2000-01-01", "C", "S", "TS")
        .build();
    List<Route> routes = new CompiledEngine(sparse).routeFinder()
        .find(ReleaseRequest.simple(level(sparse, KOR, "S"), JPN, Set.of(), day("2015-01-01")));
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, GBR, AUS, JPN));
  }

  @Test
  void everyIntermediaryMustBeReleasable() {
    ReleaseRequest onlyUsAndJapan = request("S", "2015-06-01").withReleasability(Releasability.relTo(List.of("USA", "JPN")));
    assertThat(finder.find(onlyUsAndJapan)).extracting(Route::parties).containsExactly(List.of(KOR, USA, JPN));
    assertThat(finder.find(request("S", "2015-06-01").withReleasability(Releasability.noforn()))).isEmpty();
  }

  @Test
  void noRouteWhenNothingIsInForce() {
    assertThat(finder.find(request("S", "1980-01-01"))).isEmpty();
  }

  @Test
  void chainsOfFourHopsAreFoundWhenAskedFor() {
    PartyCode nzl = PartyCode.of("NZL");
    Registry sparse = TestWorlds.world().parties(KOR, JPN, GBR, AUS, nzl)
        .information("KOR-GBR", KOR, GBR, "2000-01-01", "C", "S", "TS")
        .information("GBR-AUS", GBR, AUS, "2000-01-01", "C", "S", "TS")
        .information("AUS-NZL", AUS, nzl, "2000-01-01", "C", "S", "TS")
        .information("NZL-JPN", nzl, JPN, "2000-01-01", "C", "S")
        .build();
    RouteFinder sparseFinder = new CompiledEngine(sparse).routeFinder();
    ReleaseRequest secret = ReleaseRequest.simple(level(sparse, KOR, "S"), JPN, Set.of(), day("2015-01-01"));
    assertThat(sparseFinder.find(secret)).isEmpty(); // three hops at most by default
    List<Route> routes = sparseFinder.find(secret, 4, 10);
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, GBR, AUS, nzl, JPN));
    assertThat(routes.get(0).hops()).extracting(Hop::level).containsExactly(
        level(sparse, GBR, "S"), level(sparse, AUS, "S"), level(sparse, nzl, "S"), level(sparse, JPN, "S"));
    // NZL–JPN does not cover TS: no chain carries it
    assertThat(sparseFinder.find(ReleaseRequest.simple(level(sparse, KOR, "TS"), JPN, Set.of(), day("2015-01-01")), 4, 10)).isEmpty();
  }

  @Test
  void aChannelThatAlsoNamesAPartyOutsideTheSnapshotStillSanctionsItsOtherPaths() {
    PartyCode absent = PartyCode.of("ZZZ");
    Channel channel = new Channel(USA, List.of(List.of(KOR, USA, absent), List.of(KOR, USA, JPN)));
    Registry odd = TestWorlds.world().parties(KOR, JPN, USA)
        .information("KOR-USA", KOR, USA, "1990-01-01", "C", "S", "TS")
        .information("USA-JPN", USA, JPN, "2007-08-10", "C", "S", "TS")
        .agreement("ODD", AgreementKind.ARRANGEMENT, List.of(USA, KOR, JPN), "2014-12-29", null,
            new ArrangementProvisions(GeneralTerms.DEFAULT, channel))
        .build();
    List<Route> routes = new CompiledEngine(odd).routeFinder()
        .find(ReleaseRequest.simple(level(odd, KOR, "S"), JPN, Set.of(MISSILE), day("2015-06-01")));
    assertThat(routes).extracting(Route::parties).containsExactly(List.of(KOR, USA, JPN));
    assertThat(routes.get(0).sanctionedBy()).hasToString("ODD");
  }

  @Test
  void aDenseWorldGivesTheLimitRankedByTheSanctionedChainThenTheCodes() {
    TestWorlds.WorldBuilder dense = TestWorlds.world().parties(KOR, JPN, USA)
        .information("KOR-USA", KOR, USA, "1990-01-01", "C", "S", "TS")
        .information("USA-JPN", USA, JPN, "1990-01-01", "C", "S", "TS")
        .arrangement("TRI", USA, List.of(KOR, USA, JPN), "2014-12-29", Set.of(MISSILE));
    for (int i = 0; i < 30; i++) {
      PartyCode middle = PartyCode.of("X" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
      dense.parties(middle)
          .information("KOR-" + middle, KOR, middle, "1990-01-01", "C", "S", "TS")
          .information(middle + "-JPN", middle, JPN, "1990-01-01", "C", "S", "TS");
    }
    Registry world = dense.build();
    List<Route> routes = new CompiledEngine(world).routeFinder()
        .find(ReleaseRequest.simple(level(world, KOR, "S"), JPN, Set.of(MISSILE), day("2015-06-01")), 3, 5);
    assertThat(routes).extracting(Route::parties).containsExactly(
        List.of(KOR, USA, JPN),
        List.of(KOR, PartyCode.of("XAA"), JPN),
        List.of(KOR, PartyCode.of("XAB"), JPN),
        List.of(KOR, PartyCode.of("XAC"), JPN),
        List.of(KOR, PartyCode.of("XAD"), JPN));
    assertThat(routes.get(0).sanctionedBy()).hasToString("TRI");
    assertThat(routes).allSatisfy(route -> assertThat(route.consents()).containsExactly(KOR));
  }
}
