package org.pactbridge.core.audit;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An entry as stored: its sequence number (1, 2, 3, … with no gaps), the previous entry's hash
 * (32 zero bytes, {@link AuditChain#genesis()}, for the first), its canonical body, and its hash
 * {@code SHA-256(prevHash || body)}. Arrays are copied in and out.
 */
public final class AuditEntry {
  private final long seq;
  private final byte[] prevHash;
  private final byte[] body;
  private final byte[] hash;

  public AuditEntry(long seq, byte[] prevHash, byte[] body, byte[] hash) {
    this.seq = seq;
    this.prevHash = prevHash.clone();
    this.body = body.clone();
    this.hash = hash.clone();
  }

  public long seq() {
    return seq;
  }

  public byte[] prevHash() {
    return prevHash.clone();
  }

  public byte[] body() {
    return body.clone();
  }

  public byte[] hash() {
    return hash.clone();
  }

  public String hashHex() {
    return HexFormat.of().formatHex(hash);
  }

  /** The decoded event; throws {@link AuditException} if the body is not canonical. */
  public AuditEvent event() {
    return AuditCodec.decode(body).event();
  }

  /** The decoded body (format, sequence number, commit, event); throws {@link AuditException} if it is not canonical. */
  public AuditCodec.Decoded decoded() {
    return AuditCodec.decode(body);
  }

  byte[] rawPrevHash() {
    return prevHash;
  }

  byte[] rawBody() {
    return body;
  }

  byte[] rawHash() {
    return hash;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuditEntry that
        && that.seq == seq
        && Arrays.equals(that.prevHash, prevHash)
        && Arrays.equals(that.body, body)
        && Arrays.equals(that.hash, hash);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
  }

  @Override
  public String toString() {
    return "AuditEntry[" + seq + ", " + hashHex() + "]";
  }
}
