package org.pactbridge.api.request;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import java.io.IOException;

/**
 * For a decimal field that takes a JSON number or a string ({@code "quantity": 20000} or
 * {@code "quantity": "20000"}): the number's text exactly as sent, so nothing is lost to a binary
 * float. Anything else is the strict reader's wrong-type error. Stateless.
 */
public final class NumberOrText extends StdScalarDeserializer<String> {
  private static final long serialVersionUID = 1L;

  public NumberOrText() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING || token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getText();
    }
    return (String) context.handleUnexpectedToken(String.class, parser);
  }
}
