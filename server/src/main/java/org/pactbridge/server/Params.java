package org.pactbridge.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pactbridge.core.time.DateSpec;

/** Query parameters and the request's "now", read the same way by every feature: a bad one is a {@code BAD_PARAMETER} problem. */
final class Params {
  private Params() {}

  /** Now, to the second: what a request without {@code at} decides at. */
  static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  /** {@code ?at=}, or now. */
  static Instant at(Context ctx, Clock clock) {
    String at = ctx.queryParam("at");
    return at == null ? now(clock) : DateSpec.parseInstant(at);
  }

  static int intParam(Context ctx, String name, int min, int max, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw ApiProblem.badParameter(name, "expected a number from " + min + " to " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter(name, "expected a number from " + min + " to " + max);
    }
  }

  static boolean booleanParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return false;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ApiProblem.badParameter(name, "expected true or false");
  }
}
