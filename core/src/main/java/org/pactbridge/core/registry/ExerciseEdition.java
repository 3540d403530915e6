package org.pactbridge.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * One dated edition or event of an exercise series. {@code from} is the start of its first day (or of
 * its month or year when the record gives no day), {@code until} the end of its last day, exclusive;
 * {@code number} is the edition's number, null for an event of the series that is not an edition.
 * {@code assumed} marks a date the record infers (the 5th SAREX's year).
 */
public record ExerciseEdition(
    Integer number, Instant from, Instant until, Precision precision, String location, boolean assumed, String confidence,
    List<String> sources, String note) {
  public ExerciseEdition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(precision, "precision");
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("an edition ends after it begins");
    }
    location = location == null ? "" : location;
    confidence = confidence == null ? "" : confidence;
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
  }

  /** Whether the instant falls within the edition's dates. */
  public boolean covers(Instant at) {
    return !at.isBefore(from) && at.isBefore(until);
  }

  /** The dates as the record gives them: {@code 2007-06-17 to 2007-06-23}, {@code 1999-08 (month only)}. */
  public String dates() {
    String first = DateSpec.display(from, precision);
    Instant lastDay = until.minusSeconds(86_400);
    if (precision != Precision.DAY || lastDay.equals(from)) {
      return first;
    }
    return first + " to " + DateSpec.display(lastDay, Precision.DAY);
  }
}
