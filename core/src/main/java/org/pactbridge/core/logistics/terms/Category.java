package org.pactbridge.core.logistics.terms;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pactbridge.core.InvalidInputException;

/**
 * A supply or service category of mutual logistics support, written as a slug on input and output
 * ({@code fuel} for petroleum, oils and lubricants). {@link #WEAPONS} exists so that a request for it
 * can be named and refused: every agreement excludes it.
 */
public enum Category {
  FOOD("food"),
  WATER("water"),
  BILLETING("billeting"),
  TRANSPORTATION("transportation"),
  FUEL("fuel"),
  CLOTHING("clothing"),
  COMMUNICATIONS("communications"),
  MEDICAL("medical"),
  BASE_SUPPORT("base-support"),
  STORAGE("storage"),
  FACILITIES("facilities"),
  TRAINING("training"),
  SPARE_PARTS("spare-parts"),
  REPAIR("repair"),
  AIRPORT_SEAPORT("airport-seaport"),
  AMMUNITION("ammunition"),
  WEAPONS("weapons");

  private final String slug;

  Category(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  /** Reads a slug, case-insensitive; an unknown one is bad input naming the known slugs. */
  public static Category parse(String token) {
    String wanted = token == null ? "" : token.strip().toLowerCase(Locale.ROOT);
    for (Category category : values()) {
      if (category.slug.equals(wanted)) {
        return category;
      }
    }
    throw InvalidInputException.invalid(
        "UNKNOWN_CATEGORY", String.valueOf(token), "unknown category '" + token + "' (known: " + known() + ")");
  }

  static String known() {
    return Arrays.stream(values()).map(Category::slug).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return slug;
  }
}
