package org.pactbridge.world;

import org.pactbridge.core.registry.RegistryText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.registry.Registry;

/** load → write → load gives an equal registry, and writing is stable. */
class WorldWriterTest {
  @TempDir Path dir;

  @Test
  void theReferenceWorldRoundTrips() {
    Registry reference = WorldLoader.reference();
    WorldWriter.write(reference, dir.resolve("out"), "reference, exported");
    Registry reloaded = WorldLoader.load(dir.resolve("out"));
    assertThat(RegistryText.describe(reloaded)).isEqualTo(RegistryText.describe(reference));
    assertThat(reloaded.agreements()).hasSameSizeAs(reference.agreements());
    // what the store does not keep (so RegistryText leaves it out), compared directly
    assertThat(reloaded.partnerCounts()).isNotEmpty().isEqualTo(reference.partnerCounts());
    assertThat(reloaded.exercises()).isNotEmpty().isEqualTo(reference.exercises());
    for (var agreement : reference.agreements()) {
      assertThat(reloaded.requireAgreement(agreement.id()).timeline().events()).as(agreement.id().value())
          .isEqualTo(agreement.timeline().events());
    }
  }

  @Test
  void writingAReloadedWorldGivesTheSameFiles() {
    Registry reference = WorldLoader.reference();
    Map<String, String> first = WorldWriter.render(reference, "w");
    WorldWriter.write(reference, dir.resolve("a"), "w");
    Map<String, String> second = WorldWriter.render(WorldLoader.load(dir.resolve("a")), "w");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void awkwardTextAndInstantsSurvive() {
    Instant at = Instant.parse("2030-02-03T04:05:06.007Z");
    String note = "quote \" backslash \\ newline\n tab\t bell \u0007 秘 군사 Ⅱ급 😀 # not a comment: {x}";
    Registry changed = WorldLoader.reference().withEvents(Map.of(AgreementId.of("ROK-JPN-GSOMIA-2016"),
        List.of(new TimelineEvent(EventType.TERMINATION_NOTICE, at, at.plusSeconds(86400 * 90L), true, List.of("S01"), note))), List.of());
    WorldWriter.write(changed, dir.resolve("odd"), "odd \"name\"");
    Registry reloaded = WorldLoader.load(dir.resolve("odd"));
    assertThat(RegistryText.describe(reloaded)).isEqualTo(RegistryText.describe(changed));
  }

  @Test
  void anExportNeverOverwritesAWorld() throws Exception {
    WorldWriter.write(WorldLoader.reference(), dir, "first");
    String before = Files.readString(dir.resolve("world.yaml"));
    assertThatThrownBy(() -> WorldWriter.write(WorldLoader.reference(), dir, "second"))
        .isInstanceOf(WorldFormatException.class).hasMessageContaining("a world is already there");
    assertThat(Files.readString(dir.resolve("world.yaml"))).isEqualTo(before);
  }
}
