package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.pactbridge.api.json.Json;

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
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(JSON)) {
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

  /** Reads {@code bytes} strictly into the reader's type, after checking them against {@code limits}. */
  static <T> T read(byte[] bytes, ObjectReader reader, JsonLimits limits) {
    limits.check(bytes);
    try {
      T value = reader.readValue(bytes);
      if (value == null) {
        throw ApiProblem.emptyBody();
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      throw ApiProblem.unknownField(e.getPropertyName(), pointer(e), String.join(", ", known));
    } catch (MismatchedInputException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Trailing token")) {
        throw malformed("content after the JSON value", e.getLocation());
      }
      if (message.startsWith("No content to map")) {
        throw ApiProblem.emptyBody();
      }
      Class<?> target = e.getTargetType();
      throw ApiProblem.wrongType(pointer(e), target == null ? "of another type" : expected(target));
    } catch (StreamReadException e) {
      String message = String.valueOf(e.getOriginalMessage());
      // Field names are safe to repeat; token text is not (it may be content), so only duplicates are named.
      String what = message.startsWith("Duplicate field") ? message.replace("Duplicate field", "duplicate field") : "not valid JSON";
      throw malformed(what, e.getLocation());
    } catch (JsonMappingException e) {
      throw ApiProblem.wrongType(pointer(e), "of another type");
    } catch (IOException e) {
      throw malformed("not valid JSON", null);
    }
  }

  private static ApiProblem malformed(String what, JsonLocation location) {
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    return ApiProblem.malformedJson("malformed JSON: " + what + " at line " + line + ", column " + column, line, column);
  }

  private static String expected(Class<?> target) {
    if (target == String.class) {
      return "a string";
    }
    if (target == Boolean.class || target == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(target)) {
      return "an array or a string";
    }
    return target.isRecord() ? "an object" : "a " + target.getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** A JSON pointer (RFC 6901) to where the mapping failed. */
  static String pointer(JsonMappingException e) {
    StringBuilder pointer = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      pointer.append('/');
      if (reference.getFieldName() != null) {
        pointer.append(reference.getFieldName().replace("~", "~0").replace("/", "~1"));
      } else if (reference.getIndex() >= 0) {
        pointer.append(reference.getIndex());
      }
    }
    return pointer.length() == 0 ? "/" : pointer.toString();
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
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", "urn:pactbridge:problem:" + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'));
    node.put("title", problem.title());
    node.put("status", problem.status());
    // Whatever built the problem, input is quoted here at most as a short, escaped excerpt (Excerpt).
    node.put("detail", Excerpt.of(problem.detail(), Excerpt.DETAIL));
    if (instance != null) {
      node.put("instance", Excerpt.of(instance, Excerpt.PATH));
    }
    node.put("code", problem.code());
    for (Map.Entry<String, Object> extension : problem.extensions().entrySet()) {
      Object value = extension.getValue();
      if (value instanceof String text) {
        node.put(extension.getKey(), Excerpt.of(text, extension.getKey().equals("token") ? Excerpt.TOKEN : Excerpt.PATH));
      } else {
        node.set(extension.getKey(), Json.MAPPER.valueToTree(value));
      }
    }
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a problem", e);
    }
  }
}
