package org.pactbridge.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A node's exercise clock ({@code serve --clock 2015-06-01}): "now" starts at {@code start} when the node
 * starts and advances with real time, so a coalition exercise or a demonstration replays history. It
 * governs decisions and the instants recorded in items, holdings, consents, receipts and audit entries.
 * It is never used for what protects the node against the present world: API tokens, sessions, login
 * throttling, certificates and rewrap tokens are checked against {@link #real()}.
 *
 * <p>A node is given one clock; {@link #real(Clock)} picks the real one out of it. A plain clock (the
 * system's, a test's fixed one) is both the decision clock and the real clock.
 */
public final class ExerciseClock extends Clock {
  private final Instant start;
  private final Clock real;
  private final Instant realStart;

  private ExerciseClock(Instant start, Clock real, Instant realStart) {
    this.start = Objects.requireNonNull(start, "start");
    this.real = Objects.requireNonNull(real, "real");
    this.realStart = Objects.requireNonNull(realStart, "realStart");
  }

  /** An exercise clock at {@code start} now, advancing with {@code real} from here on. */
  public static ExerciseClock startingAt(Instant start, Clock real) {
    return new ExerciseClock(start, real.withZone(ZoneOffset.UTC), real.instant());
  }

  /** The real clock behind {@code clock}: its {@link #real()} for an exercise clock, {@code clock} itself otherwise. */
  public static Clock real(Clock clock) {
    return clock instanceof ExerciseClock exercise ? exercise.real() : clock;
  }

  /** Whether {@code clock} is an exercise clock. */
  public static boolean isExercise(Clock clock) {
    return clock instanceof ExerciseClock;
  }

  /** The exercise instant the node started at. */
  public Instant start() {
    return start;
  }

  /** The real clock it advances with. */
  public Clock real() {
    return real;
  }

  /** How far the exercise's "now" is from the real one (negative when it replays the past). */
  public Duration offset() {
    return Duration.between(realStart, start);
  }

  @Override
  public Instant instant() {
    return start.plus(Duration.between(realStart, real.instant()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (!ZoneOffset.UTC.equals(zone)) {
      throw new IllegalArgumentException("an exercise clock runs in UTC");
    }
    return this;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ExerciseClock that && start.equals(that.start) && real.equals(that.real) && realStart.equals(that.realStart);
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, real, realStart);
  }

  @Override
  public String toString() {
    return "ExerciseClock[start=" + start + ", offset=" + offset() + "]";
  }
}
