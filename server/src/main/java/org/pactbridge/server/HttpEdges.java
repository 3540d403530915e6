package org.pactbridge.server;

import io.javalin.config.JavalinConfig;
import java.util.UUID;
import org.pactbridge.service.ExerciseClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP edges, set up in one place before Javalin starts: the security headers on every
 * response, Jetty's own error answers as problem+json, 405 with {@code Allow} (instead of 404) for a
 * method a route does not take, and a {@link Error} in a handler (out of memory, say) logged as its
 * class and a reference, without the stack trace Javalin would print. A node on an exercise clock says so
 * on every response.
 */
final class HttpEdges {
  private static final Logger LOG = LoggerFactory.getLogger(HttpEdges.class);

  private HttpEdges() {}

  static void configure(JavalinConfig javalin, boolean tls) {
    configure(javalin, tls, null);
  }

  /** As {@link #configure(JavalinConfig, boolean)}; with an {@link ExerciseClock}, every response also names it ({@link SecurityHeaders#CLOCK}). */
  static void configure(JavalinConfig javalin, boolean tls, java.time.Clock clock) {
    SecurityHeaders headers = new SecurityHeaders(tls, clock instanceof ExerciseClock exercise ? exercise : null);
    javalin.http.prefer405over404 = true;
    javalin.jetty.modifyHttpConfiguration(http -> http.addCustomizer(headers));
    javalin.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(headers)));
    javalin.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler(headers)));
    javalin.pvt.javaLangErrorHandler((response, error) -> {
      response.setStatus(500);
      String reference = UUID.randomUUID().toString();
      LOG.error("fatal error {} while serving a request: {}", reference, error.getClass().getName());
    });
  }
}
