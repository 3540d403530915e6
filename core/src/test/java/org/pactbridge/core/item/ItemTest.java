package org.pactbridge.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

class ItemTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final Level KOR_II = new Level(KOR, "II", 2, "군사 Ⅱ급 비밀", "Class II", List.of());
  private static final String HASH = "a".repeat(64);

  private static Item item(List<PartyCode> originators, Level level) {
    return new Item(ItemId.of("item-1"), originators, level, Releasability.relTo(List.of("USA", "JPN")), true,
        Set.of(Topic.of("dprk-nuclear"), Topic.of("dprk-missile")), Instant.parse("2011-01-05T00:00:00Z"), null, "//KOR II//REL TO USA, JPN",
        HASH, "sig", "key");
  }

  @Test
  void theSignedBytesCoverIdLabelAndHashInAFixedOrder() {
    assertThat(new String(item(List.of(KOR), KOR_II).signedBytes(), StandardCharsets.UTF_8)).isEqualTo("""
        pactbridge-item-v1
        id=item-1
        originators=KOR
        level=KOR:II
        releasability=REL TO USA,JPN
        orcon=true
        topics=dprk-missile,dprk-nuclear
        created=2011-01-05T00:00:00Z
        declassify=
        content-sha256=%s
        """.formatted(HASH));
  }

  @Test
  void theLevelBelongsToAnOriginator() {
    assertThatThrownBy(() -> item(List.of(PartyCode.of("USA")), KOR_II)).hasMessageContaining("must be in an originator's scheme");
    assertThatThrownBy(() -> item(List.of(KOR, KOR), KOR_II)).hasMessageContaining("distinct originators");
    assertThat(item(List.of(PartyCode.of("USA"), KOR), KOR_II).originators()).containsExactly(PartyCode.of("USA"), KOR);
  }

  @Test
  void idsAreValidated() {
    assertThatThrownBy(() -> ItemId.of("../etc")).isInstanceOf(InvalidInputException.class).hasMessageContaining("malformed item id '../etc'");
  }
}
