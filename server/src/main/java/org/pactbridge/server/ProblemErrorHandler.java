package org.pactbridge.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The answers Jetty writes itself, as problem+json instead of its HTML pages: requests refused while
 * parsing (a malformed or ambiguous URI 400, a URI over 8 KiB 414, headers over 8 KiB 431), and errors
 * raised outside Javalin's routing. Jetty's reason phrase is not repeated: parts of it quote the request.
 * The security headers are added here too, as the parser's refusals are never dispatched.
 */
final class ProblemErrorHandler extends ErrorHandler {
  private final SecurityHeaders headers;

  ProblemErrorHandler(SecurityHeaders headers) {
    this.headers = headers;
    setShowStacks(false);
    setShowServlet(false);
  }

  /** The problem for a status Jetty set; the path, when known, is the instance. */
  static ApiProblem forStatus(int status, String path) {
    return switch (status) {
      case 400 -> new ApiProblem(400, "BAD_REQUEST", "Bad request", "the request is not valid HTTP (for example a malformed or ambiguous URI)");
      case 404 -> ApiProblem.notFound("no resource at " + (path == null ? "this path" : path));
      case 405 -> new ApiProblem(405, "METHOD_NOT_ALLOWED", "Method not allowed", "this method is not allowed here");
      case 413 -> new ApiProblem(413, "BODY_TOO_LARGE", "Request body too large", "the request body is too large");
      case 414 -> new ApiProblem(414, "URI_TOO_LONG", "URI too long", "the request URI is longer than the node accepts (8 KiB)");
      case 431 -> new ApiProblem(431, "HEADERS_TOO_LARGE", "Request headers too large", "the request headers are larger than the node accepts (8 KiB)");
      case 500 -> new ApiProblem(500, "INTERNAL", "Internal error", "the request failed");
      default -> new ApiProblem(status, "HTTP_" + status, "HTTP " + status, "the request was refused (" + HttpStatus.getMessage(status) + ")");
    };
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
    try {
      int status = response.getStatus() < 400 ? 500 : response.getStatus();
      String path = request.getRequestURI();
      byte[] body = Http.problemBytes(forStatus(status, path), path);
      headers.putInto(baseRequest.getResponse().getHttpFields());
      response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-store");
      response.setContentType(Http.PROBLEM_JSON);
      if (!HttpStatus.hasNoBody(status) && !"HEAD".equals(request.getMethod())) {
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
      }
    } finally {
      baseRequest.setHandled(true);
    }
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    headers.putInto(fields);
    if (HttpStatus.hasNoBody(status)) {
      return ByteBuffer.allocate(0);
    }
    fields.put(HttpHeader.CONTENT_TYPE, Http.PROBLEM_JSON);
    return ByteBuffer.wrap(Http.problemBytes(forStatus(status, null), null));
  }
}
