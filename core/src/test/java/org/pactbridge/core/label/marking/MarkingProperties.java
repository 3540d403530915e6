package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;

class MarkingProperties {
  private static final MarkingParser PARSER = MarkingParser.of(LabelFixtures.registry());

  @Property(tries = 3000)
  void arbitraryTextThrowsNothingButTheParseException(@ForAll("markings") String text) {
    ParsedMarking read = PARSER.read(text);
    assertThat(read.diagnostics()).allSatisfy(d -> assertThat(d.index()).isBetween(0, text.length()));
    try {
      PARSER.parse(text);
    } catch (MarkingParseException expected) {
      assertThat(expected.index()).isBetween(0, text.length());
    }
  }

  @Property(tries = 3000)
  void formatOfParseIsAFixedPoint(@ForAll("markings") String text) {
    ParsedMarking read = PARSER.read(text);
    Statistics.label("parsed").collect(read.label() != null);
    if (read.label() == null) {
      return;
    }
    String canonical = read.canonical().orElseThrow();
    ParsedMarking again = PARSER.read(canonical);
    assertThat(again.hasErrors()).as("errors in %s from %s: %s", canonical, text, again.diagnostics()).isFalse();
    SecurityLabel label = again.label();
    assertThat(label).isEqualTo(read.label());
    assertThat(again.canonical()).contains(canonical);
  }

  @Provide
  Arbitrary<String> markings() {
    Arbitrary<String> classification = Arbitraries.of("SECRET", "TOP SECRET", "S", "TS", "UNCLASSIFIED", "U", "CONFIDENTIAL",
        "//KOR II", "//JPN 極秘", "//NS", "//NATO SECRET", "//COSMIC TOP SECRET", "//GBR S", "//JOINT SECRET USA GBR",
        "//JOINT S GBR USA", "군사 Ⅱ급비밀", "極秘", "SERCET", "//ITA RESTRICTED", "");
    Arbitrary<String> block = Arbitraries.of("NOFORN", "NF", "ORCON", "OC", "REL TO USA, GBR", "REL TO GBR, USA, NATO",
        "REL TO USA, FVEY", "ORCON/NOFORN", "OC/NF", "SI", "TK", "SI/TK", "HCS-O-P", "SI-G ABCD", "SAR-BP", "SAR-BP/CD-X 1",
        "RD", "ATOMAL", "FGI NATO", "FGI", "EXDIS", "NODIS", "RELIDO", "IMCON", "PROPIN/REL TO USA, KOR", "25X1", "XYZZY",
        "DEA SENSITIVE", "LIMDIS", "REL TO", "", "/", "NOFORN/ORCON", "SPECIAL ACCESS REQUIRED-BUTTER POPCORN");
    Arbitrary<String> structured = Arbitraries.oneOf(
        classification.flatMap(head -> block.list().ofMaxSize(4).map(blocks -> join(head, blocks))),
        classification.flatMap(head -> block.list().ofMaxSize(4).map(blocks -> "(" + join(head, blocks) + ")")));
    return Arbitraries.oneOf(structured, structured, Arbitraries.strings().ofMaxLength(30),
        Arbitraries.strings().withChars("()/ ,-SECRTNOFU").ofMaxLength(25));
  }

  private static String join(String head, java.util.List<String> blocks) {
    StringBuilder out = new StringBuilder(head);
    for (String block : blocks) {
      out.append("//").append(block);
    }
    return out.toString();
  }
}
