package org.pactbridge.server;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.UUID;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.user.DuplicateUserException;
import org.pactbridge.service.ServiceException;
import org.pactbridge.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception a handler throws, as a problem: the server's own {@link ApiProblem}s as they are,
 * bad input 400, a use case's refusal by its kind (not found 404, forbidden 403, conflict 409, bad input
 * 400), the store's conflicts and not-founds, Javalin's own 404/405/413, and anything else an internal
 * error 500 with a reference that the log repeats. The one place that gives a status to what the
 * service layer and the store refuse; it reads the store's exception type only to give it a status.
 */
final class ExceptionProblems {
  /** Under the node's name, as these lines always were: operators filter on it. */
  private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);

  private final ServerConfig config;
  private final MeterRegistry metrics;

  ExceptionProblems(ServerConfig config, MeterRegistry metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /** The status a use case's refusal answers with. */
  static int status(ServiceException.Kind kind) {
    return switch (kind) {
      case NOT_FOUND -> 404;
      case FORBIDDEN -> 403;
      case CONFLICT -> 409;
      case BAD_INPUT -> 400;
    };
  }

  void onException(Exception exception, Context ctx) {
    ApiProblem problem;
    if (exception instanceof ApiProblem api) {
      problem = api;
    } else if (exception instanceof RequestException invalid) {
      problem = ApiProblem.badRequest(invalid);
    } else if (exception instanceof ServiceException refused) {
      problem = new ApiProblem(status(refused.kind()), refused.code(), refused.title(), refused.detail());
    } else if (exception instanceof InvalidInputException invalid) {
      problem = new ApiProblem(400, invalid.code(), "Bad input", Excerpt.detail(invalid.getMessage(), invalid.token()),
          Map.of("token", String.valueOf(invalid.token())));
    } else if (exception instanceof StoreException stored && (stored.code().equals("CONFLICT") || stored.code().equals("NOT_FOUND"))) {
      // The store's messages carry identifiers only (its policy); other store failures are internal errors.
      problem = new ApiProblem(stored.code().equals("CONFLICT") ? 409 : 404, stored.code(), stored.code().equals("CONFLICT") ? "Conflict" : "Not found",
          stored.getMessage());
    } else if (exception instanceof org.pactbridge.tdf.TdfException archive) {
      // an archive that fails a check: its messages name parts and codes only (the tdf module's policy)
      problem = new ApiProblem(422, archive.reason().name(), "Archive refused", archive.getMessage(), Map.of("part", archive.part()));
    } else if (exception instanceof org.pactbridge.core.logistics.LedgerConflictException conflict) {
      problem = ApiProblem.conflict("LEDGER_CONFLICT", conflict.getMessage());
    } else if (exception instanceof DuplicateUserException duplicate) {
      problem = ApiProblem.conflict("DUPLICATE_USER", duplicate.getMessage());
    } else if (exception instanceof HttpResponseException http) {
      problem = switch (http.getStatus()) {
        case 404 -> ApiProblem.notFound("no resource at " + ctx.path());
        case 405 -> {
          http.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
          yield new ApiProblem(405, "METHOD_NOT_ALLOWED", "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
        }
        case 413 -> ApiProblem.bodyTooLarge(config.maxBodyBytes());
        default -> new ApiProblem(http.getStatus(), "HTTP_" + http.getStatus(), "HTTP " + http.getStatus(), "the request was refused");
      };
    } else {
      String reference = UUID.randomUUID().toString();
      StackTraceElement[] frames = exception.getStackTrace();
      LOG.error("internal error {} on {} {}: {} at {}", reference, ctx.method(), ctx.endpointHandlerPath(), exception.getClass().getName(),
          frames.length == 0 ? "?" : frames[0]);
      problem = new ApiProblem(500, "INTERNAL", "Internal error", "the request failed; reference " + reference);
    }
    metrics.counter("pactbridge.http.problems", "code", problem.code()).increment();
    if (problem.status() >= 400 && problem.status() < 500 && LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} {}", ctx.method(), ctx.endpointHandlerPath(), problem.status(), problem.code());
    }
    Http.problem(ctx, problem);
  }
}
