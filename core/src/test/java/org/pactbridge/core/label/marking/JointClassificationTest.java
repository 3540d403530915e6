package org.pactbridge.core.label.marking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.LabelFixtures;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;

class JointClassificationTest {
  private static final JointClassification FAMILY = new JointClassification();

  @Test
  void claimsOnlyJointAfterALeadingDoubleSlash() {
    assertThat(FAMILY.claims("JOINT SECRET USA GBR", true)).isTrue();
    assertThat(FAMILY.claims("JOINT SECRET USA GBR", false)).isFalse();
    assertThat(FAMILY.claims("JOINTSECRET", true)).isFalse();
  }

  @Test
  void theLevelIsInTheSchemeOfTheFirstPartyAndEveryPartyIsAnOriginator() {
    SecurityLabel joint = FamilyReading.read(FAMILY, "//JOINT SECRET USA GBR//REL TO USA, GBR").label(); // the family alone: no blocks
    assertThat(joint.joint()).isTrue();
    assertThat(joint.originators()).containsExactly(PartyCode.of("USA"), PartyCode.of("GBR"));
    assertThat(joint.level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(MarkingFormatter.portion(joint)).isEqualTo("(//JOINT S USA GBR)");
    assertThat(FamilyReading.read(FAMILY, "//JOINT GOKUHI JPN KOR").label().level()).isEqualTo(LabelFixtures.level("JPN", "GOKUHI"));
  }

  @Test
  void partiesOutOfOrderOrTwiceAreWarnings() {
    ParsedMarking reversed = FamilyReading.read(FAMILY, "//JOINT SECRET GBR USA");
    assertThat(reversed.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("NON_CANONICAL_ORDER");
      assertThat(d.index()).isEqualTo(15);
    });
    assertThat(reversed.label().level()).isEqualTo(LabelFixtures.level("USA", "SECRET"));
    assertThat(FamilyReading.read(FAMILY, "//JOINT SECRET USA GBR GBR").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("DUPLICATE_ENTRY");
  }

  @Test
  void malformedJointsAreErrorsAtTheirToken() {
    assertThat(FamilyReading.read(FAMILY, "//JOINT SECRET  USA GBR").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("MALFORMED_JOINT");
      assertThat(d.index()).isEqualTo(15);
    });
    assertThat(FamilyReading.read(FAMILY, "//JOINT SECRET USA").diagnostics()).extracting(Diagnostic::code)
        .containsExactly("MALFORMED_JOINT");
    assertThat(FamilyReading.read(FAMILY, "//JOINT SECRET USA XYZ").diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.code()).isEqualTo("UNKNOWN_PARTY");
      assertThat(d.index()).isEqualTo(19);
    });
  }
}
