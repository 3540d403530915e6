package org.pactbridge.core.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed statement that entry {@code seq} of the chain has hash {@code hashHex}, made at {@code at}
 * by the node whose public key is {@code signerKey} (base64 X.509). {@code signature} is the base64
 * Ed25519 signature over {@link #signedBytes()}. A checkpoint pins everything up to {@code seq}: a
 * consistent rewrite of the chain or a truncation below it is detected.
 */
public record Checkpoint(long seq, String hashHex, Instant at, String signerKey, String signature) {
  public Checkpoint {
    if (seq < 1) {
      throw new IllegalArgumentException("a checkpoint pins an entry, seq >= 1: " + seq);
    }
    if (hashHex == null || !hashHex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a checkpoint hash is 64 lower-case hex digits");
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(signerKey, "signerKey");
    Objects.requireNonNull(signature, "signature");
  }

  /** The bytes the node signs: {@code pactbridge-checkpoint-v1}, then seq, hash and at, one a line. */
  public static byte[] signedBytes(long seq, String hashHex, Instant at) {
    return Utf8.encode("pactbridge-checkpoint-v1\nseq=" + seq + "\nhash=" + hashHex + "\nat=" + at + "\n");
  }

  public byte[] signedBytes() {
    return signedBytes(seq, hashHex, at);
  }

  public byte[] hash() {
    return HexFormat.of().parseHex(hashHex);
  }
}
