package org.pactbridge.core.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The chaining rule: {@code hash = SHA-256(prevHash || body)}, with 32 zero bytes before the first
 * entry, and the building of commits: entries appended together, each of whose v2 bodies names the
 * commit. Stateless and thread-safe; cost: one SHA-256 over 32 + body bytes per entry.
 */
public final class AuditChain {
  /** The previous hash of entry 1. */
  private static final byte[] GENESIS_BYTES = new byte[32];

  private AuditChain() {}

  /** 32 zero bytes: what entry 1 links to. */
  public static byte[] genesis() {
    return GENESIS_BYTES.clone();
  }

  public static byte[] hash(byte[] prevHash, byte[] body) {
    if (prevHash.length != 32) {
      throw new IllegalArgumentException("a previous hash is 32 bytes, not " + prevHash.length);
    }
    MessageDigest sha256 = sha256();
    sha256.update(prevHash);
    sha256.update(body);
    return sha256.digest();
  }

  /** The entry that places {@code event} after {@code previous} (null: at the start), as a commit of its own. */
  public static AuditEntry next(AuditEntry previous, AuditEvent event) {
    long seq = previous == null ? 1 : previous.seq() + 1;
    byte[] prev = previous == null ? GENESIS_BYTES : previous.rawHash();
    return append(seq, prev, event);
  }

  /** The v3 entry at {@code seq} linking to {@code prevHash}, as a commit of its own. */
  public static AuditEntry append(long seq, byte[] prevHash, AuditEvent event) {
    return commit(seq, prevHash, List.of(event)).get(0);
  }

  /**
   * One commit: {@code events} placed at {@code firstSeq}, {@code firstSeq + 1}, …, the first linking to
   * {@code prevHash}, each v3 body naming the commit's first and last entry.
   */
  public static List<AuditEntry> commit(long firstSeq, byte[] prevHash, List<AuditEvent> events) {
    return commit(firstSeq, prevHash, events, 3);
  }

  /** As {@link #commit(long, byte[], List)} in v2 bodies: for tools and tests that reproduce chains written before v3. */
  public static List<AuditEntry> commitV2(long firstSeq, byte[] prevHash, List<AuditEvent> events) {
    return commit(firstSeq, prevHash, events, 2);
  }

  private static List<AuditEntry> commit(long firstSeq, byte[] prevHash, List<AuditEvent> events, int format) {
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a commit holds at least one entry");
    }
    CommitRange range = new CommitRange(firstSeq, firstSeq + events.size() - 1);
    List<AuditEntry> entries = new ArrayList<>(events.size());
    byte[] prev = prevHash;
    long seq = firstSeq;
    for (AuditEvent event : events) {
      byte[] body = format == 3 ? AuditCodec.encode(seq, range, event) : AuditCodec.encodeV2(seq, range, event);
      byte[] hash = hash(prev, body);
      entries.add(new AuditEntry(seq, prev, body, hash));
      prev = hash;
      seq++;
    }
    return entries;
  }

  /** The v1 entry at {@code seq}: for tools and tests that reproduce chains written before v2. */
  public static AuditEntry appendV1(long seq, byte[] prevHash, AuditEvent event) {
    byte[] body = AuditCodec.encodeV1(seq, event);
    return new AuditEntry(seq, prevHash, body, hash(prevHash, body));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
