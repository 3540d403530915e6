package org.pactbridge.core.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Status derivation agrees with a naive re-reading of the events on random timelines. */
class TimelineProperties {
  private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  @Property(tries = 500)
  void statusAgreesWithANaiveReading(@ForAll("timelines") List<TimelineEvent> events, @ForAll @IntRange(min = -5, max = 120) int day) {
    Instant at = EPOCH.plusSeconds(day * 86_400L);
    Timeline timeline = new Timeline(events);
    AgreementStatus fast = timeline.statusAt(at);
    Naive naive = naive(timeline.events(), at);
    assertThat(fast.phase()).as("phase at %s of %s", at, events).isEqualTo(naive.phase);
    assertThat(fast.terminationTakesEffect()).as("pending notice at %s of %s", at, events).isEqualTo(naive.pending);
  }

  @Provide
  Arbitrary<List<TimelineEvent>> timelines() {
    Arbitrary<TimelineEvent> event = Combinators.combine(
            Arbitraries.of(EventType.values()), Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 30))
        .as((type, day, delay) -> {
          Instant at = EPOCH.plusSeconds(day * 86_400L);
          return type == EventType.TERMINATION_NOTICE
              ? TimelineEvent.notice(at, at.plusSeconds(delay * 86_400L))
              : TimelineEvent.of(type, at);
        });
    return event.list().ofMaxSize(8).map(list -> {
      List<TimelineEvent> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparing(TimelineEvent::at));
      return sorted;
    });
  }

  private record Naive(Phase phase, Instant pending) {}

  /**
   * The reference reading: replay every event up to {@code at}; a running notice ends an agreement in
   * force (or suspended) when its instant has come, before any later event applies.
   */
  private static Naive naive(List<TimelineEvent> events, Instant at) {
    Phase phase = Phase.NONE;
    Instant pending = null;
    for (TimelineEvent event : events) {
      if (event.at().isAfter(at)) {
        break;
      }
      if (pending != null && !pending.isAfter(event.at())) {
        if (phase == Phase.IN_FORCE || phase == Phase.SUSPENDED) {
          phase = Phase.TERMINATED;
        }
        pending = null;
      }
      switch (event.type()) {
        case PROPOSED -> phase = phase.compareTo(Phase.IN_FORCE) < 0 ? Phase.PROPOSED : phase;
        case NEGOTIATING -> phase = phase.compareTo(Phase.IN_FORCE) < 0 ? Phase.NEGOTIATING : phase;
        case SIGNED -> phase = phase.compareTo(Phase.IN_FORCE) < 0 ? Phase.SIGNED : phase;
        case IN_FORCE, RESUMED -> phase = Phase.IN_FORCE;
        case SUSPENDED -> phase = Phase.SUSPENDED;
        case TERMINATED -> {
          phase = Phase.TERMINATED;
          pending = null;
        }
        case EXPIRED -> {
          phase = Phase.EXPIRED;
          pending = null;
        }
        case STATUS_UNKNOWN -> {
          phase = Phase.UNKNOWN;
          pending = null;
        }
        case TERMINATION_NOTICE -> pending = event.takesEffect();
        case NOTICE_WITHDRAWN, NOTICE_SUSPENDED -> pending = null;
        case AMENDED -> { }
      }
    }
    if (pending != null && !pending.isAfter(at)) {
      if (phase == Phase.IN_FORCE || phase == Phase.SUSPENDED) {
        phase = Phase.TERMINATED;
      }
      pending = null;
    }
    if (phase.isTerminal()) {
      pending = null;
    }
    return new Naive(phase, pending);
  }
}
