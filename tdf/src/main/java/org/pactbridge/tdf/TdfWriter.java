package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.crypto.Cipher;

/**
 * Writes an item as a TDF archive ({@code 0.payload} then {@code 0.manifest.json}) to an output stream,
 * streaming: the payload is read and encrypted one segment at a time, so memory is two segment buffers
 * whatever the payload's size.
 *
 * <p>One fresh 256-bit data key per archive. Each segment is AES-256-GCM with its own random 96-bit IV,
 * stored as {@code IV || ciphertext || tag}; the segment's hash is its GCM tag (GMAC); the root signature
 * is HMAC-SHA256 with the data key over the tags in order. The data key is wrapped for every {@link
 * KasKey} with RSA-OAEP; the key access objects are alternatives (one shared {@code sid} when there are
 * several). Each carries the policy binding (HMAC-SHA256 with the data key over the Base64 policy text)
 * and, when the item has a title, the title encrypted with the data key. The two label assertions are
 * signed RS256 with the node's assertion key.
 *
 * <p>Immutable and thread-safe; one {@link #write} per archive. Cost: one AES-GCM pass over the payload,
 * one RSA encryption per KAS, two RSA signatures.
 */
public final class TdfWriter {
  public static final String MANIFEST_ENTRY = "0.manifest.json";
  public static final String PAYLOAD_ENTRY = "0.payload";
  /** 2 MiB, the SDK's default segment size. */
  public static final int DEFAULT_SEGMENT_SIZE = 2 * 1024 * 1024;
  public static final String ORIGINATOR_LABEL_ID = "pactbridge-originator-label";
  public static final String ALTERNATIVE_LABEL_ID = "pactbridge-alternative-label";
  static final String SPLIT_ID = "s-0";

  private final List<KasKey> kases;
  private final SigningKey assertionKey;
  private final int segmentSize;
  private final TdfForm form;
  private final boolean forceZip64;

  private TdfWriter(List<KasKey> kases, SigningKey assertionKey, int segmentSize, TdfForm form, boolean forceZip64) {
    this.kases = List.copyOf(kases);
    if (this.kases.isEmpty()) {
      throw new IllegalArgumentException("an archive needs at least one KAS key");
    }
    this.assertionKey = Objects.requireNonNull(assertionKey, "assertionKey");
    if (segmentSize <= 0 || segmentSize > TdfLimits.DEFAULT.maxSegmentBytes()) {
      throw new IllegalArgumentException("the segment size must be between 1 and " + TdfLimits.DEFAULT.maxSegmentBytes() + " bytes");
    }
    this.segmentSize = segmentSize;
    this.form = Objects.requireNonNull(form, "form");
    this.forceZip64 = forceZip64;
  }

  /** A writer of the 4.3.0 form with 2 MiB segments. */
  public static TdfWriter of(List<KasKey> kases, SigningKey assertionKey) {
    return new TdfWriter(kases, assertionKey, DEFAULT_SEGMENT_SIZE, TdfForm.V4_3_0, false);
  }

  public TdfWriter withSegmentSize(int bytes) {
    return new TdfWriter(kases, assertionKey, bytes, form, forceZip64);
  }

  /** The legacy form is for peers on the OpenTDF SDK 0.7.x, which cannot read 4.3.0's raw MACs. */
  public TdfWriter withForm(TdfForm newForm) {
    return new TdfWriter(kases, assertionKey, segmentSize, newForm, forceZip64);
  }

  TdfWriter withForcedZip64() {
    return new TdfWriter(kases, assertionKey, segmentSize, form, true);
  }

  /** What was written: the segment count, the plaintext's and the archive's payload size, the policy's uuid. */
  public record Written(int segments, long plaintextBytes, long payloadBytes, String policyUuid) {
  }

