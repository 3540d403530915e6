package org.pactbridge.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.time.DateSpec;

/**
 * Reading one field of a world file into a value, every failure a {@link WorldFormatException} at the
 * field's position. Needs nothing read before; for what does (parties, source ids) see {@link ReadContext}.
 */
final class Fields {
  private Fields() {}

  static Yaml required(Yaml parent, Map<String, Yaml> entries, String key) {
    Yaml value = entries.get(key);
    if (value == null || value.isNull()) {
      throw parent.error("missing required field '" + key + "'");
    }
    return value;
  }

  static PartyCode partyCode(Yaml node) {
    String text = node.text();
    try {
      return PartyCode.of(text);
    } catch (InvalidInputException e) {
      throw node.error("'" + text + "' is not a party code (three or four capital letters)");
    }
  }

  static DateSpec date(Yaml node) {
    String text = node.text();
    try {
      return DateSpec.parse(text);
    } catch (InvalidInputException e) {
      throw node.error("malformed date '" + text + "' (YYYY, YYYY-MM, YYYY-MM-DD or an instant with offset)");
    }
  }

  static <E extends Enum<E>> E enumValue(Yaml node, Class<E> type) {
    String text = node.text();
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      List<String> allowed = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        allowed.add(constant.name());
      }
      throw node.error("unknown value '" + text + "' (expected one of " + String.join(", ", allowed) + ")");
    }
  }

  /** A list of slugs (categories, activities...), each parsed and listed once. */
  static <T extends Enum<T>> Set<T> slugs(Yaml node, Function<String, T> parse) {
    Set<T> values = new LinkedHashSet<>();
    for (Yaml item : node.sequence()) {
      T value = slug(item, parse);
      if (!values.add(value)) {
        throw item.error("'" + item.text() + "' is listed twice");
      }
    }
    return values;
  }

  static <T> T slug(Yaml node, Function<String, T> parse) {
    try {
      return parse.apply(node.text());
    } catch (InvalidInputException e) {
      throw node.error(e.getMessage());
    }
  }

  static boolean flag(Map<String, Yaml> fields, String key) {
    return fields.containsKey(key) && fields.get(key).bool();
  }

  /** The text of an optional field, empty when absent. */
  static String text(Map<String, Yaml> fields, String key) {
    return fields.containsKey(key) && !fields.get(key).isNull() ? fields.get(key).text() : "";
  }

  /** The text of an optional field, null when absent. */
  static String optionalText(Map<String, Yaml> fields, String key) {
    return fields.containsKey(key) && !fields.get(key).isNull() ? fields.get(key).text() : null;
  }
}
