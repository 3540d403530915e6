package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.registry.FidelityReport;
import org.pactbridge.core.registry.Registry;

/** Issue 17's fidelity rule: every fact of the world cites a source or is marked assumed. */
class FidelityReportTest {
  @TempDir Path dir;

  @Test
  void everyFactOfTheReferenceWorldWithoutASourceIsMarkedAssumed() {
    FidelityReport report = FidelityReport.of(WorldLoader.reference());
    assertThat(report.unmarked()).as("facts that cite no source and are not marked assumed").isEmpty();
    assertThat(report.modelled()).isNotEmpty();
    // the inferred entries into force and the Korea-Australia arrangement's month are among the modelled facts
    assertThat(report.modelled()).anySatisfy(fact -> {
      assertThat(fact.subject()).isEqualTo("KOR-AUS-ARRANGEMENT-2008");
      assertThat(fact.field()).contains("2008-08 (month only)");
    });
    assertThat(report.modelled()).anySatisfy(fact -> assertThat(fact.why()).contains("taken as the signing date"));
  }

  @Test
  void aFactWithoutSourceThatIsNotMarkedAssumedIsReported() throws IOException {
    Files.writeString(dir.resolve("world.yaml"), "format: pactbridge-world/1\nfiles: [data.yaml]\n");
    Files.writeString(dir.resolve("data.yaml"), """
        sources:
          S1: {url: "https://example.org", publisher: "test"}
          S2: {url: "https://example.org/2", publisher: "unused"}
        parties:
          - {code: KOR, name: Korea, kind: NATION, sources: [S1], schemes: [{name: k, levels: [{code: II, rank: 1}]}]}
          - {code: JPN, name: Japan, kind: NATION, sources: [S1], schemes: [{name: j, levels: [{code: HI, rank: 1}]}]}
        agreements:
          - id: K-J
            kind: INFORMATION
            parties: [KOR, JPN]
            sources: [S1]
            timeline:
              - {type: SIGNED, at: "2016-11-23", sources: [S1]}
              - {type: IN_FORCE, at: "2016-11-24"}
            provisions:
              - equivalence: {rows: [{KOR: [II], JPN: [HI]}]}
        """);
    Registry world = WorldLoader.load(dir);
    FidelityReport report = FidelityReport.of(world);
    assertThat(report.unmarked()).extracting(FidelityReport.Fact::field)
        .containsExactly("timeline IN_FORCE 2016-11-24", "provisions");
    assertThat(report.unusedSources()).containsExactly("S2");
  }
}
