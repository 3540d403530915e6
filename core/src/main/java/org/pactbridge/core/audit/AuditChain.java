package org.pactbridge.core.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The chaining rule: {@code hash = SHA-256(prevHash || body)}, with 32 zero bytes before the first
 * entry. Stateless and thread-safe; cost: one SHA-256 over 32 + body bytes.
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

  /** The entry that places {@code event} after {@code previous} (null: at the start of the chain). */
  public static AuditEntry next(AuditEntry previous, AuditEvent event) {
    long seq = previous == null ? 1 : previous.seq() + 1;
    byte[] prev = previous == null ? GENESIS_BYTES : previous.rawHash();
    return append(seq, prev, event);
  }

  /** The entry at {@code seq} linking to {@code prevHash}. */
  public static AuditEntry append(long seq, byte[] prevHash, AuditEvent event) {
    byte[] body = AuditCodec.encode(seq, event);
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
