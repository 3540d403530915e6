package org.pactbridge.core.label.stanag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.PartyDirectory;

/**
 * The six ADatP-4774 "Table 17" labels: each reads into the expected classification and releasability,
 * shows the expected display marking, and writes back to an equal label.
 */
class Stanag4774ConformanceTest {
  private static final Stanag4774 STANAG = new Stanag4774(PartyDirectory.of(LabelFixtures.registry()));

  record Expected(String file, String level, List<String> relTo, String display) {}

  private static final List<Expected> EXPECTED = List.of(
      new Expected("nato-4774-17-1.xml", "NATO:UNCLASSIFIED", List.of("ISAF", "KFOR", "NATO", "RESOLUTE SUPPORT"),
          "NATO UNCLASSIFIED Releasable to ISAF, KFOR, RESOLUTE SUPPORT"),
      new Expected("nato-4774-17-2.xml", "NATO:UNCLASSIFIED", List.of(), "NATO UNCLASSIFIED"),
      new Expected("nato-4774-17-3.xml", "NATO:UNCLASSIFIED", List.of(), "NATO UNCLASSIFIED - STAFF"),
      new Expected("nato-4774-17-4.xml", "NATO:NATO_RESTRICTED", List.of("CHE", "JPN", "UKR", "NATO"),
          "NATO RESTRICTED Releasable to Japan, Switzerland, Ukraine"),
      new Expected("nato-4774-17-5.xml", "NATO:NATO_CONFIDENTIAL", List.of("EAPC", "ISAF"), "NATO/EAPC CONFIDENTIAL Releasable to ISAF"),
      new Expected("nato-4774-17-6.xml", "NATO:NATO_CONFIDENTIAL", List.of("IRL", "SWE", "UKR", "NATO"),
          "NATO/KFOR CONFIDENTIAL Ireland, Sweden, Ukraine, NATO ONLY"));

  @TestFactory
  Stream<DynamicTest> everyTable17Label() {
    return EXPECTED.stream().map(expected -> DynamicTest.dynamicTest(expected.file() + ": " + expected.display(), () -> {
      String xml = LabelFixtures.conformance("stanag4774", expected.file());
      SecurityLabel label = STANAG.read(xml);
      assertThat(label.level().qualified()).isEqualTo(expected.level());
      assertThat(label.originators()).extracting(Object::toString).containsExactly("NATO");
      assertThat(label.releasability().relToEntries()).containsExactlyElementsOf(expected.relTo());
      assertThat(label.releasability().isNoforn()).isFalse();
      assertThat(STANAG.displayMarking(label)).isEqualTo(expected.display());
      SecurityLabel again = STANAG.read(STANAG.write(label));
      assertThat(again).isEqualTo(label);
      assertThat(STANAG.write(again)).isEqualTo(STANAG.write(label));
    }));
  }

  @TestFactory
  Stream<DynamicTest> everyFileInTheFolderIsCovered() throws IOException {
    try (Stream<Path> files = Files.list(LabelFixtures.conformanceFolder("stanag4774"))) {
      List<String> names = files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".xml")).sorted().toList();
      return Stream.of(DynamicTest.dynamicTest("6 labels", () ->
          assertThat(names).containsExactlyElementsOf(EXPECTED.stream().map(Expected::file).toList())));
    }
  }
}
