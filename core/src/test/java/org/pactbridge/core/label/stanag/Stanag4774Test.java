package org.pactbridge.core.label.stanag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.Control;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.label.marking.PartyDirectory;

class Stanag4774Test {
  private static final Stanag4774 STANAG = new Stanag4774(PartyDirectory.of(LabelFixtures.registry()));

  private static String label(String classification, String releasableTo) {
    return "<originatorConfidentialityLabel xmlns=\"" + Stanag4774.NAMESPACE + "\"><ConfidentialityInformation>"
        + "<PolicyIdentifier>NATO</PolicyIdentifier><Classification>" + classification + "</Classification>"
        + "<Category TagName=\"Releasable To\" Type=\"PERMISSIVE\"><GenericValue>" + releasableTo + "</GenericValue></Category>"
        + "</ConfidentialityInformation></originatorConfidentialityLabel>";
  }

  @Test
  void readsASecretLabel() {
    assertThat(STANAG.read(label("SECRET", "FVEY")).level().qualified()).isEqualTo("NATO:NATO_SECRET");
    assertThat(STANAG.read(label("COSMIC TOP SECRET", "FVEY")).level().qualified()).isEqualTo("NATO:COSMIC_TOP_SECRET");
  }

  @Test
  void anUnknownClassificationNamesItAndItsIndex() {
    String xml = label("SEKRET", "FVEY");
    assertThatThrownBy(() -> STANAG.read(xml))
        .isInstanceOf(Stanag4774Exception.class)
        .satisfies(e -> {
          Stanag4774Exception error = (Stanag4774Exception) e;
          assertThat(error.code()).isEqualTo("UNKNOWN_LEVEL");
          assertThat(error.index()).isEqualTo(xml.indexOf("SEKRET"));
          assertThat(error.getMessage()).contains("'SEKRET'");
        });
  }

  @Test
  void anUnknownCommunityIsAnError() {
    assertThatThrownBy(() -> STANAG.read(label("SECRET", "ATLANTIS")))
        .isInstanceOf(Stanag4774Exception.class)
        .hasMessageContaining("'ATLANTIS'");
  }

  @Test
  void refusesADoctypeSoNoEntityIsEverExpandedOrFetched() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + label("SECRET", "&x;").replace("<?xml version=\"1.0\"?>", "");
    assertThatThrownBy(() -> STANAG.read(xxe))
        .isInstanceOf(Stanag4774Exception.class)
        .satisfies(e -> assertThat(((Stanag4774Exception) e).code()).isEqualTo("MALFORMED_XML"))
        .hasMessageNotContaining("root:");
  }

  @Test
  void malformedXmlGivesTheIndexOfTheFault() {
    String xml = "<originatorConfidentialityLabel xmlns=\"" + Stanag4774.NAMESPACE + "\">\n<Oops></originatorConfidentialityLabel>";
    assertThatThrownBy(() -> STANAG.read(xml))
        .isInstanceOf(Stanag4774Exception.class)
        .satisfies(e -> assertThat(((Stanag4774Exception) e).index()).isGreaterThan(xml.indexOf('\n')));
  }

  @Test
  void writesNofornAndOrconAsTheDisseminationCategoryAndReadsThemBack() {
    SecurityLabel label = SecurityLabel.builder(LabelFixtures.level("USA", "SECRET")).releasability(Releasability.noforn())
        .control(Control.ORCON).build();
    String xml = STANAG.write(label);
    assertThat(xml).contains("<Category TagName=\"Dissemination\" Type=\"RESTRICTIVE\">")
        .contains("<GenericValue>NOFORN</GenericValue>").contains("<GenericValue>ORCON</GenericValue>");
    SecurityLabel read = STANAG.read(xml);
    assertThat(read.releasability().isNoforn()).isTrue();
    assertThat(read.orcon()).isTrue();
    assertThat(STANAG.write(read)).isEqualTo(xml);
  }

  @Test
  void writesJointOriginatorsAsTheOriginatorCategoryWithThePolicyOfTheLevelsScheme() {
    SecurityLabel label = SecurityLabel.builder(LabelFixtures.level("KOR", "II")).joint(List.of(PartyCode.of("USA"), PartyCode.of("KOR")))
        .releasability(Releasability.relTo(List.of("JPN", "KOR", "USA"))).build();
    String xml = STANAG.write(label);
    assertThat(xml).contains("<PolicyIdentifier>KOR</PolicyIdentifier>").contains("<Category TagName=\"Originator\" Type=\"INFORMATIVE\">");
    SecurityLabel read = STANAG.read(xml);
    assertThat(read.joint()).isTrue();
    assertThat(read.originators()).containsExactlyInAnyOrder(PartyCode.of("KOR"), PartyCode.of("USA"));
    assertThat(read.level()).isEqualTo(label.level());
    assertThat(STANAG.write(read)).isEqualTo(xml);
  }

  @Test
  void nofornBesideAReleasableToListIsAContradiction() {
    String xml = label("SECRET", "FVEY").replace("</ConfidentialityInformation>",
        "<Category TagName=\"Dissemination\" Type=\"RESTRICTIVE\"><GenericValue>NOFORN</GenericValue></Category></ConfidentialityInformation>");
    assertThatThrownBy(() -> STANAG.read(xml)).isInstanceOf(Stanag4774Exception.class)
        .satisfies(e -> assertThat(((Stanag4774Exception) e).code()).isEqualTo("CONFLICTING_RELEASABILITY"));
  }

  @Test
  void otherCapcoControlsAreStillRefused() {
    SecurityLabel label = SecurityLabel.builder(LabelFixtures.level("USA", "SECRET")).control(Control.ORCON_USGOV).build();
    assertThatThrownBy(() -> STANAG.write(label)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORCON");
  }
}
