package org.pactbridge.core.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An agreement's dated events and the status they imply. Events are ordered by instant; events at the
 * same instant apply in the order given. Status is derived once, at construction, into a sorted array
 * of transitions, so {@link #statusAt(Instant)} is a binary search that allocates nothing.
 *
 * <p>A termination notice takes effect at its {@code takesEffect} instant unless it is withdrawn or
 * suspended before then; a later notice replaces an earlier one. Immutable and thread-safe.
 */
public final class Timeline {
  private final List<TimelineEvent> events;
  private final Instant[] transitionAt;
  // the same instants as primitives, so that the binary search reads two arrays instead of chasing an
  // Instant object (a likely cache miss) at every probe
  private final long[] transitionSeconds;
  private final int[] transitionNanos;
  private final AgreementStatus[] transitionStatus;

  public Timeline(List<TimelineEvent> events) {
    List<TimelineEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparing(TimelineEvent::at)); // stable: same-instant events keep their order
    this.events = List.copyOf(sorted);
    List<Instant> at = new ArrayList<>();
    List<AgreementStatus> status = new ArrayList<>();
    derive(this.events, at, status);
    this.transitionAt = at.toArray(new Instant[0]);
    this.transitionSeconds = new long[transitionAt.length];
    this.transitionNanos = new int[transitionAt.length];
    for (int i = 0; i < transitionAt.length; i++) {
      transitionSeconds[i] = transitionAt[i].getEpochSecond();
      transitionNanos[i] = transitionAt[i].getNano();
    }
    this.transitionStatus = status.toArray(new AgreementStatus[0]);
  }

  public static Timeline of(TimelineEvent... events) {
    return new Timeline(List.of(events));
  }

  public List<TimelineEvent> events() {
    return events;
  }

  /** Status at an instant. Cost: O(log transitions), no allocation. */
  public AgreementStatus statusAt(Instant at) {
    int found = lastAtOrBefore(transitionSeconds, 1, transitionNanos, 0, transitionSeconds.length - 1, at.getEpochSecond(), at.getNano());
    return found < 0 ? AgreementStatus.NONE : transitionStatus[found];
  }

  /**
   * The last index in {@code low..high} of sorted instants that is at or before the given one, or −1: a
   * binary search. Instant {@code i} is its epoch seconds at {@code seconds[i * stride]} (a stride
   * above 1 lets the seconds sit among other words read with them) and its nanoseconds at
   * {@code nanos[i]}, read only when the seconds are equal; the search reads primitives and chases no
   * Instant. Status and the compiled hop look-ups share it.
   */
  public static int lastAtOrBefore(long[] seconds, int stride, int[] nanos, int low, int high, long second, int nano) {
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long probe = seconds[mid * stride];
      if (probe < second || (probe == second && nanos[mid] <= nano)) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }

  /** The first instant at which the agreement was in force, or null if it never entered into force. */
  public Instant firstInForce() {
    for (int i = 0; i < transitionAt.length; i++) {
      if (transitionStatus[i].inForce()) {
        return transitionAt[i];
      }
    }
    return null;
  }

  /**
   * The last event at exactly this instant (the one that put the agreement in the status it has from
   * then), or null: so that a status's {@code since} is shown with the precision the record gives.
   */
  public TimelineEvent eventAt(Instant at) {
    TimelineEvent found = null;
    for (TimelineEvent event : events) {
      if (event.at().equals(at)) {
        found = event;
      }
    }
    return found;
  }

  /** Every instant at which the status changes, in order: the boundaries a what-if or test walks. */
  public List<Instant> transitionInstants() {
    return List.of(transitionAt);
  }

  private static void derive(List<TimelineEvent> events, List<Instant> at, List<AgreementStatus> out) {
    Phase phase = Phase.NONE;
    Instant since = null;
    boolean assumed = false;
    Instant pending = null;
    boolean suspendedNotice = false;
    for (TimelineEvent event : events) {
      if (pending != null && !pending.isAfter(event.at())) {
        phase = noticeComesDue(phase, pending, since, assumed, at, out);
        since = phase == Phase.TERMINATED ? pending : since;
        pending = null;
      }
      switch (event.type()) {
        case PROPOSED, NEGOTIATING, SIGNED -> {
          if (phase.ordinal() < Phase.IN_FORCE.ordinal()) {
            phase = Phase.valueOf(event.type().name());
            since = event.at();
            assumed = event.assumed();
          }
        }
        case IN_FORCE, RESUMED -> {
          phase = Phase.IN_FORCE;
          since = event.at();
          assumed = event.assumed();
        }
        case AMENDED -> {
          // provisions change; the status does not
        }
        case TERMINATION_NOTICE -> {
          pending = event.takesEffect();
          suspendedNotice = false;
        }
        case NOTICE_WITHDRAWN -> {
          pending = null;
          suspendedNotice = false;
        }
        case NOTICE_SUSPENDED -> {
          if (pending != null) {
            pending = null;
            suspendedNotice = true;
          }
        }
        case SUSPENDED -> {
          phase = Phase.SUSPENDED;
          since = event.at();
          assumed = event.assumed();
        }
        case STATUS_UNKNOWN -> {
          phase = Phase.UNKNOWN;
          since = event.at();
          assumed = event.assumed();
          pending = null;
          suspendedNotice = false;
        }
        case TERMINATED, EXPIRED -> {
          phase = event.type() == EventType.TERMINATED ? Phase.TERMINATED : Phase.EXPIRED;
          since = event.at();
          assumed = event.assumed();
          pending = null;
          suspendedNotice = false;
        }
      }
      at.add(event.at());
      out.add(new AgreementStatus(phase, since, phase.isTerminal() ? null : pending, suspendedNotice, assumed));
    }
    if (pending != null) {
      noticeComesDue(phase, pending, since, assumed, at, out);
    }
  }

  /**
   * A termination notice reaches its instant: an agreement in force (or suspended) terminates; one that
   * is not in force lets the notice lapse. Either way a transition is recorded at that instant.
   */
  private static Phase noticeComesDue(Phase phase, Instant due, Instant since, boolean assumed, List<Instant> at, List<AgreementStatus> out) {
    boolean ends = phase == Phase.IN_FORCE || phase == Phase.SUSPENDED;
    Phase next = ends ? Phase.TERMINATED : phase;
    at.add(due);
    out.add(new AgreementStatus(next, ends ? due : since, null, false, assumed));
    return next;
  }
}
