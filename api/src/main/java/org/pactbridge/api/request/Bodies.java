package org.pactbridge.api.request;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.Locale;
import java.util.TreeSet;

/** The strict reader for request bodies. Thread-safe. */
public final class Bodies {
  /**
   * Fails on unknown fields, duplicate keys, trailing tokens and nulls for primitives; one value per
   * field. A value of another JSON type than the field's is refused, not converted: a number or a
   * boolean where a string is expected ({@code "to": 1} is not the party "1"), a string where a boolean
   * or a number is. A field that takes both says so with its own deserializer.
   */
  public static final ObjectMapper STRICT = strict();

  private Bodies() {}

  public static ObjectReader readerFor(Class<?> type) {
    return STRICT.readerFor(type);
  }

  /**
   * The strict reader for one value inside a stream ({@link #readValue}): the same checks, except that
   * what follows the value is the stream's business, not a trailing token.
   */
  public static ObjectReader streamReaderFor(Class<?> type) {
    return STRICT.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Reads {@code bytes} strictly into the reader's type: the one place where a JSON body becomes a
   * value. Refusals are {@link RequestException}s: {@code UNKNOWN_FIELD} and {@code WRONG_TYPE} name
   * the field by its JSON pointer, {@code MALFORMED_JSON} the line and column, {@code EMPTY_BODY}.
   * Details never echo the offending bytes, which could be item content; field names are safe to repeat.
   */
  public static <T> T read(byte[] bytes, ObjectReader reader) {
    try {
      T value = reader.readValue(bytes);
      if (value == null) {
        throw emptyBody();
      }
      return value;
    } catch (IOException e) {
      throw refusal(e, "");
    }
  }

  /**
   * Reads the one value that starts at {@code parser}'s current token strictly into the type of the reader
   * (from {@link #streamReaderFor}),
   * leaving the parser on the value's last token: a value inside a stream (an element of a batch, a
   * line of JSON Lines) read without building the whole document. Refusals are those of {@link
   * #read(byte[], ObjectReader)}; their JSON pointers start with {@code base} (say {@code
   * /requests/3}), and a malformed document names its line and column in the whole stream. An
   * unchecked exception the parser's input throws (a limit) passes through unwrapped.
   */
  public static <T> T readValue(JsonParser parser, ObjectReader reader, String base) {
    try {
      return reader.readValue(parser);
    } catch (IOException e) {
      for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
        if (cause instanceof RuntimeException unchecked && !(cause instanceof RequestException)) {
          throw unchecked;
        }
        if (cause instanceof RequestException refused) {
          throw refused;
        }
      }
      throw refusal(e, base);
    }
  }

  /** The refusal for a failed read; JSON pointers start with {@code base}. */
  public static RequestException refusal(IOException failure, String base) {
    try {
      throw failure;
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      String pointer = base + pointer(e);
      return new RequestException("UNKNOWN_FIELD", pointer, e.getPropertyName(), RequestException.NO_INDEX,
          "unknown field '" + e.getPropertyName() + "' at " + pointer + " (known fields: " + String.join(", ", known) + ")");
    } catch (MismatchedInputException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.startsWith("Trailing token")) {
        return malformed("content after the JSON value", e.getLocation());
      }
      if (message.startsWith("No content to map")) {
        return emptyBody();
      }
      Class<?> target = e.getTargetType();
      return wrongType(base + pointer(e), target == null ? "of another type" : expected(target));
    } catch (StreamReadException e) {
      String message = String.valueOf(e.getOriginalMessage());
      // Field names are safe to repeat; token text is not (it may be content), so only duplicates are named.
      String what = message.startsWith("Duplicate field") ? message.replace("Duplicate field", "duplicate field") : "not valid JSON";
      return malformed(what, e.getLocation());
    } catch (JsonMappingException e) {
      return wrongType(base + pointer(e), "of another type");
    } catch (IOException e) {
      return malformed("not valid JSON", null);
    }
  }

  /** {@code MALFORMED_JSON}: {@code what} is wrong at the parser's {@code location} (line and column), never quoting the input. */
  public static RequestException malformedAt(String what, JsonLocation location) {
    return malformed(what, location);
  }

  /** {@code WRONG_TYPE}: the value at {@code pointer} should be {@code expected} ("an object"). */
  public static RequestException wrongTypeAt(String pointer, String expected) {
    return wrongType(pointer, expected);
  }

  /** {@code UNKNOWN_FIELD}: {@code name} at {@code pointer} is not one of {@code known}. */
  public static RequestException unknownField(String pointer, String name, java.util.Collection<String> known) {
    return new RequestException("UNKNOWN_FIELD", pointer, name, RequestException.NO_INDEX,
        "unknown field '" + name + "' at " + pointer + " (known fields: " + String.join(", ", new TreeSet<>(known)) + ")");
  }

  private static RequestException emptyBody() {
    return new RequestException("EMPTY_BODY", "/", null, RequestException.NO_INDEX, "the request needs a JSON body");
  }

  private static RequestException wrongType(String pointer, String expected) {
    return new RequestException("WRONG_TYPE", pointer, null, RequestException.NO_INDEX, "the value at " + pointer + " should be " + expected);
  }

  private static RequestException malformed(String what, JsonLocation location) {
    int line = location == null ? 0 : location.getLineNr();
    int column = location == null ? 0 : location.getColumnNr();
    return new RequestException("MALFORMED_JSON", "/", null, RequestException.NO_INDEX, line, column,
        "malformed JSON: " + what + " at line " + line + ", column " + column);
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
  private static String pointer(JsonMappingException e) {
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

  private static ObjectMapper strict() {
    JsonMapper mapper = JsonMapper.builder()
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
    mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }
}
