package org.pactbridge.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pactbridge.api.request.RequestException;

/**
 * A request the server refuses, as an RFC 9457 problem: the HTTP status, a stable reason {@code code},
 * a short title and a detail that names what is wrong and where. Details carry field names,
 * identifiers, positions and markings, never item content and never a stack trace. One factory per
 * reason, so tests can pin the code.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String title;
  private final transient Map<String, Object> extensions;

  public ApiProblem(int status, String code, String title, String detail) {
    this(status, code, title, detail, Map.of());
  }

  public ApiProblem(int status, String code, String title, String detail, Map<String, Object> extensions) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.extensions = new LinkedHashMap<>(extensions);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public Map<String, Object> extensions() {
    return extensions;
  }

  public static ApiProblem unauthenticated(String detail) {
    return new ApiProblem(401, "UNAUTHENTICATED", "Authentication required", detail);
  }

  public static ApiProblem forbidden(String endpoint, String roles) {
    return new ApiProblem(403, "FORBIDDEN", "Role not allowed", "this endpoint (" + endpoint + ") needs one of the roles: " + roles);
  }

  public static ApiProblem notFound(String what) {
    return new ApiProblem(404, "NOT_FOUND", "Not found", what);
  }

  public static ApiProblem bodyTooLarge(long limit) {
    return new ApiProblem(413, "BODY_TOO_LARGE", "Request body too large", "the request body exceeds the limit of " + limit + " bytes");
  }

  public static ApiProblem unsupportedMediaType(String contentType) {
    return new ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type",
        "expected Content-Type application/json, got " + (contentType == null ? "none" : "'" + contentType + "'"));
  }

  public static ApiProblem emptyBody() {
    return new ApiProblem(400, "EMPTY_BODY", "Empty body", "the request needs a JSON body");
  }

  public static ApiProblem tooManyRequests(int count, int limit) {
    return new ApiProblem(400, "BATCH_TOO_LARGE", "Batch too large", "the batch holds " + count + " requests; the limit is " + limit);
  }

  public static ApiProblem fieldTooLong(String pointer, int length, int limit) {
    return new ApiProblem(400, "FIELD_TOO_LONG", "Field too long", "the string at " + pointer + " has " + length + " characters; the limit is " + limit,
        Map.of("pointer", pointer, "limit", limit));
  }

  public static ApiProblem nameTooLong(String pointer, int limit) {
    return new ApiProblem(400, "FIELD_NAME_TOO_LONG", "Field name too long",
        "a field name in the object at " + pointer + " is longer than " + limit + " characters", Map.of("pointer", pointer, "limit", limit));
  }

  /** A list over its limit; the batch's {@code requests} keeps its own code. */
  public static ApiProblem listTooLong(String field, String pointer, int count, int limit) {
    if ("requests".equals(field)) {
      return tooManyRequests(count, limit);
    }
    return new ApiProblem(400, "LIST_TOO_LONG", "List too long", "the list at " + pointer + " has " + count + " elements; the limit is " + limit,
        Map.of("pointer", pointer, "limit", limit));
  }

  public static ApiProblem invalidUnicode(String pointer, int index) {
    return new ApiProblem(400, "INVALID_UNICODE", "Invalid text",
        "the string at " + pointer + " holds a lone surrogate at character " + index + " (text must be valid Unicode)", Map.of("pointer", pointer));
  }

  public static ApiProblem badParameter(String name, String detail) {
    return new ApiProblem(400, "BAD_PARAMETER", "Bad query parameter", "query parameter '" + name + "': " + detail, Map.of("parameter", name));
  }

  /**
   * A request api's reader refused. A body that is not JSON or does not map names the line and column
   * or the JSON pointer; a release request's field names its token, the field and, for a marking or a
   * date, the position of the first wrong character.
   */
  public static ApiProblem badRequest(RequestException refused) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    switch (refused.code()) {
      case "EMPTY_BODY" -> {
        return emptyBody();
      }
      case "MALFORMED_JSON" -> {
        extensions.put("line", refused.line());
        extensions.put("column", refused.column());
        return new ApiProblem(400, refused.code(), "Malformed JSON", refused.getMessage(), extensions);
      }
      case "UNKNOWN_FIELD", "WRONG_TYPE" -> {
        extensions.put("pointer", refused.field());
        return new ApiProblem(400, refused.code(), refused.code().equals("WRONG_TYPE") ? "Wrong type" : "Unknown field", refused.getMessage(),
            extensions);
      }
      default -> {
        extensions.put("token", String.valueOf(refused.token()));
        extensions.put("field", refused.field());
        if (refused.index() != RequestException.NO_INDEX) {
          extensions.put("position", refused.index());
        }
        return new ApiProblem(400, refused.code(), "Bad input", Excerpt.detail(refused.getMessage(), refused.token()), extensions);
      }
    }
  }

  public static ApiProblem conflict(String code, String detail) {
    return new ApiProblem(409, code, "Conflict", detail);
  }
}
