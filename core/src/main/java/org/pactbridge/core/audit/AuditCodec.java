package org.pactbridge.core.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.party.PartyCode;

/**
 * The canonical encodings of an audit entry's body (docs/audit-chain.md). UTF-8 text, one field a line,
 * each line {@code name=value} ended by a single LF. Format v3, which the store writes, has the lines of
 * v2 under its own first line; a v3 entry is also a leaf of the log's Merkle tree, and its commit ends
 * with a signed tree head (a v2 {@link Checkpoint}). Format v2 (and v3 but for the first line):
 *
 * <pre>
 * pactbridge-audit-v2
 * seq=42
 * commit=41-43
 * at=2011-01-05T00:00:00Z
 * kind=ITEM_ADDED
 * subject=item-1
 * actor.id=6f1c…
 * actor.name=kim
 * actor.nation=KOR
 * level=KOR:II
 * </pre>
 *
 * Format v1, written before entries named people and commits, and still read:
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
 * The fixed lines come in this order; details follow sorted by key. Numbers are decimal without leading
 * zeros, {@code at} is {@link Instant#toString()}. Decoding is strict: anything but exactly one of these
 * forms is rejected, so one entry has exactly one encoding. Stateless and thread-safe.
 */
public final class AuditCodec {
  /** The first line of a v1 body. */
  public static final String MAGIC_V1 = "pactbridge-audit-v1";

  /** The first line of a v2 body. */
  public static final String MAGIC_V2 = "pactbridge-audit-v2";

  /** The first line of a v3 body: the v2 lines, in a chain whose commits sign Merkle tree heads. */
  public static final String MAGIC_V3 = "pactbridge-audit-v3";

  /** Decimal without leading zeros, at most 19 digits (precompiled: decoding runs once per entry verified). */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[1-9][0-9]{0,18}");

  private AuditCodec() {}

  /** A decoded body: its format (1, 2 or 3), sequence number, commit (null for v1) and event. */
  public record Decoded(int format, long seq, CommitRange commit, AuditEvent event) {}

  /** The v3 bytes of an event placed at {@code seq}, one of the entries of {@code commit}: what the store writes. */
  public static byte[] encode(long seq, CommitRange commit, AuditEvent event) {
    return encode(MAGIC_V3, seq, commit, event);
  }

  /**
   * The v2 bytes of an event placed at {@code seq}. The store no longer writes v2; this is for tools and
   * tests that reproduce chains written before v3.
   */
  public static byte[] encodeV2(long seq, CommitRange commit, AuditEvent event) {
    return encode(MAGIC_V2, seq, commit, event);
  }

  private static byte[] encode(String magic, long seq, CommitRange commit, AuditEvent event) {
    if (!commit.contains(seq)) {
      throw new IllegalArgumentException("entry " + seq + " is not in its commit " + commit);
    }
    AuditActor actor = event.actor();
    if (actor.isV1()) {
      throw AuditException.invalidField("actor.id", "missing: a v2 entry names the acting user");
    }
    StringBuilder out = new StringBuilder(192);
    out.append(magic).append('\n');
    out.append("seq=").append(seq).append('\n');
    out.append("commit=").append(commit).append('\n');
    out.append("at=").append(event.at()).append('\n');
    out.append("kind=").append(event.kind()).append('\n');
    out.append("subject=").append(event.subject()).append('\n');
    out.append("actor.id=").append(actor.userId()).append('\n');
    out.append("actor.name=").append(actor.userName()).append('\n');
    out.append("actor.nation=").append(actor.nationCode()).append('\n');
    appendDetails(out, event);
    return Utf8.encode(out.toString());
  }

  /**
   * The v1 bytes of an event placed at {@code seq}. The store no longer writes v1; this is for tools and
   * tests that reproduce chains written before v2. The actor must be a {@linkplain AuditActor#v1 v1
   * actor}: v1 has one text for it and no room for an id or a nation.
   */
  public static byte[] encodeV1(long seq, AuditEvent event) {
    if (seq < 1) {
      throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
    }
    if (!event.actor().isV1()) {
      throw AuditException.invalidField("actor", "a v1 body names its actor by one text, without id or nation");
    }
    StringBuilder out = new StringBuilder(128);
    out.append(MAGIC_V1).append('\n');
    out.append("seq=").append(seq).append('\n');
    out.append("at=").append(event.at()).append('\n');
    out.append("kind=").append(event.kind()).append('\n');
    out.append("actor=").append(event.actor().userName()).append('\n');
    out.append("subject=").append(event.subject()).append('\n');
    appendDetails(out, event);
    return Utf8.encode(out.toString());
  }

