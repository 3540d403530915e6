package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Limits on the shape of a JSON request body, checked in one streaming pass over its tokens before the
 * body is bound to a request type or anything is looked up: every string at most {@link #STRING}
 * characters (item {@code content} excepted: the body limit bounds it), every field name at most
 * {@link #NAME}, every list at most {@link #LIST} elements ({@code requests}: the batch limit), and
 * every string and name valid Unicode (a lone surrogate would be replaced silently when the text is
 * encoded, so the node would store or decide on something other than what was sent).
 *
 * <p>A body that is not JSON passes this check untouched; the strict reader then reports where it
 * breaks. Cost: one more tokenisation of the body, without building strings for values: for a single
 * decision's body about two thirds of what binding it costs (2.3 µs against 3.6 µs, timed on the
 * shared, loaded build machine), a few percent of a request. Immutable and thread-safe.
 */
final class JsonLimits {
  static final int STRING = 4096;
  static final int NAME = 128;
  static final int LIST = 1000;

  private static final JsonFactory FACTORY = new JsonFactory();

  /** The limits every body gets: {@code content} bounded by the body limit only, {@code requests} by the default batch limit. */
  static final JsonLimits DEFAULT = new JsonLimits(Map.of("content", Integer.MAX_VALUE), Map.of("requests", ServerConfig.DEFAULT_MAX_BATCH));

  private final Map<String, Integer> strings;
  private final Map<String, Integer> lists;

  private JsonLimits(Map<String, Integer> strings, Map<String, Integer> lists) {
    this.strings = Map.copyOf(strings);
    this.lists = Map.copyOf(lists);
  }

  /** These limits with lists named {@code field} allowed {@code max} elements. */
  JsonLimits withList(String field, int max) {
    Map<String, Integer> changed = new HashMap<>(lists);
    changed.put(field, max);
    return new JsonLimits(strings, changed);
  }

  /** Throws the {@link ApiProblem} for the first limit {@code body} breaks, naming where. */
  void check(byte[] body) {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        checkToken(parser, token);
      }
    } catch (IOException notJsonOrTooDeep) {
      // Malformed, or nested past the parser's depth limit: the strict reader reports it with its position.
    }
  }

  /**
   * {@code parser} with these limits checked on each token as it is read, for a body read as a stream
   * (a decision batch): the same checks as {@link #check(byte[])} in the same single pass that binds
   * the body, throwing the same {@link ApiProblem}s. Every way of advancing goes through {@code
   * nextToken}, so a reader that asks for the next name or text value is checked too.
   */
  JsonParser limited(JsonParser parser) {
    return new Limited(parser);
  }

  private void checkToken(JsonParser parser, JsonToken token) throws IOException {
    if (token == JsonToken.FIELD_NAME) {
      checkName(parser);
      return;
    }
    if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
      return;
    }
    JsonStreamContext holder = token.isStructStart() ? parser.getParsingContext().getParent() : parser.getParsingContext();
    if (holder != null && holder.inArray()) {
      String field = fieldOf(holder);
      int max = lists.getOrDefault(field, LIST);
      if (holder.getCurrentIndex() >= max) {
        throw ApiProblem.listTooLong(field, pointer(holder.getParent()), countRest(parser, token, holder.getCurrentIndex()), max);
      }
    }
    if (token == JsonToken.VALUE_STRING) {
      checkString(parser, holder);
    }
  }

  /** The checking parser: every advance is {@link #nextToken}, which checks the token it reaches. */
  private final class Limited extends JsonParserDelegate {
    Limited(JsonParser parser) {
      super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token != null) {
        checkToken(delegate, token);
      }
      return token;
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? delegate.currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(delegate.currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? delegate.getText() : null;
    }

    @Override
    public int nextIntValue(int defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getIntValue() : defaultValue;
    }

    @Override
    public long nextLongValue(long defaultValue) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? delegate.getLongValue() : defaultValue;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
        return this;
      }
      int open = 1;
      while (open > 0) {
        JsonToken token = nextToken();
        if (token == null) {
          return this;
        }
        if (token.isStructStart()) {
          open++;
        } else if (token.isStructEnd()) {
          open--;
        }
      }
      return this;
    }
  }

  private void checkName(JsonParser parser) throws IOException {
    String name = parser.currentName();
    JsonStreamContext object = parser.getParsingContext();
    if (name.length() > NAME) {
      throw ApiProblem.nameTooLong(pointer(object.getParent()), NAME);
    }
    int lone = loneSurrogate(name);
    if (lone >= 0) {
      throw ApiProblem.invalidUnicode(pointer(object.getParent()) + " (a field name)", lone);
    }
  }

  private void checkString(JsonParser parser, JsonStreamContext holder) throws IOException {
    int length = parser.getTextLength();
    int max = strings.getOrDefault(fieldOf(holder), STRING);
    if (length > max) {
      throw ApiProblem.fieldTooLong(pointer(holder), length, max);
    }
    int lone = loneSurrogate(parser.getTextCharacters(), parser.getTextOffset(), length);
    if (lone >= 0) {
      throw ApiProblem.invalidUnicode(pointer(holder), lone);
    }
  }

  /** The field a value belongs to: its own name in an object, the list's name in an array. */
  private static String fieldOf(JsonStreamContext holder) {
    if (holder.inObject()) {
      return holder.getCurrentName();
    }
    JsonStreamContext parent = holder.getParent();
    return parent != null && parent.inObject() ? parent.getCurrentName() : null;
  }

  /** Counts the elements of the list from the one just read to its end, without reading them. */
  private static int countRest(JsonParser parser, JsonToken current, int index) {
    int count = index + 1;
    try {
      if (current.isStructStart()) {
        parser.skipChildren();
      }
      JsonToken token;
      while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
        count++;
        if (token.isStructStart()) {
          parser.skipChildren();
        }
      }
    } catch (IOException brokenLater) {
      // the count so far is enough to refuse
    }
    return count;
  }

  private static String pointer(JsonStreamContext context) {
    if (context == null) {
      return "/";
    }
    String pointer = context.pathAsPointer().toString();
    return pointer.isEmpty() ? "/" : pointer;
  }

  /** The index of the first lone surrogate in {@code text}, or -1. */
  static int loneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first lone surrogate in the range, or -1. */
  static int loneSurrogate(char[] chars, int offset, int length) {
    for (int i = 0; i < length; i++) {
      char c = chars[offset + i];
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[offset + i + 1])) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return i;
      }
    }
    return -1;
  }
}
