package org.pactbridge.tdf;

import java.util.Objects;
import org.pactbridge.core.PactbridgeException;

/**
 * The one exception this module throws for a TDF archive that cannot be written or read, or that fails
 * a check. It carries a stable {@link Reason} and the {@link #part()} of the archive it names ({@code
 * segment 3}, {@code policy}, {@code assertion pactbridge-originator-label}, {@code keyAccess 0},
 * {@code zip}, …).
 *
 * <p>Messages name parts, sizes, positions and reason codes only: never payload bytes, never the title,
 * never key material, never the policy's contents. A caller may print them.
 */
public final class TdfException extends PactbridgeException {
  private static final long serialVersionUID = 1L;

  /** Why an archive was refused; the codes are stable and appear in problem bodies and exit reports. */
  public enum Reason {
    /** The zip structure is broken: no end record, a bad signature, an entry outside the file. */
    ZIP_CORRUPT,
    /** A zip entry is compressed, encrypted, too large, or there are too many entries (zip bomb defence). */
    ZIP_LIMIT,
    /** An entry the archive needs ({@code 0.manifest.json}, the payload) is missing or present twice. */
    ZIP_ENTRY_MISSING,
    /** The manifest is larger than the limit (1 MiB by default). */
    MANIFEST_TOO_LARGE,
    /** The manifest is not JSON, misses a required field, or holds a value this reader does not support. */
    MANIFEST_INVALID,
    /** The payload's segment table does not match the payload: sizes, count or order. */
    SEGMENT_TABLE,
    /** A segment's bytes do not verify (AES-GCM tag or the segment hash in the manifest). */
    SEGMENT_INTEGRITY,
    /** The root signature over the segment hashes does not verify: a segment removed, added or reordered. */
    ROOT_SIGNATURE,
    /** The policy binding does not verify for this key: the policy was edited, or the key is wrong. */
    POLICY_BINDING,
    /** The policy is not the JSON this reader understands, or its Pactbridge attributes are malformed. */
    POLICY_INVALID,
    /** An assertion's JWS does not verify, or it binds another assertion or another payload. */
    ASSERTION_BINDING,
    /** An assertion's statement is not the label this reader expects. */
    ASSERTION_INVALID,
    /** A key access object names another key access service than the one asked to unwrap it. */
    WRONG_KAS,
    /** A key access object names a key id the service does not hold. */
    UNKNOWN_KEY,
    /** A wrapped key does not unwrap with the key it names. */
    UNWRAP_FAILED,
    /** The encrypted metadata does not decrypt with the key share. */
    METADATA_INTEGRITY,
    /** Reading or writing the underlying channel failed. */
    IO,
    /** A rewrap request's token is not a compact JWS of the documented claims (or its key is unusable). */
    REWRAP_TOKEN_INVALID,
    /** A rewrap request's token does not verify with the client public key it carries. */
    REWRAP_TOKEN_SIGNATURE,
    /** A rewrap request's token is older than 60 seconds, past its {@code exp}, or issued in the future. */
    REWRAP_TOKEN_EXPIRED,
    /** A rewrap request's token id ({@code jti}) was seen before. */
    REWRAP_TOKEN_REPLAYED,
    /** The replay cache is full of live token ids: the request is refused rather than let a replay through. */
    REWRAP_BUSY
  }

  private final Reason reason;
  private final String part;

  private TdfException(Reason reason, String part, String message, Throwable cause) {
    super(reason + " (" + part + "): " + message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.part = Objects.requireNonNull(part, "part");
  }

  public Reason reason() {
    return reason;
  }

  /** The part of the archive at fault, such as {@code segment 3} or {@code policy}. */
  public String part() {
    return part;
  }

  static TdfException zipCorrupt(String part, String message) {
    return new TdfException(Reason.ZIP_CORRUPT, part, message, null);
  }

  static TdfException zipLimit(String part, String message) {
    return new TdfException(Reason.ZIP_LIMIT, part, message, null);
  }

  static TdfException entryMissing(String entry, String message) {
    return new TdfException(Reason.ZIP_ENTRY_MISSING, "zip entry " + entry, message, null);
  }

  static TdfException manifestTooLarge(long size, long limit) {
    return new TdfException(Reason.MANIFEST_TOO_LARGE, "manifest",
        "the manifest has " + size + " bytes; at most " + limit + " are read", null);
  }

  static TdfException manifestInvalid(String field, String message) {
    return new TdfException(Reason.MANIFEST_INVALID, "manifest " + field, message, null);
  }

  static TdfException segmentTable(String part, String message) {
    return new TdfException(Reason.SEGMENT_TABLE, part, message, null);
  }

  static TdfException segmentIntegrity(int segment, String message) {
    return new TdfException(Reason.SEGMENT_INTEGRITY, "segment " + segment, message, null);
  }

  static TdfException rootSignature() {
    return new TdfException(Reason.ROOT_SIGNATURE, "integrityInformation.rootSignature",
        "the root signature over the segment hashes does not verify: a segment was removed, added, reordered or edited", null);
  }

  static TdfException policyBinding(String part) {
    return new TdfException(Reason.POLICY_BINDING, part,
        "the policy binding does not verify with this key share: the policy was edited or the key is not this archive's", null);
  }

  static TdfException policyInvalid(String message) {
    return new TdfException(Reason.POLICY_INVALID, "policy", message, null);
  }

  static TdfException assertionBinding(String id, String message) {
    return new TdfException(Reason.ASSERTION_BINDING, "assertion " + id, message, null);
  }

  static TdfException assertionInvalid(String id, String message) {
    return new TdfException(Reason.ASSERTION_INVALID, "assertion " + id, message, null);
  }

  static TdfException wrongKas(int index, String url, String expected) {
    return new TdfException(Reason.WRONG_KAS, "keyAccess " + index,
        "the key access object names the service " + url + ", not " + expected, null);
  }

  static TdfException unknownKey(int index, String kid) {
    return new TdfException(Reason.UNKNOWN_KEY, "keyAccess " + index, "no private key with kid " + kid + " is held here", null);
  }

  static TdfException unwrapFailed(int index) {
    return new TdfException(Reason.UNWRAP_FAILED, "keyAccess " + index,
        "the wrapped key does not unwrap with the named key (RSA-OAEP with SHA-256, or SHA-1 for the older form)", null);
  }

  static TdfException metadataIntegrity(int index) {
    return new TdfException(Reason.METADATA_INTEGRITY, "keyAccess " + index + " encryptedMetadata",
        "the encrypted metadata does not decrypt with the key share", null);
  }

  static TdfException rewrap(Reason reason, String message) {
    return new TdfException(reason, "signedRequestToken", message, null);
  }

  static TdfException io(String part, java.io.IOException cause) {
    return new TdfException(Reason.IO, part, "I/O failed: " + cause.getClass().getSimpleName(), cause);
  }
}
