package org.pactbridge.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.party.PartyCode;

/** What an audit filter lets through: each field alone, v1 and v2 actors, and the instant range's ends. */
class AuditFilterTest {
  private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
  private static final AuditEvent SHOWN = AuditEvent.of(T, "DECISION_SHOWN", AuditActor.user("u-7", "kim", PartyCode.of("KOR")), "ITEM-1",
      "recipient", "JPN");
  private static final AuditEvent V1 = AuditEvent.of(T, "RELEASED", AuditActor.v1("KOR"), "ITEM-1");
  private static final AuditEvent LOCAL = AuditEvent.of(T, "ITEMS_IMPORTED", AuditActor.localOperator("ops"), "batch-1");

  @Test
  void noFilterLetsEverythingThrough() {
    assertThat(AuditFilter.ALL.isEmpty()).isTrue();
    assertThat(AuditFilter.ALL.matches(SHOWN)).isTrue();
    assertThat(AuditFilter.ALL.matches(V1)).isTrue();
  }

  @Test
  void kindAndSubjectMatchExactly() {
    assertThat(new AuditFilter("DECISION_SHOWN", null, null, null, null).matches(SHOWN)).isTrue();
    assertThat(new AuditFilter("DECISION_RECORDED", null, null, null, null).matches(SHOWN)).isFalse();
    assertThat(new AuditFilter(null, "ITEM-1", null, null, null).matches(SHOWN)).isTrue();
    assertThat(new AuditFilter(null, "ITEM-10", null, null, null).matches(SHOWN)).isFalse();
    assertThat(new AuditFilter(null, "item-1", null, null, null).matches(SHOWN)).isFalse();
  }

  @Test
  void aV2ActorMatchesByIdNameOrNationAndAV1ActorByItsText() {
    for (String who : new String[] {"u-7", "kim", "KOR"}) {
      assertThat(new AuditFilter(null, null, who, null, null).matches(SHOWN)).as(who).isTrue();
    }
    assertThat(new AuditFilter(null, null, "lee", null, null).matches(SHOWN)).isFalse();
    assertThat(new AuditFilter(null, null, "KOR", null, null).matches(V1)).isTrue();
    assertThat(new AuditFilter(null, null, "JPN", null, null).matches(V1)).isFalse();
    // The local operator has no nation; it is found by its name or id.
    assertThat(new AuditFilter(null, null, "ops", null, null).matches(LOCAL)).isTrue();
    assertThat(new AuditFilter(null, null, "local:ops", null, null).matches(LOCAL)).isTrue();
  }

  @Test
  void theRangeIncludesItsStartAndExcludesItsEnd() {
    assertThat(new AuditFilter(null, null, null, T, null).matches(SHOWN)).isTrue();
    assertThat(new AuditFilter(null, null, null, T.plusNanos(1), null).matches(SHOWN)).isFalse();
    assertThat(new AuditFilter(null, null, null, null, T.plusNanos(1)).matches(SHOWN)).isTrue();
    assertThat(new AuditFilter(null, null, null, null, T).matches(SHOWN)).isFalse();
    assertThatThrownBy(() -> new AuditFilter(null, null, null, T, T)).isInstanceOf(IllegalArgumentException.class);
  }
}
