package org.pactbridge.server;

import java.time.temporal.ChronoUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.pactbridge.service.ExerciseClock;

/**
 * The headers every response carries, the web UI's pages, API answers and error pages alike: a
 * Content-Security-Policy that lets a page load and call only its own origin and never be framed,
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, and over TLS
 * Strict-Transport-Security. A Jetty customizer, so it runs for every request the connector dispatches
 * (static files and Jetty's own errors included); {@link ProblemErrorHandler} adds them to the answers
 * Jetty writes before dispatch. The fields are encoded once: a request costs a few list appends. On an
 * exercise clock, {@link #CLOCK} too.
 */
final class SecurityHeaders implements HttpConfiguration.Customizer {
  /**
   * The web UI is plain modules served from the node: no inline script or style, no other origin.
   * {@code img-src data:} is for the empty favicon ({@code href="data:,"}); styles set through the
   * CSSOM ({@code element.style}) are not inline styles and need no allowance.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
      + " object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  static final String HSTS = "max-age=31536000";

  private static final HttpField[] ALWAYS = {
      new PreEncodedHttpField("Content-Security-Policy", CONTENT_SECURITY_POLICY),
      new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
      new PreEncodedHttpField("Referrer-Policy", "no-referrer"),
      new PreEncodedHttpField("X-Frame-Options", "DENY")};
  private static final HttpField STRICT_TRANSPORT = new PreEncodedHttpField("Strict-Transport-Security", HSTS);

  /**
   * The header that marks every response of a node on an exercise clock ({@code serve --clock}), with the
   * node's "now" at the answer: {@code Pactbridge-Clock: exercise 2015-06-01T00:00:03Z}. Absent on a node on
   * the real clock.
   */
  static final String CLOCK = "Pactbridge-Clock";

  private final boolean tls;
  private final ExerciseClock exercise;

  /** {@code tls}: the node listens with TLS only, so every response may carry HSTS. */
  SecurityHeaders(boolean tls) {
    this(tls, null);
  }

  /** {@code exercise}: the node's exercise clock, named on every response; null on the real clock. */
  SecurityHeaders(boolean tls, ExerciseClock exercise) {
    this.tls = tls;
    this.exercise = exercise;
  }

  /** The {@link #CLOCK} header's value now: {@code exercise <instant to the second>}. */
  static String clockValue(ExerciseClock exercise) {
    return "exercise " + exercise.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  @Override
  public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
    HttpFields.Mutable fields = request.getResponse().getHttpFields();
    for (HttpField field : ALWAYS) {
      fields.add(field);
    }
    if (tls) {
      fields.add(STRICT_TRANSPORT);
    }
    if (exercise != null) {
      fields.add(CLOCK, clockValue(exercise));
    }
  }

  /** The same headers on fields that may already hold some of them (error answers): put, not add. */
  void putInto(HttpFields.Mutable fields) {
    for (HttpField field : ALWAYS) {
      fields.put(field);
    }
    if (tls) {
      fields.put(STRICT_TRANSPORT);
    }
    if (exercise != null) {
      fields.put(CLOCK, clockValue(exercise));
    }
  }
}
