package org.pactbridge.core.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;

class ConsentAnswerTest {
  private static final Instant T = Instant.parse("2016-12-01T00:00:00Z");
  private static final PartyCode KOR = PartyCode.of("KOR");

  @Test
  void aGrantPermitsUntilItExpires() {
    ConsentAnswer answer = new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.GRANTED, T,
        List.of(new ConsentCondition.Expiry(T.plusSeconds(3600)), new ConsentCondition.AddedCaveat("ORCON")));
    assertThat(answer.permitsAt(T)).isTrue();
    assertThat(answer.permitsAt(T.plusSeconds(3599))).isTrue();
    assertThat(answer.permitsAt(T.plusSeconds(3600))).isFalse();
  }

  @Test
  void aRefusalNeverPermitsAndCarriesNoConditions() {
    assertThat(new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.REFUSED, T, List.of()).permitsAt(T)).isFalse();
    assertThatThrownBy(() -> new ConsentAnswer("c-1", KOR, ConsentAnswer.Verdict.REFUSED, T, List.of(new ConsentCondition.AddedCaveat("X"))))
        .hasMessage("a refusal carries no conditions");
  }

  @Test
  void conditionsRoundTripThroughTheirStoredForm() {
    for (ConsentCondition condition : List.of(new ConsentCondition.Expiry(T), new ConsentCondition.Downgrade("JPN:HI"),
        new ConsentCondition.AddedCaveat("REL TO USA"))) {
      assertThat(ConsentCondition.of(condition.kind(), condition.value())).isEqualTo(condition);
    }
    assertThatThrownBy(() -> new ConsentCondition.Downgrade("secret")).hasMessageContaining("PARTY:CODE");
    assertThatThrownBy(() -> ConsentCondition.of("MAYBE", "x")).hasMessageContaining("unknown consent condition 'MAYBE'");
  }
}
