package org.pactbridge.core.consent;

import java.time.Instant;
import java.util.Objects;

/** A condition attached to a grant. */
public sealed interface ConsentCondition permits ConsentCondition.Expiry, ConsentCondition.Downgrade, ConsentCondition.AddedCaveat {

  /** A stable name for storage and output: {@code EXPIRY}, {@code DOWNGRADE}, {@code ADDED_CAVEAT}. */
  String kind();

  /** The condition's value as text: an ISO instant, a {@code PARTY:CODE} level, or a caveat. */
  String value();

  /** Reads a condition from {@link #kind()} and {@link #value()}. */
  static ConsentCondition of(String kind, String value) {
    return switch (kind) {
      case "EXPIRY" -> new Expiry(Instant.parse(value));
      case "DOWNGRADE" -> new Downgrade(value);
      case "ADDED_CAVEAT" -> new AddedCaveat(value);
      default -> throw new IllegalArgumentException("unknown consent condition '" + kind + "'");
    };
  }

  /** The consent lapses at {@code until}. */
  record Expiry(Instant until) implements ConsentCondition {
    public Expiry {
      Objects.requireNonNull(until, "until");
    }

    @Override
    public String kind() {
      return "EXPIRY";
    }

    @Override
    public String value() {
      return until.toString();
    }
  }

  /** The item may go only at or below {@code level} ({@code PARTY:CODE}). */
  record Downgrade(String level) implements ConsentCondition {
    public Downgrade {
      if (level == null || !level.matches("[A-Z]{3,4}:[A-Z0-9_]+")) {
        throw new IllegalArgumentException("a downgrade names a level as PARTY:CODE, not '" + level + "'");
      }
    }

    @Override
    public String kind() {
      return "DOWNGRADE";
    }

    @Override
    public String value() {
      return level;
    }
  }

  /** The recipient must protect the item under this additional caveat. */
  record AddedCaveat(String caveat) implements ConsentCondition {
    public AddedCaveat {
      if (caveat == null || caveat.isBlank()) {
        throw new IllegalArgumentException("an added caveat must not be blank");
      }
    }

    @Override
    public String kind() {
      return "ADDED_CAVEAT";
    }

    @Override
    public String value() {
      return caveat;
    }
  }
}
