package org.pactbridge.core.label.stanag;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.label.marking.PartyDirectory;

class Stanag4774Properties {
  private static final Stanag4774 STANAG = new Stanag4774(PartyDirectory.of(LabelFixtures.registry()));

  @Property(tries = 1000)
  void arbitraryTextThrowsNothingButTheParseException(@ForAll("documents") String xml) {
    try {
      STANAG.read(xml);
    } catch (Stanag4774Exception expected) {
      assertThat(expected.index()).isBetween(0, xml.length());
    }
  }

  @Property(tries = 1000)
  void writeOfReadIsAFixedPoint(@ForAll("documents") String xml) {
    SecurityLabel label;
    try {
      label = STANAG.read(xml);
    } catch (Stanag4774Exception malformed) {
      return;
    }
    String written = STANAG.write(label);
    assertThat(STANAG.read(written)).isEqualTo(label);
    assertThat(STANAG.write(STANAG.read(written))).isEqualTo(written);
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> classification = Arbitraries.of("UNCLASSIFIED", "RESTRICTED", "CONFIDENTIAL", "SECRET", "COSMIC TOP SECRET",
        "TOP SECRET", "SEKRET", "", "&amp;");
    Arbitrary<String> value = Arbitraries.of("NATO", "ISAF", "KFOR", "RESOLUTE SUPPORT", "EAPC", "JPN", "CHE", "Releasable", "XX", "STAFF");
    Arbitrary<String> tag = Arbitraries.of("Context", "Releasable To", "Only", "Administrative", "Bogus");
    Arbitrary<String> category = Arbitraries.oneOf(tag.flatMap(t -> value.list().ofMaxSize(4).map(values -> {
      StringBuilder out = new StringBuilder("<Category TagName=\"" + t + "\" Type=\"PERMISSIVE\">");
      values.forEach(v -> out.append("<GenericValue>").append(v).append("</GenericValue>"));
      return out.append("</Category>").toString();
    })));
    Arbitrary<String> structured = classification.flatMap(c -> category.list().ofMaxSize(3).map(categories ->
        "<originatorConfidentialityLabel xmlns=\"" + Stanag4774.NAMESPACE + "\"><ConfidentialityInformation>"
            + "<PolicyIdentifier>NATO</PolicyIdentifier><Classification>" + c + "</Classification>"
            + String.join("", categories) + "</ConfidentialityInformation></originatorConfidentialityLabel>"));
    return Arbitraries.oneOf(structured, structured, Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("<>/=\"! ?xmlDOCTYPE&;").ofMaxLength(40));
  }
}
