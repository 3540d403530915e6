package org.pactbridge.core.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One dated event. {@code assumed} marks an instant read at the conservative end of a partial date,
 * or an entry into force inferred from the signing date. {@code takesEffect} is set on termination
 * notices only.
 */
public record TimelineEvent(EventType type, Instant at, Instant takesEffect, boolean assumed, List<String> sources, String note) {
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
  }

  public static TimelineEvent of(EventType type, Instant at) {
    return new TimelineEvent(type, at, null, false, List.of(), "");
  }

  public static TimelineEvent notice(Instant at, Instant takesEffect) {
    return new TimelineEvent(EventType.TERMINATION_NOTICE, at, takesEffect, false, List.of(), "");
  }
}
