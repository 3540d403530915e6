package org.pactbridge.core.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened, before it is given a place in the chain: when ({@code at}), what ({@code kind}, such
 * as {@code ITEM_ADDED}), who did it ({@code actor}: the acting user, their name and nation), to what
 * ({@code subject}: an identifier), and details as key/value pairs. Every field carries identifiers,
 * codes and markings only, never item content. Validated on construction so that the canonical encoding
 * is unambiguous: kinds are {@code [A-Z][A-Z0-9_]*}; detail keys are {@code [a-z][a-z0-9.-]*} and not a
 * name the body itself uses ({@link #RESERVED}, or {@code actor.} followed by anything); no text may
 * contain a control character (below U+0020, or U+007F).
 */
public record AuditEvent(Instant at, String kind, AuditActor actor, String subject, SortedMap<String, String> details) {
  private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final java.util.regex.Pattern DETAIL_KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9.-]{0,63}");


  /** Field names of the v1 and v2 bodies, which a detail may not take. */
  public static final Set<String> RESERVED = Set.of("seq", "at", "kind", "actor", "subject", "commit");

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    if (kind == null || !KIND.matcher(kind).matches()) {
      throw AuditException.invalidField("kind", "expected [A-Z][A-Z0-9_]*, got '" + kind + "'");
    }
    Objects.requireNonNull(actor, "actor");
    requireText("subject", subject);
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> detail : details.entrySet()) {
      String key = detail.getKey();
      if (!isDetailKey(key)) {
        throw AuditException.invalidField("details", "detail key '" + key + "' is not [a-z][a-z0-9.-]* or is reserved");
      }
      requireText("details." + key, detail.getValue());
      copy.put(key, detail.getValue());
    }
    details = Collections.unmodifiableSortedMap(copy);
  }

  /** Whether {@code key} may name a detail: the pattern, and not a field of the body. */
  public static boolean isDetailKey(String key) {
    return key != null && DETAIL_KEY.matcher(key).matches() && !RESERVED.contains(key) && !key.startsWith("actor.");
  }

  /** An event with details given as alternating keys and values. */
  public static AuditEvent of(Instant at, String kind, AuditActor actor, String subject, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("details come in key/value pairs");
    }
    TreeMap<String, String> details = new TreeMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      details.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return new AuditEvent(at, kind, actor, subject, details);
  }

  static void requireText(String field, String value) {
    if (value == null) {
      throw AuditException.invalidField(field, "missing");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw AuditException.invalidField(field, "control character U+" + String.format("%04X", (int) c) + " at index " + i);
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw AuditException.invalidField(field, "unpaired surrogate at index " + i);
      }
    }
  }
}
