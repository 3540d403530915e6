package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.GeneralTerms;

/** Each kind has one section of its own, and the sections checked on every version are exactly those. */
class ProvisionsSectionTest {
  @Test
  void everyKindHasItsOwnSectionAndAllListsEachOnce() {
    assertThat(ProvisionsSection.all())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(AgreementKind.values()).map(ProvisionsSection::of).toList());
    assertThat(ProvisionsSection.all().stream().map(ProvisionsSection::field)).doesNotHaveDuplicates();
  }

  @Test
  void anAbsentSectionGivesTheKindsProvisionsWithoutIt() {
    for (AgreementKind kind : AgreementKind.values()) {
      var provisions = ProvisionsSection.of(kind).read(GeneralTerms.DEFAULT, null, java.util.List.of(), new ReadContext());
      assertThat(provisions.kind()).isEqualTo(kind);
      assertThat(provisions.anyAssumed()).isFalse();
      StringBuilder out = new StringBuilder();
      ProvisionsSection.of(kind).write(out, "  ", provisions);
      assertThat(out).as("nothing to write for %s", kind).isEmpty();
    }
  }
}
