package org.pactbridge.core.party;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartyCodeSetTest {
  @Test
  void holdsTheCodesGivenAndNoOthers() {
    PartyCodeSet set = PartyCodeSet.of(List.of("KOR", "USA", "NATO", "USA"));
    assertThat(set.contains(PartyCode.of("KOR"))).isTrue();
    assertThat(set.contains(new PartyCode(new String("USA")))).isTrue();
    assertThat(set.contains(PartyCode.of("NATO"))).isTrue();
    assertThat(set.contains(PartyCode.of("JPN"))).isFalse();
    assertThat(set.contains(PartyCode.of("NAT"))).isFalse();
  }

  @Test
  void stringsThatAreNotCodesAreLeftOutAndAnEmptySetHoldsNothing() {
    PartyCodeSet set = PartyCodeSet.of(List.of("five-eyes", "kor", "", "AB"));
    for (String code : List.of("KOR", "ABC", "FIVE")) {
      assertThat(set.contains(PartyCode.of(code))).as(code).isFalse();
    }
    assertThat(PartyCodeSet.of(List.of()).contains(PartyCode.of("KOR"))).isFalse();
  }

  @Test
  void aRelToListReleasesToItsCodesAndTheMembersOfTheCommunitiesItNames() {
    Community fiveEyes = new Community("FVEY", Set.of(PartyCode.of("AUS"), PartyCode.of("CAN"), PartyCode.of("GBR")), true, List.of());
    Community unknown = new Community("ACGU", Set.of(), false, List.of());
    PartyCodeSet set = PartyCodeSet.releasedBy(List.of("KOR", "FVEY", "ACGU", "five-eyes"), java.util.Map.of("FVEY", fiveEyes, "ACGU", unknown));
    for (String code : List.of("KOR", "AUS", "CAN", "GBR", "FVEY", "ACGU")) {
      assertThat(set.contains(PartyCode.of(code))).as(code).isTrue();
    }
    for (String code : List.of("USA", "NZL", "JPN")) {
      assertThat(set.contains(PartyCode.of(code))).as(code).isFalse();
    }
    assertThat(PartyCodeSet.releasedBy(List.of(), java.util.Map.of()).contains(PartyCode.of("KOR"))).isFalse();
  }

  @Test
  void agreesWithAHashSetOnRandomCodes() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 200; round++) {
      List<String> members = new ArrayList<>();
      int size = random.nextInt(40);
      for (int i = 0; i < size; i++) {
        members.add(randomCode(random));
      }
      Set<String> expected = new HashSet<>(members);
      PartyCodeSet set = PartyCodeSet.of(members);
      for (String member : members) {
        assertThat(set.contains(PartyCode.of(member))).isTrue();
      }
      for (int probe = 0; probe < 50; probe++) {
        String code = randomCode(random);
        assertThat(set.contains(PartyCode.of(code))).as(code + " in " + expected).isEqualTo(expected.contains(code));
      }
    }
  }

  private static String randomCode(SplittableRandom random) {
    int length = 3 + random.nextInt(2);
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < length; i++) {
      code.append((char) ('A' + random.nextInt(3))); // three letters only: many near misses
    }
    return code.toString();
  }
}
