package org.pactbridge.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.InvalidInputException;

class DateSpecTest {
  @Test
  void aDateAloneIsMidnightUtc() {
    assertThat(DateSpec.parseInstant("2011-01-05")).isEqualTo(Instant.parse("2011-01-05T00:00:00Z"));
  }

  @Test
  void anInstantKeepsItsOffset() {
    assertThat(DateSpec.parseInstant("2019-11-23T00:00+09:00")).isEqualTo(Instant.parse("2019-11-22T15:00:00Z"));
    assertThat(DateSpec.parseInstant("2011-01-05T00:00:00Z")).isEqualTo(Instant.parse("2011-01-05T00:00:00Z"));
  }

  @Test
  void partialDatesHaveBothEndsAndAreAssumed() {
    DateSpec month = DateSpec.parse("2010-06");
    assertThat(month.earliest()).isEqualTo(Instant.parse("2010-06-01T00:00:00Z"));
    assertThat(month.latest()).isEqualTo(Instant.parse("2010-06-30T00:00:00Z"));
    assertThat(month.assumed()).isTrue();
    DateSpec year = DateSpec.parse("1988");
    assertThat(year.latest()).isEqualTo(Instant.parse("1988-12-31T00:00:00Z"));
    assertThat(DateSpec.parse("2016-02").latest()).isEqualTo(Instant.parse("2016-02-29T00:00:00Z"));
  }

  @Test
  void queriesDoNotAcceptPartialDates() {
    assertThatThrownBy(() -> DateSpec.parseInstant("2011-01")).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void malformedDatesNameTheToken() {
    assertThatThrownBy(() -> DateSpec.parseInstant("2011-13-05"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("malformed date '2011-13-05'");
    assertThatThrownBy(() -> DateSpec.parseInstant("yesterday")).hasMessageContaining("'yesterday'");
  }
}
