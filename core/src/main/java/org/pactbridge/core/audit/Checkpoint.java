package org.pactbridge.core.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed statement that entry {@code seq} of the chain has hash {@code hashHex}, made at {@code at}
 * by the node whose public key is {@code signerKey} (base64 X.509). {@code signature} is the base64
 * Ed25519 signature over {@link #signedBytes()}. A checkpoint pins everything up to {@code seq}: a
 * consistent rewrite of the chain or a truncation below it is detected.
 *
 * <p>Two forms (docs/audit-chain.md, section 5): a v1 checkpoint signs seq, hash and at; a v2 checkpoint,
 * written with every v3 commit, also signs {@code root}, the RFC 9162 Merkle tree head over entries 1 to
 * {@code seq} (the tree size), so that a witness can ask for a consistency proof between two of them.
 * {@code root} is null for a v1 checkpoint.
 */
public record Checkpoint(long seq, String hashHex, Instant at, String signerKey, String signature, String root) {
  private static final java.util.regex.Pattern HEX64 = java.util.regex.Pattern.compile("[0-9a-f]{64}");

  public Checkpoint {
    if (seq < 1) {
      throw new IllegalArgumentException("a checkpoint pins an entry, seq >= 1: " + seq);
    }
    if (hashHex == null || !HEX64.matcher(hashHex).matches()) {
      throw new IllegalArgumentException("a checkpoint hash is 64 lower-case hex digits");
    }
    if (root != null && !HEX64.matcher(root).matches()) {
      throw new IllegalArgumentException("a checkpoint's tree head is 64 lower-case hex digits");
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(signerKey, "signerKey");
    Objects.requireNonNull(signature, "signature");
  }

  /** A v1 checkpoint: no tree head. */
  public Checkpoint(long seq, String hashHex, Instant at, String signerKey, String signature) {
    this(seq, hashHex, at, signerKey, signature, null);
  }

  /** The bytes of a v1 checkpoint: {@code pactbridge-checkpoint-v1}, then seq, hash and at, one a line. */
  public static byte[] signedBytes(long seq, String hashHex, Instant at) {
    return Utf8.encode("pactbridge-checkpoint-v1\nseq=" + seq + "\nhash=" + hashHex + "\nat=" + at + "\n");
  }

  /**
   * The bytes of a v2 checkpoint: {@code pactbridge-checkpoint-v2}, then size (the last entry's
   * sequence number), root (the Merkle tree head over entries 1..size), hash and at, one a line.
   */
  public static byte[] signedBytes(long size, String rootHex, String hashHex, Instant at) {
    return Utf8.encode("pactbridge-checkpoint-v2\nsize=" + size + "\nroot=" + rootHex + "\nhash=" + hashHex + "\nat=" + at + "\n");
  }

  /** What the signature covers: the v2 form when a tree head is present, else the v1 form. */
  public byte[] signedBytes() {
    return root == null ? signedBytes(seq, hashHex, at) : signedBytes(seq, root, hashHex, at);
  }

  /** The Merkle tree head over entries 1..seq, present for v2 checkpoints. */
  public Optional<String> rootHex() {
    return Optional.ofNullable(root);
  }

  /** The checkpoint's form: 2 when it signs a tree head, else 1. */
  public int format() {
    return root == null ? 1 : 2;
  }

  public byte[] hash() {
    return HexFormat.of().parseHex(hashHex);
  }
}
