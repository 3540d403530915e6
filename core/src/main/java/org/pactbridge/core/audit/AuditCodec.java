package org.pactbridge.core.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The canonical encoding of an audit entry's body (docs/audit-chain.md). UTF-8 text, one field a line,
 * each line {@code name=value} ended by a single LF:
 *
 * <pre>
 * pactbridge-audit-v1
 * seq=42
 * at=2011-01-05T00:00:00Z
 * kind=ITEM_ADDED
 * actor=KOR
 * subject=item-1
 * level=KOR:II
 * </pre>
 *
 * The first six lines are fixed in order; details follow sorted by key. {@code seq} is decimal without
 * leading zeros, {@code at} is {@link Instant#toString()}. Decoding is strict: anything but exactly this
 * form is rejected, so one entry has exactly one encoding. Stateless and thread-safe.
 */
public final class AuditCodec {
  /** The first line of every body. */
  public static final String MAGIC = "pactbridge-audit-v1";

  static final Set<String> RESERVED = Set.of("seq", "at", "kind", "actor", "subject");

  private AuditCodec() {}

  /** The canonical bytes of an event placed at {@code seq} (1 for the first entry). */
  public static byte[] encode(long seq, AuditEvent event) {
    if (seq < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
    }
    StringBuilder out = new StringBuilder(128);
    out.append(MAGIC).append('\n');
    out.append("seq=").append(seq).append('\n');
    out.append("at=").append(event.at()).append('\n');
    out.append("kind=").append(event.kind()).append('\n');
    out.append("actor=").append(event.actor()).append('\n');
    out.append("subject=").append(event.subject()).append('\n');
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      out.append(detail.getKey()).append('=').append(detail.getValue()).append('\n');
    }
    return Utf8.encode(out.toString());
  }

  /** A decoded body: its sequence number and event. */
  public record Decoded(long seq, AuditEvent event) {}

  /** Reads canonical bytes back; throws {@link AuditException} naming the byte index of the first fault. */
  public static Decoded decode(byte[] body) {
    String text;
    try {
      text = Utf8.decode(body);
    } catch (Utf8.MalformedException e) {
      throw AuditException.malformedEntry(e.index(), "not valid UTF-8");
    }
    if (!text.endsWith("\n")) {
      throw AuditException.malformedEntry(body.length, "the last line is not ended by LF");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    int[] offsets = new int[lines.length];
    int offset = 0;
    for (int i = 0; i < lines.length; i++) {
      offsets[i] = offset;
      offset += Utf8.encode(lines[i]).length + 1;
    }
    if (lines.length < 6 || !lines[0].equals(MAGIC)) {
      throw AuditException.malformedEntry(0, "expected '" + MAGIC + "' and five fixed fields");
    }
    String seqText = field(lines, offsets, 1, "seq");
    if (!seqText.matches("[1-9][0-9]{0,18}")) {
      throw AuditException.malformedEntry(offsets[1], "seq is not a positive decimal without leading zeros");
    }
    long seq;
    try {
      seq = Long.parseLong(seqText);
    } catch (NumberFormatException e) {
      throw AuditException.malformedEntry(offsets[1], "seq out of range");
    }
    String atText = field(lines, offsets, 2, "at");
    Instant at;
    try {
      at = Instant.parse(atText);
    } catch (DateTimeParseException e) {
      throw AuditException.malformedEntry(offsets[2], "at is not an ISO-8601 instant");
    }
    if (!at.toString().equals(atText)) {
      throw AuditException.malformedEntry(offsets[2], "at is not in canonical form (" + at + ")");
    }
    String kind = field(lines, offsets, 3, "kind");
    String actor = field(lines, offsets, 4, "actor");
    String subject = field(lines, offsets, 5, "subject");
    TreeMap<String, String> details = new TreeMap<>();
    String previousKey = null;
    for (int i = 6; i < lines.length; i++) {
      int equals = lines[i].indexOf('=');
      if (equals < 1) {
        throw AuditException.malformedEntry(offsets[i], "expected key=value");
      }
      String key = lines[i].substring(0, equals);
      if (previousKey != null && key.compareTo(previousKey) <= 0) {
        throw AuditException.malformedEntry(offsets[i], "detail keys must be sorted and unique: '" + key + "'");
      }
      previousKey = key;
      details.put(key, lines[i].substring(equals + 1));
    }
    AuditEvent event;
    try {
      event = new AuditEvent(at, kind, actor, subject, details);
    } catch (AuditException e) {
      throw AuditException.malformedEntry(0, e.getMessage());
    }
    return new Decoded(seq, event);
  }

  private static String field(String[] lines, int[] offsets, int index, String name) {
    String prefix = name + "=";
    if (!lines[index].startsWith(prefix)) {
      throw AuditException.malformedEntry(offsets[index], "expected field '" + name + "'");
    }
    return lines[index].substring(prefix.length());
  }
}
