package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.RequestException;

/**
 * Reading request bodies strictly and writing problems: the one place where HTTP bytes become values
 * and refusals become RFC 9457 documents. Error details name fields, positions and limits; they never
 * echo the offending bytes, which could be item content.
 */
final class Http {
  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  private Http() {}

  /** The body, at most {@code limit} bytes, as JSON. */
  static byte[] body(Context ctx, long limit) {
    return body(ctx, limit, JSON);
  }

  /** The request body, of media type {@code mediaType}, at most {@code limit} bytes. */
  static byte[] body(Context ctx, long limit, String mediaType) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(mediaType)) {
      throw ApiProblem.unsupportedMediaType(contentType);
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw ApiProblem.bodyTooLarge(limit);
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new ApiProblem(400, "BODY_UNREADABLE", "Body unreadable", "the request body could not be read");
    }
    if (bytes.length > limit) {
      throw ApiProblem.bodyTooLarge(limit);
    }
    if (bytes.length == 0) {
      throw ApiProblem.emptyBody();
    }
    return bytes;
  }

  /** Reads {@code bytes} strictly into the reader's type, after checking them against the default {@link JsonLimits}. */
  static <T> T read(byte[] bytes, ObjectReader reader) {
    return read(bytes, reader, JsonLimits.DEFAULT);
  }

  /** Reads {@code bytes} strictly into the reader's type (api's {@code Bodies.read}), after checking them against {@code limits}. */
  static <T> T read(byte[] bytes, ObjectReader reader, JsonLimits limits) {
    limits.check(bytes);
    try {
      return Bodies.read(bytes, reader);
    } catch (RequestException refused) {
      throw ApiProblem.badRequest(refused);
    }
  }

  static void json(Context ctx, int status, Object tree) {
    try {
      ctx.status(status).contentType(JSON).result(Json.MAPPER.writeValueAsBytes(tree));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  static void problem(Context ctx, ApiProblem problem) {
    ctx.status(problem.status()).contentType(PROBLEM_JSON).result(problemBytes(problem, ctx.path()));
  }

  /** The RFC 9457 document for {@code problem}; {@code instance} is the request path, if there is one. */
  static byte[] problemBytes(ApiProblem problem, String instance) {
    // Whatever built the problem, input is quoted here at most as a short, escaped excerpt (Excerpt).
    Map<String, Object> extensions = new LinkedHashMap<>();
    for (Map.Entry<String, Object> extension : problem.extensions().entrySet()) {
      Object value = extension.getValue();
      extensions.put(extension.getKey(),
          value instanceof String text ? Excerpt.of(text, extension.getKey().equals("token") ? Excerpt.TOKEN : Excerpt.PATH) : value);
    }
    return ApiWriter.problem(new ApiWriter.Problem(problem.status(), problem.code(), problem.title(), Excerpt.of(problem.detail(), Excerpt.DETAIL),
        instance == null ? null : Excerpt.of(instance, Excerpt.PATH), extensions));
  }

}
