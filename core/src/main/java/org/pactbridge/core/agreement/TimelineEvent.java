package org.pactbridge.core.agreement;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * One dated event. {@code assumed} marks an instant read at the conservative end of a partial date, a
 * day inferred within one, or an entry into force inferred from the signing date. {@code takesEffect}
 * is set on termination notices only. {@code precision} is how precisely the record gives the date:
 * an event known to the month keeps {@link Precision#MONTH} whatever day its instant falls on, so that
 * what is shown is "2011-10 (month only)", never the modelled day.
 */
public record TimelineEvent(
    EventType type, Instant at, Instant takesEffect, boolean assumed, List<String> sources, String note, Precision precision) {
  public TimelineEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
    if (type == EventType.TERMINATION_NOTICE && takesEffect == null) {
      throw new IllegalArgumentException("a termination notice needs the instant it takes effect");
    }
    if (type != EventType.TERMINATION_NOTICE && takesEffect != null) {
      throw new IllegalArgumentException("only a termination notice takes effect later: " + type);
    }
    if (takesEffect != null && takesEffect.isBefore(at)) {
      throw new IllegalArgumentException("a termination notice cannot take effect before it is given");
    }
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
    precision = precision == null ? precisionOf(at) : precision;
  }

  /** An event whose date is known to the day, or to the instant when {@code at} is not a midnight UTC. */
  public TimelineEvent(EventType type, Instant at, Instant takesEffect, boolean assumed, List<String> sources, String note) {
    this(type, at, takesEffect, assumed, sources, note, null);
  }

  public static TimelineEvent of(EventType type, Instant at) {
    return new TimelineEvent(type, at, null, false, List.of(), "");
  }

  public static TimelineEvent notice(Instant at, Instant takesEffect) {
    return new TimelineEvent(EventType.TERMINATION_NOTICE, at, takesEffect, false, List.of(), "");
  }

  /** The date as the record knows it: {@code 2008 (year only)}, {@code 2011-10 (month only)}, a day, or an instant. */
  public String date() {
    return DateSpec.display(at, precision);
  }

  private static Precision precisionOf(Instant at) {
    return at.atOffset(ZoneOffset.UTC).toLocalTime().equals(LocalTime.MIDNIGHT) ? Precision.DAY : Precision.INSTANT;
  }
}
