package org.pactbridge.core.logistics.terms;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pactbridge.core.InvalidInputException;

/**
 * The activity or situation in which support is given, written as a slug. The situation names follow
 * the US–Japan ACSA's revisions: {@code surrounding-situation} (1998/1999), {@code armed-attack} and
 * {@code international-peace} (2004), {@code important-influence} and {@code survival-threatening}
 * (2016/2017).
 */
public enum Activity {
  EXERCISE("exercise"),
  TRAINING("training"),
  PEACEKEEPING("peacekeeping"),
  HUMANITARIAN("humanitarian"),
  DISASTER_RELIEF("disaster-relief"),
  EVACUATION("evacuation"),
  CONTINGENCY("contingency"),
  SURROUNDING_SITUATION("surrounding-situation"),
  ARMED_ATTACK("armed-attack"),
  IMPORTANT_INFLUENCE("important-influence"),
  SURVIVAL_THREATENING("survival-threatening"),
  INTERNATIONAL_PEACE("international-peace"),
  ROUTINE("routine");

  private final String slug;

  Activity(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  /** Reads a slug, case-insensitive; an unknown one is bad input naming the known slugs. */
  public static Activity parse(String token) {
    String wanted = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
    for (Activity activity : values()) {
      if (activity.slug.equals(wanted)) {
        return activity;
      }
    }
    throw InvalidInputException.invalid(
        "UNKNOWN_ACTIVITY", String.valueOf(token), "unknown activity '" + token + "' (known: " + known() + ")");
  }

  static String known() {
    return Arrays.stream(values()).map(Activity::slug).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return slug;
  }
}
