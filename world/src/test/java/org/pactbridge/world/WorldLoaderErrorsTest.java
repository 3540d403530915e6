package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.registry.Registry;

/** A wrong file gets an error naming the file, the line and the field; nothing is half-loaded. */
class WorldLoaderErrorsTest {
  @TempDir Path dir;

  private static final String MANIFEST = "format: pactbridge-world/1\nfiles: [world-data.yaml]\n";
  private static final String PARTIES = """
      sources:
        S1: {url: "https://example.org", publisher: "test"}
      parties:
        - code: KOR
          name: Korea
          kind: NATION
          schemes:
            - name: military
              levels:
                - {code: III, rank: 1}
                - {code: II, rank: 2}
        - code: JPN
          name: Japan
          kind: NATION
          schemes:
            - name: grades
              levels:
                - {code: HI, rank: 1}
                - {code: GOKUHI, rank: 2}
      """;

  private Path world(String agreements) throws IOException {
    Files.writeString(dir.resolve("world.yaml"), MANIFEST);
    Files.writeString(dir.resolve("world-data.yaml"), PARTIES + agreements);
    return dir;
  }

  private static final String GOOD = """
      agreements:
        - id: K-J
          kind: INFORMATION
          parties: [KOR, JPN]
          sources: [S1]
          timeline:
            - {type: SIGNED, at: "2016-11-23"}
          provisions:
            - equivalence:
                rows:
                  - {KOR: [II], JPN: [GOKUHI]}
      """;

  @Test
  void aCorrectWorldLoads() throws IOException {
    Registry registry = WorldLoader.load(world(GOOD));
    assertThat(registry.agreements()).hasSize(1);
  }

  @Test
  void anUnknownLevelNamesFileLineAndField() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("JPN: [GOKUHI]", "JPN: [KIMITSU]"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessage("world-data.yaml:30:33: field 'agreements[0].provisions[0].equivalence.rows[0].JPN[0]': unknown level 'KIMITSU' for JPN");
  }

  @Test
  void anUnknownFieldIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("kind: INFORMATION", "kind: INFORMATION\n    kinde: oops"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageContaining("world-data.yaml:23:")
        .hasMessageContaining("'agreements[0].kinde': unknown field");
  }

  @Test
  void anUnknownPartyIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("parties: [KOR, JPN]", "parties: [KOR, XYZ]"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageContaining("unknown party XYZ")
        .hasMessageContaining("agreements[0].parties[1]");
  }

  @Test
  void aBadDateIsRejected() throws IOException {
    WorldFormatException error = org.junit.jupiter.api.Assertions.assertThrows(WorldFormatException.class,
        () -> WorldLoader.load(world(GOOD.replace("2016-11-23", "2016-11-31"))));
    assertThat(error.file()).isEqualTo("world-data.yaml");
    assertThat(error.line()).isEqualTo(26);
    assertThat(error.field()).isEqualTo("agreements[0].timeline[0].at");
    assertThat(error.getMessage()).contains("malformed date '2016-11-31'");
  }

  @Test
  void anUnknownSourceIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("sources: [S1]", "sources: [S9]"))))
        .hasMessageContaining("unknown source id 'S9'");
  }

  @Test
  void anUnknownEventTypeListsTheAllowedOnes() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("type: SIGNED", "type: SIGNING"))))
        .hasMessageContaining("unknown value 'SIGNING' (expected one of PROPOSED, NEGOTIATING, SIGNED");
  }

  @Test
  void invalidYamlGivesItsPosition() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("parties: [KOR, JPN]", "parties: [KOR, JPN"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageStartingWith("world-data.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Files.writeString(dir.resolve("world.yaml"), "format: pactbridge-world/1\nfiles: [missing.yaml]\n");
    assertThatThrownBy(() -> WorldLoader.load(dir)).hasMessageContaining("missing.yaml").hasMessageContaining("file not found");
  }

  @Test
  void aFileOutsideTheFolderIsRefused() throws IOException {
    Files.writeString(dir.resolve("world.yaml"), "format: pactbridge-world/1\nfiles: [../etc/passwd]\n");
    assertThatThrownBy(() -> WorldLoader.load(dir)).hasMessageContaining("outside the world folder");
  }

  @Test
  void theReferenceWorldLoadsFromAFolderCopyToo() throws IOException {
    for (String name : WorldLoader.referenceFiles()) {
      Files.writeString(dir.resolve(name), WorldLoader.readResource(name));
    }
    Registry copy = WorldLoader.load(dir);
    assertThat(copy.agreements()).hasSameSizeAs(WorldLoader.reference().agreements());
  }

  @Test
  void anEquivalenceTableBelongsOnlyToAnInformationAgreement() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(GOOD.replace("kind: INFORMATION", "kind: ARRANGEMENT"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessage("world-data.yaml:29:11: field 'agreements[0].provisions[0].equivalence': only an INFORMATION agreement has an equivalence table");
  }

  @Test
  void aChannelBelongsOnlyToAnArrangement() throws IOException {
    String withChannel = GOOD.replace("    provisions:\n", "    provisions:\n      - channel: {hub: KOR, paths: [[JPN, KOR, JPN]]}\n");
    assertThatThrownBy(() -> WorldLoader.load(world(withChannel)))
        .isInstanceOf(WorldFormatException.class)
        .hasMessage("world-data.yaml:28:18: field 'agreements[0].provisions[0].channel': only an ARRANGEMENT defines a channel");
  }
}
