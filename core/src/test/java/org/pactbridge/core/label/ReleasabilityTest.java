package org.pactbridge.core.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.PartyCode;

class ReleasabilityTest {
  private static final PartyCode USA = PartyCode.of("USA");
  private static final PartyCode GBR = PartyCode.of("GBR");
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode JPN = PartyCode.of("JPN");

  private static Map<String, Community> communities(PartyCode... members) {
    return Map.of("FVEY", new Community("FVEY", Set.of(members), false, List.of()));
  }

  @Test
  void relToReleasesToItsPartiesAndToTheMembersOfItsCommunities() {
    Releasability control = Releasability.relTo(List.of("KOR", "FVEY"));
    Map<String, Community> communities = communities(USA, GBR);
    assertThat(control.permits(KOR, communities)).isTrue();
    assertThat(control.permits(GBR, communities)).isTrue();
    assertThat(control.permits(JPN, communities)).isFalse();
    // asked again, from the expansion kept with the label
    assertThat(control.permits(GBR, communities)).isTrue();
    assertThat(control.permits(JPN, communities)).isFalse();
  }

  @Test
  void anExpansionForOneRegistrysCommunitiesIsNotReusedForAnother() {
    Releasability control = Releasability.relTo(List.of("FVEY"));
    Map<String, Community> before = communities(USA, GBR);
    Map<String, Community> after = communities(USA, JPN);
    assertThat(control.permits(GBR, before)).isTrue();
    assertThat(control.permits(GBR, after)).isFalse();
    assertThat(control.permits(JPN, after)).isTrue();
    assertThat(control.permits(JPN, before)).isFalse();
    // an unknown community releases to nobody through it; a listed party still receives
    assertThat(control.permits(USA, Map.of())).isFalse();
    assertThat(Releasability.relTo(List.of("USA", "FVEY")).permits(USA, Map.of())).isTrue();
  }

  @Test
  void nofornDeniesEveryoneAndOpenPermitsEveryone() {
    Map<String, Community> communities = communities(USA, GBR);
    assertThat(Releasability.noforn().permits(USA, communities)).isFalse();
    assertThat(Releasability.open().permits(JPN, communities)).isTrue();
  }

  @Test
  void theExpansionPlaysNoPartInEquality() {
    Releasability asked = Releasability.relTo(List.of("KOR", "FVEY"));
    asked.permits(KOR, communities(USA));
    assertThat(asked).isEqualTo(Releasability.relTo(List.of("FVEY", "KOR"))).hasSameHashCodeAs(Releasability.relTo(List.of("KOR", "FVEY")));
  }
}
