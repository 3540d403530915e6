package org.pactbridge.store;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;

/**
 * The logistics terms of a provisions version as one text column: one {@code key=value} line per field,
 * lists separated by {@code ,}, an area restriction's fields by {@code |}, and {@code % , | = CR LF}
 * inside a value percent-escaped. Deterministic, so two equal terms encode equally. Stateless.
 */
final class LogisticsCodec {
  private LogisticsCodec() {}

  static String encode(LogisticsTerms terms) {
    if (terms == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    line(out, "categories", slugs(terms.categories(), Category::slug));
    line(out, "excluded", slugs(terms.excluded(), Category::slug));
    List<String> conditions = new ArrayList<>();
    terms.conditions().forEach((category, activities) -> conditions.add(escape(category.slug() + ":" + String.join(" ",
        activities.stream().map(Activity::slug).toList()))));
    line(out, "conditions", String.join(",", conditions));
    line(out, "conditions-assumed", String.valueOf(terms.conditionsAssumed()));
    line(out, "activities", slugs(terms.activities(), Activity::slug));
    line(out, "reimbursement", slugs(terms.reimbursementModes(), ReimbursementMode::slug));
    line(out, "settlement", terms.settlementPeriod().toString());
    line(out, "settlement-assumed", String.valueOf(terms.settlementAssumed()));
    line(out, "assumed", String.valueOf(terms.assumed()));
    line(out, "sources", list(terms.sources()));
    line(out, "note", escape(terms.note()));
    for (AreaRestriction area : terms.areaRestrictions()) {
      line(out, "area", String.join("|", area.supplier().value(), area.supporting() == null ? "" : area.supporting().value(),
          area.rule().name(), list(area.zones()), area.from() == null ? "" : area.from().toString(), String.valueOf(area.assumed()),
          list(area.sources()), escape(area.note())));
    }
    return out.toString();
  }

  static LogisticsTerms decode(String text) {
    if (text == null) {
      return null;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> areas = new ArrayList<>();
    for (String line : text.split("\n")) {
      int equals = line.indexOf('=');
      String key = line.substring(0, equals);
      String value = line.substring(equals + 1);
      if (key.equals("area")) {
        areas.add(value);
      } else {
        fields.put(key, value);
      }
    }
    LogisticsTerms.Builder terms = LogisticsTerms.builder()
        .categories(parse(fields.get("categories"), Category::parse, Category.class))
        .exclude(parse(fields.get("excluded"), Category::parse, Category.class))
        .activities(parse(fields.get("activities"), Activity::parse, Activity.class))
        .reimbursementModes(parse(fields.get("reimbursement"), ReimbursementMode::parse, ReimbursementMode.class))
        .settlementPeriod(Period.parse(fields.get("settlement")), Boolean.parseBoolean(fields.get("settlement-assumed")))
        .assumed(Boolean.parseBoolean(fields.get("assumed")))
        .sources(unlist(fields.get("sources")))
        .note(unescape(fields.get("note")));
    boolean conditionsAssumed = Boolean.parseBoolean(fields.get("conditions-assumed"));
    for (String condition : unlist(fields.get("conditions"))) {
      int colon = condition.indexOf(':');
      Set<Activity> activities = EnumSet.noneOf(Activity.class);
      for (String slug : condition.substring(colon + 1).split(" ")) {
        if (!slug.isEmpty()) {
          activities.add(Activity.parse(slug));
        }
      }
      terms.onlyIn(Category.parse(condition.substring(0, colon)), activities, conditionsAssumed);
    }
    for (String area : areas) {
      String[] parts = area.split("\\|", -1);
      terms.areaRestriction(new AreaRestriction(PartyCode.of(parts[0]), parts[1].isEmpty() ? null : PartyCode.of(parts[1]),
          AreaRestriction.Rule.valueOf(parts[2]), unlist(parts[3]), parts[4].isEmpty() ? null : Instant.parse(parts[4]),
          Boolean.parseBoolean(parts[5]), unlist(parts[6]), unescape(parts[7])));
    }
    return terms.build();
  }

  private static void line(StringBuilder out, String key, String value) {
    out.append(key).append('=').append(value).append('\n');
  }

  private static <E> String slugs(Set<E> values, Function<E, String> slug) {
    return String.join(",", values.stream().map(slug).toList());
  }

  private static <E extends Enum<E>> Set<E> parse(String list, Function<String, E> parse, Class<E> type) {
    Set<E> values = EnumSet.noneOf(type);
    for (String slug : unlist(list)) {
      values.add(parse.apply(slug));
    }
    return values;
  }

  private static String list(List<String> values) {
    return String.join(",", values.stream().map(LogisticsCodec::escape).toList());
  }

  private static List<String> unlist(String text) {
    List<String> values = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return values;
    }
    for (String value : text.split(",", -1)) {
      values.add(unescape(value));
    }
    return values;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '%', ',', '|', '=', '\n', '\r' -> out.append('%').append(String.format("%02X", (int) c));
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String unescape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 2 < text.length()) {
        out.append((char) Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
