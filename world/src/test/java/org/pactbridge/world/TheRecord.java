package org.pactbridge.world;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pactbridge.core.time.DateSpec;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The research record (agreements-reference.yaml) as the tests read it: so that a scenario takes its
 * dates from the record, not from constants of its own.
 */
final class TheRecord {
  private static final Map<String, Object> RECORD = load();

  private TheRecord() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try {
      String text = Files.readString(ReferenceWorldTest.RECORD, StandardCharsets.UTF_8);
      return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record's entry for an agreement of its {@code agreements} section. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> agreement(String id) {
    return ((List<Map<String, Object>>) RECORD.get("agreements")).stream()
        .filter(entry -> id.equals(entry.get("id"))).findFirst().orElseThrow(() -> new AssertionError("not in the record: " + id));
  }

  /** A date field of an agreement ({@code signed} or {@code effective}), as the record writes it. */
  @SuppressWarnings("unchecked")
  static String date(String id, String field) {
    return String.valueOf(((Map<String, Object>) agreement(id).get(field)).get("date"));
  }

  /** The field's {@code confidence}, or null. */
  @SuppressWarnings("unchecked")
  static String confidence(String id, String field) {
    Object confidence = ((Map<String, Object>) agreement(id).get(field)).get("confidence");
    return confidence == null ? null : confidence.toString();
  }

  /** The date of the first status_history entry whose event contains {@code text}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> history(String id, String text) {
    return ((List<Map<String, Object>>) agreement(id).get("status_history")).stream()
        .filter(entry -> String.valueOf(entry.get("event")).contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError(id + " has no status_history entry with '" + text + "'"));
  }

  /** The first group of {@code pattern} in the agreement's scope notes (and other facts), all as text. */
  static String inNotes(String id, String pattern) {
    Matcher matcher = Pattern.compile(pattern).matcher(agreement(id).toString());
    if (!matcher.find()) {
      throw new AssertionError(id + " has nothing matching " + pattern);
    }
    return matcher.group(1);
  }

  /** The record's korea_partners entry for a partner whose instrument contains {@code text}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> koreaPartner(String partner, String text) {
    return ((List<Map<String, Object>>) RECORD.get("korea_partners")).stream()
        .filter(entry -> partner.equals(entry.get("partner")) && String.valueOf(entry.get("instrument")).contains(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no korea_partners entry " + partner + " / " + text));
  }

  /** A top-level section of the record. */
  static Object section(String name) {
    return RECORD.get(name);
  }

  /** A list nested in a top-level section: {@code list("counts", "korea_gsomia_partners")}. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(String section, String key) {
    return (List<Map<String, Object>>) ((Map<String, Object>) RECORD.get(section)).get(key);
  }

  /** A nation's classification system whose name contains {@code text}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> nationSystem(String code, String text) {
    Map<String, Object> nation = ((List<Map<String, Object>>) RECORD.get("nations")).stream()
        .filter(entry -> code.equals(entry.get("code"))).findFirst().orElseThrow();
    return ((List<Map<String, Object>>) nation.get("systems")).stream()
        .filter(system -> String.valueOf(system.get("system")).contains(text)).findFirst().orElseThrow();
  }

  /** The start of a day the record writes as {@code YYYY-MM-DD}. */
  static Instant day(String date) {
    return DateSpec.parseInstant(date);
  }

  /** The day before. */
  static Instant dayBefore(String date) {
    return day(date).minusSeconds(86_400);
  }

  /** The day after. */
  static Instant dayAfter(String date) {
    return day(date).plusSeconds(86_400);
  }
}