  /**
   * Reads {@code plaintext} to its end and writes the archive to {@code out} (which is flushed, not
   * closed). An {@link IOException} of either stream is a {@link TdfException} ({@code IO}); the caller
   * discards a partly written archive.
   */
  public Written write(TdfContent content, InputStream plaintext, OutputStream out) {
    byte[] key = Crypto.randomBytes(Crypto.KEY_BYTES);
    try {
      TdfPolicy policy = TdfPolicy.of(content.label(), content.item(), content.dissem());
      String policyText = policy.toBase64();
      ZipOut zip = new ZipOut(out, forceZip64);
      List<byte[]> tags = new ArrayList<>();
      List<Integer> plainSizes = new ArrayList<>();
      long plainTotal = 0;
      byte[] firstIv = null;
      byte[] plain = new byte[segmentSize];
      byte[] sealed = new byte[segmentSize + Crypto.SEGMENT_OVERHEAD];
      try (OutputStream payload = zip.beginStreamed(PAYLOAD_ENTRY)) {
        while (true) {
          int length = readFully(plaintext, plain);
          if (length == 0 && !tags.isEmpty()) {
            break;
          }
          byte[] iv = Crypto.randomBytes(Crypto.IV_BYTES);
          firstIv = firstIv == null ? iv : firstIv;
          System.arraycopy(iv, 0, sealed, 0, Crypto.IV_BYTES);
          int cipherLength = Crypto.gcm(Cipher.ENCRYPT_MODE, key, iv).doFinal(plain, 0, length, sealed, Crypto.IV_BYTES);
          int sealedLength = Crypto.IV_BYTES + cipherLength;
          payload.write(sealed, 0, sealedLength);
          tags.add(Arrays.copyOfRange(sealed, sealedLength - Crypto.TAG_BYTES, sealedLength));
          plainSizes.add(length);
          plainTotal += length;
          if (length < segmentSize) {
            break;
          }
        }
      }
      byte[] manifest = Json.bytes(manifest(content, key, policyText, tags, plainSizes, firstIv));
      if (manifest.length > TdfLimits.DEFAULT.maxManifestBytes()) {
        // never write what a reader with the default limits refuses: use larger segments
        throw TdfException.manifestTooLarge(manifest.length, TdfLimits.DEFAULT.maxManifestBytes());
      }
      zip.writeWhole(MANIFEST_ENTRY, manifest);
      zip.finish();
      return new Written(tags.size(), plainTotal, plainTotal + (long) tags.size() * Crypto.SEGMENT_OVERHEAD, policy.uuid());
    } catch (IOException e) {
      throw TdfException.io("archive", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private ObjectNode manifest(TdfContent content, byte[] key, String policyText, List<byte[]> tags, List<Integer> plainSizes, byte[] firstIv) {
    ObjectNode manifest = Json.MAPPER.createObjectNode();
    if (form.specVersion() != null) {
      manifest.put("tdf_spec_version", form.specVersion());
    }
    ObjectNode payload = manifest.putObject("payload");
    payload.put("type", "reference").put("url", PAYLOAD_ENTRY).put("protocol", "zip").put("isEncrypted", true)
        .put("mimeType", content.mimeType());
    if (form.specVersion() != null) {
      // the 4.3.0 JSON schema requires the version here as well as at the top, where the prose puts it
      payload.put("tdf_spec_version", form.specVersion());
    }
    ObjectNode encryption = manifest.putObject("encryptionInformation");
    encryption.put("type", "split");
    ArrayNode keyAccess = encryption.putArray("keyAccess");
    String binding = Crypto.encodeMac(Crypto.hmacSha256(key, Crypto.utf8(policyText)), form);
    for (KasKey kas : kases) {
      ObjectNode object = keyAccess.addObject();
      object.put("type", "wrapped").put("url", kas.url()).put("protocol", "kas")
          .put("wrappedKey", Crypto.base64(Crypto.wrap(kas.publicKey(), key, form == TdfForm.V4_3_0 ? Crypto.OAEP_SHA256 : Crypto.OAEP_SHA1)))
          .put("kid", kas.kid());
      if (kases.size() > 1) {
        object.put("sid", SPLIT_ID);
      }
      object.putObject("policyBinding").put("alg", "HS256").put("hash", binding);
      if (!content.title().isEmpty()) {
        object.put("encryptedMetadata", encryptedMetadata(key, content.title().value()));
      }
    }
    ObjectNode method = encryption.putObject("method");
    method.put("algorithm", "AES-256-GCM").put(form == TdfForm.V4_3_0 ? "isStreamable" : "IsStreamable", true)
        .put("iv", Crypto.base64(firstIv));
    ObjectNode integrity = encryption.putObject("integrityInformation");
    byte[] rootMac = Crypto.hmacSha256(key, AssertionBinding.aggregate(tags, form));
    integrity.putObject("rootSignature").put("alg", "HS256").put("sig", Crypto.encodeMac(rootMac, form));
    integrity.put("segmentHashAlg", "GMAC");
    integrity.put("segmentSizeDefault", segmentSize);
    integrity.put("encryptedSegmentSizeDefault", segmentSize + Crypto.SEGMENT_OVERHEAD);
    ArrayNode segments = integrity.putArray("segments");
    for (int i = 0; i < tags.size(); i++) {
      segments.addObject().put("hash", Crypto.encodeMac(tags.get(i), form)).put("segmentSize", plainSizes.get(i))
          .put("encryptedSegmentSize", plainSizes.get(i) + Crypto.SEGMENT_OVERHEAD);
    }
    encryption.put("policy", policyText);
    byte[] aggregate = AssertionBinding.aggregate(tags, form);
    ArrayNode assertions = manifest.putArray("assertions");
    assertions.add(AssertionBinding.sign(labelAssertion(ORIGINATOR_LABEL_ID, content.originatorLabelXml()), aggregate, assertionKey, form));
    assertions.add(AssertionBinding.sign(labelAssertion(ALTERNATIVE_LABEL_ID, content.alternative().toXml()), aggregate, assertionKey, form));
    return manifest;
  }

  private ObjectNode labelAssertion(String id, String xml) {
    ObjectNode assertion = Json.MAPPER.createObjectNode();
    assertion.put("id", id).put("type", "handling");
    // the labels describe the content, so they apply to the payload in its unencrypted state
    assertion.put("scope", form == TdfForm.V4_3_0 ? "payload" : "Payload");
    assertion.put("appliesToState", form == TdfForm.V4_3_0 ? "unencrypted" : "Unencrypted");
    assertion.putObject("statement").put("format", "xml-structured")
        .put("schema", org.pactbridge.core.label.stanag.Stanag4774.NAMESPACE).put("value", xml);
    return assertion;
  }

  /**
   * The title as the SDK writes metadata: Base64 of {@code {"ciphertext": Base64(IV || ct || tag), "iv":
   * Base64(IV)}}, AES-256-GCM with the key share (here the data key).
   */
  static String encryptedMetadata(byte[] key, String text) {
    byte[] sealed = Crypto.seal(key, Crypto.utf8(text));
    ObjectNode metadata = Json.MAPPER.createObjectNode();
    metadata.put("ciphertext", Crypto.base64(sealed));
    metadata.put("iv", Crypto.base64(Arrays.copyOfRange(sealed, 0, Crypto.IV_BYTES)));
    return Crypto.base64(Json.bytes(metadata));
  }

  private static int readFully(InputStream in, byte[] buffer) throws IOException {
    int filled = 0;
    while (filled < buffer.length) {
      int read = in.read(buffer, filled, buffer.length - filled);
      if (read < 0) {
        break;
      }
      filled += read;
    }
    return filled;
  }
}