  private static void appendDetails(StringBuilder out, AuditEvent event) {
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      out.append(detail.getKey()).append('=').append(detail.getValue()).append('\n');
    }
  }

  /** Reads canonical bytes of either format; throws {@link AuditException} naming the byte index of the first fault. */
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
    if (lines[0].equals(MAGIC_V3)) {
      return decodeV2(lines, offsets, 3);
    }
    if (lines[0].equals(MAGIC_V2)) {
      return decodeV2(lines, offsets, 2);
    }
    if (lines[0].equals(MAGIC_V1)) {
      return decodeV1(lines, offsets);
    }
    throw AuditException.malformedEntry(0, "expected '" + MAGIC_V1 + "', '" + MAGIC_V2 + "' or '" + MAGIC_V3 + "'");
  }

  private static Decoded decodeV1(String[] lines, int[] offsets) {
    if (lines.length < 6) {
      throw AuditException.malformedEntry(0, "expected '" + MAGIC_V1 + "' and five fixed fields");
    }
    long seq = number(lines, offsets, 1, "seq");
    Instant at = instant(lines, offsets, 2);
    String kind = field(lines, offsets, 3, "kind");
    String actor = field(lines, offsets, 4, "actor");
    String subject = field(lines, offsets, 5, "subject");
    TreeMap<String, String> details = details(lines, offsets, 6);
    AuditEvent event;
    try {
      event = new AuditEvent(at, kind, AuditActor.v1(actor), subject, details);
    } catch (AuditException e) {
      throw AuditException.malformedEntry(0, e.getMessage());
    }
    return new Decoded(1, seq, null, event);
  }

  /** Format v2 or v3 ({@code format}): the same lines under their own first line. */
  private static Decoded decodeV2(String[] lines, int[] offsets, int format) {
    if (lines.length < 9) {
      throw AuditException.malformedEntry(0, "expected '" + lines[0] + "' and eight fixed fields");
    }
    long seq = number(lines, offsets, 1, "seq");
    String commitText = field(lines, offsets, 2, "commit");
    int dash = commitText.indexOf('-');
    if (dash < 0 || !NUMBER.matcher(commitText.substring(0, dash)).matches() || !NUMBER.matcher(commitText.substring(dash + 1)).matches()) {
      throw AuditException.malformedEntry(offsets[2], "commit is not first-last in decimal without leading zeros");
    }
    CommitRange commit;
    try {
      commit = new CommitRange(Long.parseLong(commitText.substring(0, dash)), Long.parseLong(commitText.substring(dash + 1)));
    } catch (IllegalArgumentException e) {
      throw AuditException.malformedEntry(offsets[2], "commit " + commitText + " is not a range of entries");
    }
    if (!commit.contains(seq)) {
      throw AuditException.malformedEntry(offsets[2], "entry " + seq + " is outside its commit " + commit);
    }
    Instant at = instant(lines, offsets, 3);
    String kind = field(lines, offsets, 4, "kind");
    String subject = field(lines, offsets, 5, "subject");
    String actorId = field(lines, offsets, 6, "actor.id");
    String actorName = field(lines, offsets, 7, "actor.name");
    String nationText = field(lines, offsets, 8, "actor.nation");
    PartyCode nation = null;
    if (!nationText.isEmpty()) {
      try {
        nation = PartyCode.of(nationText);
      } catch (InvalidInputException e) {
        throw AuditException.malformedEntry(offsets[8], "actor.nation is not a party code");
      }
    }
    if (actorId.isEmpty()) {
      throw AuditException.malformedEntry(offsets[6], "actor.id is empty");
    }
    TreeMap<String, String> details = details(lines, offsets, 9);
    AuditEvent event;
    try {
      event = new AuditEvent(at, kind, new AuditActor(actorId, actorName, nation), subject, details);
    } catch (AuditException e) {
      throw AuditException.malformedEntry(0, e.getMessage());
    }
    return new Decoded(format, seq, commit, event);
  }

  private static long number(String[] lines, int[] offsets, int index, String name) {
    String text = field(lines, offsets, index, name);
    if (!NUMBER.matcher(text).matches()) {
      throw AuditException.malformedEntry(offsets[index], name + " is not a positive decimal without leading zeros");
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw AuditException.malformedEntry(offsets[index], name + " out of range");
    }
  }

  private static Instant instant(String[] lines, int[] offsets, int index) {
    String atText = field(lines, offsets, index, "at");
    Instant at;
    try {
      at = Instant.parse(atText);
    } catch (DateTimeParseException e) {
      throw AuditException.malformedEntry(offsets[index], "at is not an ISO-8601 instant");
    }
    if (!at.toString().equals(atText)) {
      throw AuditException.malformedEntry(offsets[index], "at is not in canonical form (" + at + ")");
    }
    return at;
  }

  private static TreeMap<String, String> details(String[] lines, int[] offsets, int from) {
    TreeMap<String, String> details = new TreeMap<>();
    String previousKey = null;
    for (int i = from; i < lines.length; i++) {
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
    return details;
  }

  private static String field(String[] lines, int[] offsets, int index, String name) {
    String prefix = name + "=";
    if (!lines[index].startsWith(prefix)) {
      throw AuditException.malformedEntry(offsets[index], "expected field '" + name + "'");
    }
    return lines[index].substring(prefix.length());
  }
}
