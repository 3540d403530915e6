package org.pactbridge.core.logistics;

import java.time.Instant;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.registry.Exercise;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.registry.Registry;

/**
 * The exercise edition a support request names as its context ({@code ROK-JPN-SAREX:5}). The activity
 * must then be {@code exercise} and the request's date within the edition's dates; anything else is bad
 * input. The context is shown with the decision and changes nothing in it.
 */
public record ExerciseContext(Exercise exercise, ExerciseEdition edition) {
  /** Reads {@code SERIES:EDITION} against the registry's exercises, for a request of this activity and date. */
  public static ExerciseContext resolve(Registry registry, String reference, Activity activity, Instant at) {
    String text = reference.strip();
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw InvalidInputException.invalid("MALFORMED_EXERCISE", text,
          "malformed exercise '" + text + "' (expected SERIES:EDITION, such as ROK-JPN-SAREX:5)");
    }
    String series = text.substring(0, colon);
    int number;
    try {
      number = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw InvalidInputException.invalid("MALFORMED_EXERCISE", text,
          "malformed exercise '" + text + "': the edition is a number (such as ROK-JPN-SAREX:5)");
    }
    Exercise exercise = registry.findExercise(series).orElseThrow(() -> InvalidInputException.invalid("UNKNOWN_EXERCISE", series,
        "unknown exercise series '" + series + "' (known: " + String.join(", ", registry.exercises().stream().map(Exercise::id).toList()) + ")"));
    ExerciseEdition edition = exercise.edition(number).orElseThrow(() -> InvalidInputException.invalid("UNKNOWN_EXERCISE", text,
        "the world dates no edition " + number + " of " + series));
    if (activity != Activity.EXERCISE) {
      throw InvalidInputException.contradiction(text, "a request in the context of " + text + " has the activity exercise, not "
          + activity.slug());
    }
    if (!edition.covers(at)) {
      throw InvalidInputException.contradiction(text, "the request's date is outside " + text + " (" + edition.dates() + ")");
    }
    return new ExerciseContext(exercise, edition);
  }

  /** One line for people: the series, the edition, its dates and place, and its sources. */
  public String describe() {
    return exercise.id() + " edition " + edition.number() + ", " + edition.dates() + (edition.assumed() ? " (assumed)" : "")
        + (edition.location().isEmpty() ? "" : ", " + edition.location()) + " [" + String.join(", ", edition.sources()) + "]";
  }
}
