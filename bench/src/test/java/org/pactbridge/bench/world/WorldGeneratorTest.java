package org.pactbridge.bench.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.party.Party;

/** The generator's promises, checked on the small world (the full one has the same shape, scaled). */
class WorldGeneratorTest {
  private static final Instant END_OF_2038 = Instant.parse("2038-01-19T03:14:08Z");
  private static GeneratedWorld world;

  @BeforeAll
  static void generate() {
    world = WorldGenerator.generate(GeneratorConfig.small());
  }

  @Test
  void the_same_seed_gives_the_same_world() {
    GeneratedWorld again = WorldGenerator.generate(GeneratorConfig.small());

    assertThat(again.requests()).hasSameSizeAs(world.requests());
    for (int i = 0; i < world.requests().size(); i += 97) {
      assertThat(again.requests().get(i).request()).isEqualTo(world.requests().get(i).request());
    }
    assertThat(again.registry().agreements().stream().map(agreement -> agreement.timeline().events()).toList())
        .isEqualTo(world.registry().agreements().stream().map(agreement -> agreement.timeline().events()).toList());
  }

  @Test
  void sizes_are_as_configured() {
    GeneratorConfig config = GeneratorConfig.small();
    long information = world.registry().agreements().stream().filter(agreement -> agreement.kind() == AgreementKind.INFORMATION).count();
    long arrangements = world.registry().agreements().stream().filter(agreement -> agreement.kind() == AgreementKind.ARRANGEMENT).count();

    assertThat(world.registry().parties()).hasSize(config.parties());
    assertThat(information).isEqualTo(config.agreements());
    assertThat(arrangements).isEqualTo(config.hubs());
    assertThat(world.items().size()).isEqualTo(config.items());
    assertThat(world.userCount()).isEqualTo(config.users());
    assertThat(world.requests()).hasSize(config.requests());
  }

  @Test
  void schemes_have_four_to_six_classified_levels() {
    for (Party party : world.registry().parties()) {
      assertThat(party.schemes().get(0).classifiedLevels().size()).isBetween(4, 6);
    }
  }

  @Test
  void agreements_have_one_to_four_versions_gaps_and_lives_beyond_2038() {
    Set<Integer> versionCounts = new HashSet<>();
    boolean endsAfter2038 = false;
    boolean noticeAcross2038 = false;
    for (Agreement agreement : world.registry().agreements()) {
      if (agreement.kind() != AgreementKind.INFORMATION) {
        continue;
      }
      versionCounts.add(agreement.versions().size());
      for (TimelineEvent event : agreement.timeline().events()) {
        endsAfter2038 |= (event.type() == EventType.EXPIRED || event.type() == EventType.TERMINATED) && event.at().isAfter(END_OF_2038);
        noticeAcross2038 |= event.type() == EventType.TERMINATION_NOTICE && event.takesEffect().isAfter(END_OF_2038);
      }
    }
    assertThat(versionCounts).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(endsAfter2038).isTrue();
    assertThat(noticeAcross2038).isTrue();
  }

  @Test
  void items_carry_about_five_percent_orcon_and_three_percent_noforn() {
    Items items = world.items();
    int orcon = 0;
    int noforn = 0;
    for (int i = 0; i < items.size(); i++) {
      orcon += items.orcon(i) ? 1 : 0;
      noforn += items.noforn(i) ? 1 : 0;
    }
    assertThat(orcon / (double) items.size()).isBetween(0.04, 0.06);
    assertThat(noforn / (double) items.size()).isBetween(0.02, 0.04);
  }

  @Test
  void originators_are_skewed_towards_the_first_parties() {
    Items items = world.items();
    int[] counts = new int[world.names().partyCount()];
    for (int i = 0; i < items.size(); i++) {
      counts[items.originatorIndex(i)]++;
    }
    assertThat(counts[0]).isGreaterThan(5 * counts[counts.length - 1]);
  }

  @Test
  void a_third_of_the_requests_sit_on_a_boundary_instant() {
    List<GeneratedRequest> requests = world.requests();
    long boundary = requests.stream().filter(GeneratedRequest::boundary).count();

    assertThat(boundary / (double) requests.size()).isBetween(0.15, 0.4);
  }
}
