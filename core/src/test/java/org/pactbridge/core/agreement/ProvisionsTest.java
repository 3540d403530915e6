package org.pactbridge.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;

/** One provisions record per kind of agreement, and an agreement holds only its own kind's. */
class ProvisionsTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode JPN = PartyCode.of("JPN");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final Instant AT = Instant.parse("2020-01-01T00:00:00Z");

  private static Agreement agreement(AgreementKind kind, Provisions provisions) {
    return new Agreement(AgreementId.of("TEST-1"), kind, null, List.of(KOR, USA, JPN), Timeline.of(TimelineEvent.of(EventType.IN_FORCE, AT)),
        List.of(new ProvisionVersion(null, "", provisions)), List.of(), "");
  }

  @Test
  void everyKindHasEmptyProvisionsOfItsOwnKind() {
    for (AgreementKind kind : AgreementKind.values()) {
      Provisions none = Provisions.none(kind);
      assertThat(none.kind()).isEqualTo(kind);
      assertThat(none.general()).isEqualTo(GeneralTerms.DEFAULT);
      assertThat(none.anyAssumed()).isFalse();
      assertThat(agreement(kind, none).provisionsAt(AT)).isSameAs(none);
    }
  }

  @Test
  void anAgreementRefusesProvisionsOfAnotherKind() {
    Provisions channel = new ArrangementProvisions(GeneralTerms.DEFAULT, new Channel(USA, List.of(List.of(KOR, USA, JPN))));
    assertThatThrownBy(() -> agreement(AgreementKind.INFORMATION, channel))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("agreement TEST-1 is INFORMATION but has ARRANGEMENT provisions");
  }

  @Test
  void aTypedReadOfAnotherKindIsACallersBug() {
    Agreement arrangement = agreement(AgreementKind.ARRANGEMENT, Provisions.none(AgreementKind.ARRANGEMENT));
    assertThat(arrangement.provisionsAt(AT, ArrangementProvisions.class).channel()).isEmpty();
    assertThatThrownBy(() -> arrangement.provisionsAt(AT, InformationProvisions.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("TEST-1 is ARRANGEMENT: its provisions are not InformationProvisions");
  }

  @Test
  void anAssumedTableMakesTheVersionRestOnAssumptions() {
    EquivalenceTable assumedTable = new EquivalenceTable(List.of(), true, List.of(), "modelled");
    InformationProvisions information = new InformationProvisions(GeneralTerms.DEFAULT, assumedTable);
    assertThat(information.assumed()).as("the general terms are sourced").isFalse();
    assertThat(information.anyAssumed()).isTrue();
  }
}
