package org.pactbridge.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.core.TestWorlds.day;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimelineTest {
  private static final Instant NOTICE_EFFECT = Instant.parse("2019-11-22T15:00:00Z"); // 2019-11-23T00:00+09:00

  private static Timeline gsomia(TimelineEvent... later) {
    java.util.List<TimelineEvent> events = new java.util.ArrayList<>(java.util.List.of(
        TimelineEvent.of(EventType.SIGNED, day("2016-11-23")),
        TimelineEvent.of(EventType.IN_FORCE, day("2016-11-23")),
        TimelineEvent.notice(day("2019-08-23"), NOTICE_EFFECT)));
    events.addAll(java.util.List.of(later));
    return new Timeline(events);
  }

  @Test
  void nothingBeforeTheFirstEvent() {
    assertThat(gsomia().statusAt(day("2011-01-05"))).isEqualTo(AgreementStatus.NONE);
  }

  @Test
  void inForceFromItsEntryIntoForce() {
    AgreementStatus status = gsomia().statusAt(day("2017-01-05"));
    assertThat(status.phase()).isEqualTo(Phase.IN_FORCE);
    assertThat(status.since()).isEqualTo(day("2016-11-23"));
    assertThat(status.terminationPending()).isFalse();
  }

  @Test
  void aRunningNoticeIsReportedAndTakesEffectAtItsInstant() {
    Timeline timeline = gsomia();
    AgreementStatus running = timeline.statusAt(day("2019-09-01"));
    assertThat(running.inForce()).isTrue();
    assertThat(running.terminationTakesEffect()).isEqualTo(NOTICE_EFFECT);
    assertThat(running.display()).isEqualTo("TERMINATION_NOTIFIED");
    assertThat(timeline.statusAt(NOTICE_EFFECT.minusNanos(1)).inForce()).isTrue();
    assertThat(timeline.statusAt(NOTICE_EFFECT).phase()).isEqualTo(Phase.TERMINATED);
  }

  @Test
  void aSuspendedNoticeKeepsTheAgreementInForce() {
    Timeline timeline = gsomia(TimelineEvent.of(EventType.NOTICE_SUSPENDED, Instant.parse("2019-11-22T09:00:00Z")));
    AgreementStatus after = timeline.statusAt(day("2019-12-01"));
    assertThat(after.inForce()).isTrue();
    assertThat(after.terminationPending()).isFalse();
    assertThat(after.noticeSuspended()).isTrue();
  }

  @Test
  void aWithdrawnNoticeClearsTheSuspension() {
    Timeline timeline = gsomia(
        TimelineEvent.of(EventType.NOTICE_SUSPENDED, Instant.parse("2019-11-22T09:00:00Z")),
        TimelineEvent.of(EventType.NOTICE_WITHDRAWN, day("2023-03-21")));
    AgreementStatus status = timeline.statusAt(day("2023-06-01"));
    assertThat(status.inForce()).isTrue();
    assertThat(status.noticeSuspended()).isFalse();
  }

  @Test
  void aNoticeSuspendedAfterItTookEffectChangesNothing() {
    Timeline timeline = gsomia(TimelineEvent.of(EventType.NOTICE_SUSPENDED, day("2019-12-01")));
    assertThat(timeline.statusAt(day("2020-01-01")).phase()).isEqualTo(Phase.TERMINATED);
  }

  @Test
  void sameDayEventsApplyInTheOrderListed() {
    Timeline suspendedThenResumed = Timeline.of(
        TimelineEvent.of(EventType.IN_FORCE, day("2000-01-01")),
        TimelineEvent.of(EventType.SUSPENDED, day("2001-01-01")),
        TimelineEvent.of(EventType.RESUMED, day("2001-01-01")));
    assertThat(suspendedThenResumed.statusAt(day("2001-01-01")).inForce()).isTrue();
    Timeline resumedThenSuspended = Timeline.of(
        TimelineEvent.of(EventType.IN_FORCE, day("2000-01-01")),
        TimelineEvent.of(EventType.RESUMED, day("2001-01-01")),
        TimelineEvent.of(EventType.SUSPENDED, day("2001-01-01")));
    assertThat(resumedThenSuspended.statusAt(day("2001-01-01")).phase()).isEqualTo(Phase.SUSPENDED);
  }

  @Test
  void aNoticeRunsOutWhileSuspendedToo() {
    Timeline timeline = Timeline.of(
        TimelineEvent.of(EventType.IN_FORCE, day("2000-01-01")),
        TimelineEvent.notice(day("2001-01-01"), day("2001-06-01")),
        TimelineEvent.of(EventType.SUSPENDED, day("2001-02-01")));
    assertThat(timeline.statusAt(day("2001-03-01")).phase()).isEqualTo(Phase.SUSPENDED);
    assertThat(timeline.statusAt(day("2001-06-01")).phase()).isEqualTo(Phase.TERMINATED);
  }

  @Test
  void signingAloneIsNotEntryIntoForce() {
    Timeline timeline = Timeline.of(TimelineEvent.of(EventType.SIGNED, day("2012-06-29")));
    assertThat(timeline.statusAt(day("2013-01-01")).phase()).isEqualTo(Phase.SIGNED);
    assertThat(timeline.statusAt(day("2013-01-01")).inForce()).isFalse();
    assertThat(timeline.firstInForce()).isNull();
  }

  @Test
  void aNoticeCannotTakeEffectBeforeItIsGiven() {
    assertThatThrownBy(() -> TimelineEvent.notice(day("2019-08-23"), day("2019-08-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before it is given");
  }
}
