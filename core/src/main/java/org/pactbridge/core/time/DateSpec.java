package org.pactbridge.core.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pactbridge.core.InvalidInputException;

/**
 * A date or instant as written in queries and data: {@code 2011-01-05} (00:00 UTC that day),
 * {@code 2019-11-23T00:00+09:00} or {@code 2011-01-05T00:00:00Z} (an instant), and, in data only,
 * {@code 2010-06} or {@code 1988} (known to the month or year). A partial date is read at its
 * conservative end: {@link #earliest()} for events that end or suspend something, {@link #latest()} for
 * those that start something; either way the instant is {@link #assumed()}.
 */
public record DateSpec(String text, Precision precision, Instant earliest, Instant latest) {
  private static final Pattern YEAR_FORM = Pattern.compile("\\d{4}");
  private static final Pattern MONTH_FORM = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INSTANT_FORM = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

  /** How precisely the source gives the date. */
  public enum Precision {
    YEAR,
    MONTH,
    DAY,
    INSTANT
  }

  /** True when the date is known only to the month or the year. */
  public boolean assumed() {
    return precision == Precision.YEAR || precision == Precision.MONTH;
  }

  /** Reads a query date or instant: a day or a full instant, never a partial date. */
  public static Instant parseInstant(String text) {
    DateSpec spec = parse(text);
    if (spec.assumed()) {
      throw InvalidInputException.malformedDate(text);
    }
    return spec.earliest();
  }

  /** Reads any accepted form, partial dates included. */
  public static DateSpec parse(String text) {
    if (text == null) {
      throw InvalidInputException.malformedDate("null");
    }
    String trimmed = text.strip();
    try {
      if (YEAR_FORM.matcher(trimmed).matches()) {
        int year = Integer.parseInt(trimmed);
        Instant first = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant last = LocalDate.of(year, 12, 31).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new DateSpec(trimmed, Precision.YEAR, first, last);
      }
      if (MONTH_FORM.matcher(trimmed).matches()) {
        YearMonth month = YearMonth.parse(trimmed);
        Instant first = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant last = month.atEndOfMonth().atStartOfDay().toInstant(ZoneOffset.UTC);
        return new DateSpec(trimmed, Precision.MONTH, first, last);
      }
      if (DAY_FORM.matcher(trimmed).matches()) {
        Instant day = LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC);
        return new DateSpec(trimmed, Precision.DAY, day, day);
      }
      if (INSTANT_FORM.matcher(trimmed).matches()) {
        Instant instant = OffsetDateTime.parse(trimmed, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        return new DateSpec(trimmed, Precision.INSTANT, instant, instant);
      }
    } catch (DateTimeException e) {
      throw InvalidInputException.malformedDate(text);
    }
    throw InvalidInputException.malformedDate(text);
  }

  /**
   * The date as known to {@code precision}: {@code 2008 (year only)}, {@code 2011-10 (month only)},
   * {@code 2011-10-24} or an ISO instant; never a day that the record does not give.
   */
  public static String display(Instant at, Precision precision) {
    LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
    return switch (precision) {
      case YEAR -> day.getYear() + " (year only)";
      case MONTH -> YearMonth.from(day) + " (month only)";
      case DAY -> day.toString();
      case INSTANT -> format(at);
    };
  }

  /** The precision's name in JSON: {@code day}, {@code month} or {@code year} (an instant is known to the day). */
  public static String jsonName(Precision precision) {
    return precision == Precision.INSTANT ? "day" : precision.name().toLowerCase(Locale.ROOT);
  }

  /** The ISO form used in output: {@code 2011-01-05T00:00:00Z}. */
  public static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }
}
