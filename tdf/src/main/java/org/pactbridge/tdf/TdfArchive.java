package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import javax.crypto.Cipher;
import org.pactbridge.core.item.ItemTitle;

/**
 * A TDF archive opened for reading, in the 4.3.0 form or the SDK 0.7.x legacy form ({@link #form()}).
 *
 * <p>Opening checks the zip (see {@link TdfLimits}), reads the manifest (at most 1 MiB by default) and
 * checks its structure: the method, the segment table against the payload's size, the key access
 * objects' fields. It decrypts nothing and needs no key: {@link #policy()}, {@link #keyAccess()} and
 * {@link #assertions()} are what {@code tdf inspect} shows. With a key, {@link #decrypt} verifies the
 * root signature, then each segment's tag against the manifest and AES-GCM, writing plaintext one
 * segment at a time; a failure names the segment, and the caller discards what was written.
 *
 * <p>Not thread-safe (one channel position). Close it to close a file it opened.
 *
 * <p>Over 400 lines: it reads both manifest forms (4.3.0 and 0.7.x), and each check sits beside the
 * field it reads so that the part an error names is the part just read.
 */
public final class TdfArchive implements AutoCloseable {
  private final SeekableByteChannel channel;
  private final boolean ownsChannel;
  private final TdfForm form;
  private final JsonNode manifest;
  private final String policyText;
  private final List<KeyAccess> keyAccess;
  private final List<JsonNode> assertionNodes;
  private final ZipIn.Entry payload;
  private final long[] plainSizes;
  private final long[] sealedSizes;
  private final List<byte[]> tags;
  private final byte[] rootSignature;

  /** Finds the key to unwrap a key access object with: a KAS client, or {@link KasUnwrap} on the node itself. */
  @FunctionalInterface
  public interface KeyUnwrapper {
    byte[] unwrap(KeyAccess keyAccess, String policyBase64);
  }

  /** The public key that verifies an assertion's RS256 binding, by the assertion's id and the JWS's kid (may be null). */
  @FunctionalInterface
  public interface AssertionKeys {
    Optional<PublicKey> find(String assertionId, String kid);
  }

  private TdfArchive(SeekableByteChannel channel, boolean ownsChannel, TdfLimits limits) throws IOException {
    this.channel = channel;
    this.ownsChannel = ownsChannel;
    Map<String, ZipIn.Entry> entries = ZipIn.read(channel, limits);
    ZipIn.Entry manifestEntry = entries.get(TdfWriter.MANIFEST_ENTRY);
    if (manifestEntry == null) {
      throw TdfException.entryMissing(TdfWriter.MANIFEST_ENTRY, "the archive has no manifest");
    }
    if (manifestEntry.size() > limits.maxManifestBytes()) {
      throw TdfException.manifestTooLarge(manifestEntry.size(), limits.maxManifestBytes());
    }
    ByteBuffer bytes = ZipIn.readAt(channel, manifestEntry.dataOffset(), (int) manifestEntry.size());
    CRC32 crc = new CRC32();
    crc.update(bytes.duplicate());
    if (crc.getValue() != manifestEntry.crc()) {
      throw TdfException.zipCorrupt("zip entry " + TdfWriter.MANIFEST_ENTRY, "the manifest's CRC-32 does not match");
    }
    try {
      manifest = Json.MAPPER.readTree(bytes.array());
    } catch (IOException e) {
      throw TdfException.manifestInvalid("", "is not JSON");
    }
    if (manifest == null || !manifest.isObject()) {
      throw TdfException.manifestInvalid("", "is not a JSON object");
    }
    form = version(manifest) == null ? TdfForm.LEGACY : TdfForm.V4_3_0;
    JsonNode payloadNode = object(manifest, "payload");
    if (!payloadNode.path("isEncrypted").asBoolean(false) || !"reference".equals(payloadNode.path("type").asText())
        || !"zip".equals(payloadNode.path("protocol").asText())) {
      throw TdfException.manifestInvalid("payload", "only encrypted payloads referenced in the zip are read");
    }
    String payloadName = text(payloadNode, "url", "payload.url");
    payload = entries.get(payloadName);
    if (payload == null || payloadName.equals(TdfWriter.MANIFEST_ENTRY)) {
      throw TdfException.entryMissing(payloadName, "the payload the manifest names is not in the archive");
    }
    if (payload.size() > limits.maxPayloadBytes()) {
      throw TdfException.zipLimit("zip entry " + payloadName, "the payload has " + payload.size() + " bytes; at most "
          + limits.maxPayloadBytes() + " are read");
    }
    JsonNode encryption = object(manifest, "encryptionInformation");
    JsonNode method = object(encryption, "method");
    if (!"AES-256-GCM".equals(method.path("algorithm").asText())) {
      throw TdfException.manifestInvalid("encryptionInformation.method.algorithm", "only AES-256-GCM is read");
    }
    policyText = text(encryption, "policy", "encryptionInformation.policy");
    JsonNode keyAccessArray = encryption.get("keyAccess");
    if (keyAccessArray == null || !keyAccessArray.isArray() || keyAccessArray.isEmpty()) {
      throw TdfException.manifestInvalid("encryptionInformation.keyAccess", "there is no key access object");
    }
    List<KeyAccess> objects = new ArrayList<>();
    for (int i = 0; i < keyAccessArray.size(); i++) {
      objects.add(KeyAccess.fromJson(keyAccessArray.get(i), i));
    }
    keyAccess = List.copyOf(objects);
    JsonNode integrity = object(encryption, "integrityInformation");
    if (!"GMAC".equalsIgnoreCase(integrity.path("segmentHashAlg").asText())) {
      throw TdfException.manifestInvalid("integrityInformation.segmentHashAlg", "only GMAC segment hashes are read");
    }
    JsonNode root = object(integrity, "rootSignature");
    if (!"HS256".equals(root.path("alg").asText())) {
      throw TdfException.manifestInvalid("integrityInformation.rootSignature.alg", "only HS256 root signatures are read");
    }
    rootSignature = Crypto.decodeMac(text(root, "sig", "integrityInformation.rootSignature.sig"), 32, form);
    if (rootSignature == null) {
      throw TdfException.manifestInvalid("integrityInformation.rootSignature.sig", "is not a " + form + " HMAC-SHA256");
    }
    long defaultPlain = integrity.path("segmentSizeDefault").asLong(-1);
    long defaultSealed = integrity.path("encryptedSegmentSizeDefault").asLong(defaultPlain + Crypto.SEGMENT_OVERHEAD);
    JsonNode segments = integrity.get("segments");
    if (segments == null || !segments.isArray() || segments.isEmpty()) {
      throw TdfException.manifestInvalid("integrityInformation.segments", "there are no segments");
    }
    int count = segments.size();
    plainSizes = new long[count];
    sealedSizes = new long[count];
    List<byte[]> hashes = new ArrayList<>(count);
    long total = 0;
    for (int i = 0; i < count; i++) {
      JsonNode segment = segments.get(i);
      plainSizes[i] = segment.path("segmentSize").asLong(defaultPlain);
      sealedSizes[i] = segment.path("encryptedSegmentSize").asLong(defaultSealed);
      if (plainSizes[i] < 0 || plainSizes[i] > limits.maxSegmentBytes() || sealedSizes[i] != plainSizes[i] + Crypto.SEGMENT_OVERHEAD) {
        throw TdfException.segmentTable("segment " + i, "the segment's sizes are not a plaintext size (at most "
            + limits.maxSegmentBytes() + ") and that size plus " + Crypto.SEGMENT_OVERHEAD);
      }
      byte[] hash = Crypto.decodeMac(segment.path("hash").asText(""), Crypto.TAG_BYTES, form);
      if (hash == null) {
        throw TdfException.segmentTable("segment " + i, "the segment's hash is not a " + form + " GMAC tag");
      }
      hashes.add(hash);
      total += sealedSizes[i];
    }
    if (total != payload.size()) {
      throw TdfException.segmentTable("integrityInformation.segments", "the segments add up to " + total
          + " bytes but the payload has " + payload.size() + ": a segment was removed or added");
    }
    tags = List.copyOf(hashes);
    JsonNode assertionArray = manifest.get("assertions");
    List<JsonNode> nodes = new ArrayList<>();
    if (assertionArray != null && !assertionArray.isNull()) {
      if (!assertionArray.isArray()) {
        throw TdfException.manifestInvalid("assertions", "is not an array");
      }
      for (int i = 0; i < assertionArray.size(); i++) {
        JsonNode assertion = assertionArray.get(i);
        if (!assertion.isObject() || !assertion.path("id").isTextual() || !assertion.path("statement").isObject()) {
          throw TdfException.manifestInvalid("assertions[" + i + "]", "needs an id and a statement");
        }
        nodes.add(assertion);
      }
    }
    assertionNodes = List.copyOf(nodes);
  }

  /** Opens an archive on a channel the caller keeps and closes. */
  public static TdfArchive open(SeekableByteChannel channel, TdfLimits limits) {
    try {
      return new TdfArchive(channel, false, limits);
    } catch (IOException e) {
      throw TdfException.io("archive", e);
    }
  }

  /** Opens an archive file with the default limits; close the archive to close the file. */
  public static TdfArchive open(Path file) {
    return open(file, TdfLimits.DEFAULT);
  }

  public static TdfArchive open(Path file, TdfLimits limits) {
    SeekableByteChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw TdfException.io("archive", e);
    }
    try {
      return new TdfArchive(channel, true, limits);
    } catch (IOException | RuntimeException e) {
      try {
        channel.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException io) {
        throw TdfException.io("archive", io);
      }
      throw (RuntimeException) e;
    }
  }

  public TdfForm form() {
    return form;
  }

  /** The manifest's spec version, or empty for the legacy form. */
  public Optional<String> specVersion() {
    return Optional.ofNullable(version(manifest));
  }

  /** The manifest as read (a copy). */
  public JsonNode manifest() {
    return manifest.deepCopy();
  }

  /** The policy text exactly as the manifest holds it: what the policy binding covers. */
  public String policyBase64() {
    return policyText;
  }

  /** The policy, read; not yet bound (only the KAS checks the binding, with the key). */
  public TdfPolicy policy() {
    return TdfPolicy.parse(policyText);
  }

  public List<KeyAccess> keyAccess() {
    return keyAccess;
  }

  public int segmentCount() {
    return tags.size();
  }

  /** The plaintext's size as the segment table says. */
  public long plaintextSize() {
    long total = 0;
    for (long size : plainSizes) {
      total += size;
    }
    return total;
  }

  public String mimeType() {
    return manifest.path("payload").path("mimeType").asText("application/octet-stream");
  }

  public List<TdfAssertion> assertions() {
    List<TdfAssertion> out = new ArrayList<>();
    for (JsonNode node : assertionNodes) {
      JsonNode statement = node.get("statement");
      JsonNode value = statement.path("value");
      out.add(new TdfAssertion(node.path("id").asText(), node.path("type").asText(null), node.path("scope").asText(null),
          node.path("appliesToState").asText(null), statement.path("format").asText(null), statement.path("schema").asText(null),
          value.isTextual() ? value.textValue() : value.isMissingNode() ? null : Json.text(value)));
    }
    return out;
  }

  /** The statement value of the assertion with this id. */
  public Optional<String> findStatement(String assertionId) {
    return assertions().stream().filter(assertion -> assertion.id().equals(assertionId)).map(TdfAssertion::value).findFirst();
  }

  /** The alternative label of a Pactbridge archive (unverified: see {@link #verifyAssertions}). */
  public Optional<AlternativeLabel> findAlternativeLabel() {
    return findStatement(TdfWriter.ALTERNATIVE_LABEL_ID).map(xml -> AlternativeLabel.parse(TdfWriter.ALTERNATIVE_LABEL_ID, xml));
  }

  /**
   * Verifies every assertion's binding; throws {@code ASSERTION_BINDING} naming the first that fails.
   * RS256 bindings need a key from {@code keys}; an HS256 binding (the SDK 0.7.x default) verifies only
   * with {@code payloadKey}, which may be {@code null} before the key is known.
   */
  public void verifyAssertions(AssertionKeys keys, byte[] payloadKey) {
    byte[] aggregate = AssertionBinding.aggregate(tags, form);
    for (JsonNode assertion : assertionNodes) {
      verifyOne(assertion, aggregate, keys, payloadKey);
    }
  }

  private void verifyOne(JsonNode assertion, byte[] aggregate, AssertionKeys keys, byte[] payloadKey) {
    String id = assertion.path("id").asText();
    JsonNode header = Jws.peekHeader(assertion.path("binding").path("signature").asText(""));
    String kid = header == null ? null : header.path("kid").asText(null);
    AssertionBinding.verify(assertion, aggregate, form, keys.find(id, kid).orElse(null), payloadKey);
  }

  /** Whether one assertion's binding verified, and if not, the reason and why (no content in it). */
  public record AssertionStatus(String id, boolean verified, Optional<TdfException.Reason> reason, String detail) {
  }

  /**
   * The binding status of every assertion, for display ({@code tdf inspect}): like {@link
   * #verifyAssertions} but reporting each instead of stopping at the first failure.
   */
  public List<AssertionStatus> assertionStatus(AssertionKeys keys, byte[] payloadKey) {
    byte[] aggregate = AssertionBinding.aggregate(tags, form);
    List<AssertionStatus> out = new ArrayList<>();
    for (JsonNode assertion : assertionNodes) {
      String id = assertion.path("id").asText();
      try {
        verifyOne(assertion, aggregate, keys, payloadKey);
        out.add(new AssertionStatus(id, true, Optional.empty(), "verified"));
      } catch (TdfException e) {
        out.add(new AssertionStatus(id, false, Optional.of(e.reason()), e.getMessage()));
      }
    }
    return out;
  }

  /**
   * The payload key: for each split, the first key access object whose unwrap succeeds, the shares
   * combined by XOR (one split: the share is the key). Throws the last failure of a split none opens.
   */
  public byte[] payloadKey(KeyUnwrapper unwrapper) {
    Map<String, List<KeyAccess>> splits = new LinkedHashMap<>();
    for (KeyAccess object : keyAccess) {
      splits.computeIfAbsent(object.split(), split -> new ArrayList<>()).add(object);
    }
    byte[] key = new byte[Crypto.KEY_BYTES];
    for (List<KeyAccess> alternatives : splits.values()) {
      byte[] share = null;
      RuntimeException last = null;
      for (KeyAccess object : alternatives) {
        try {
          share = unwrapper.unwrap(object, policyText);
          break;
        } catch (RuntimeException e) {
          last = e;
        }
      }
      if (share == null) {
        throw last;
      }
      if (share.length != Crypto.KEY_BYTES) {
        throw TdfException.unwrapFailed(alternatives.get(0).index());
      }
      for (int i = 0; i < key.length; i++) {
        key[i] ^= share[i];
      }
    }
    return key;
  }

  /**
   * The metadata of a key access object, decrypted with its key share: Pactbridge puts the title there.
   * Empty when the object carries none; {@code METADATA_INTEGRITY} when it does not decrypt.
   */
  public Optional<String> metadata(KeyAccess object, byte[] share) {
    if (object.encryptedMetadata() == null) {
      return Optional.empty();
    }
    byte[] outer = Crypto.decodeBase64Strict(object.encryptedMetadata());
    byte[] sealed;
    try {
      JsonNode metadata = outer == null ? null : Json.MAPPER.readTree(outer);
      sealed = metadata == null ? null : Crypto.decodeBase64Strict(metadata.path("ciphertext").asText(null));
    } catch (IOException e) {
      sealed = null;
    }
    if (sealed == null) {
      throw TdfException.metadataIntegrity(object.index());
    }
    byte[] plain = Crypto.open(share, sealed);
    if (plain == null) {
      throw TdfException.metadataIntegrity(object.index());
    }
    return Optional.of(new String(plain, java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * The item's title from the first key access object that carries one; {@link ItemTitle#NONE} when none
   * does. The metadata is sealed with the key share, so this is for archives whose key is not split
   * (Pactbridge's, and the SDK's for one KAS); with split keys, call {@link #metadata} with each share.
   */
  public ItemTitle title(byte[] payloadKey) {
    for (KeyAccess object : keyAccess) {
      Optional<String> text = metadata(object, payloadKey);
      if (text.isPresent()) {
        return ItemTitle.of(text.get());
      }
    }
    return ItemTitle.NONE;
  }

  /**
   * Checks the root signature, then decrypts segment by segment into {@code out}, checking each
   * segment's tag against its manifest hash and AES-GCM. Memory: one segment. Returns the plaintext's
   * size. On a failure, what was written before it is unverified as a whole: discard it.
   */
  public long decrypt(byte[] payloadKey, OutputStream out) {
    byte[] expectedRoot = Crypto.hmacSha256(payloadKey, AssertionBinding.aggregate(tags, form));
    if (!Crypto.equal(expectedRoot, rootSignature)) {
      throw TdfException.rootSignature();
    }
    int largest = 0;
    for (long size : sealedSizes) {
      largest = (int) Math.max(largest, size);
    }
    ByteBuffer sealed = ByteBuffer.allocate(largest);
    byte[] plain = new byte[Math.max(0, largest - Crypto.SEGMENT_OVERHEAD)];
    long position = payload.dataOffset();
    long written = 0;
    try {
      for (int i = 0; i < sealedSizes.length; i++) {
        int length = (int) sealedSizes[i];
        sealed.clear().limit(length);
        ZipIn.readFully(channel, position, sealed);
        position += length;
        byte[] bytes = sealed.array();
        byte[] tag = Arrays.copyOfRange(bytes, length - Crypto.TAG_BYTES, length);
        if (!Crypto.equal(tag, tags.get(i))) {
          throw TdfException.segmentIntegrity(i, "the segment's tag differs from its hash in the manifest: "
              + "the segment was edited, moved or replaced");
        }
        int plainLength;
        try {
          Cipher cipher = Crypto.gcm(Cipher.DECRYPT_MODE, payloadKey, Arrays.copyOfRange(bytes, 0, Crypto.IV_BYTES));
          plainLength = cipher.doFinal(bytes, Crypto.IV_BYTES, length - Crypto.IV_BYTES, plain, 0);
        } catch (javax.crypto.AEADBadTagException e) {
          throw TdfException.segmentIntegrity(i, "the segment does not decrypt: AES-GCM authentication failed");
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("AES-GCM decryption failed", e);
        }
        out.write(plain, 0, plainLength);
        written += plainLength;
      }
      return written;
    } catch (IOException e) {
      throw TdfException.io("payload", e);
    }
  }

  @Override
  public void close() {
    if (ownsChannel) {
      try {
        channel.close();
      } catch (IOException e) {
        throw TdfException.io("archive", e);
      }
    }
  }

  private static String version(JsonNode manifest) {
    for (JsonNode node : List.of(manifest.path("tdf_spec_version"), manifest.path("schemaVersion"),
        manifest.path("payload").path("tdf_spec_version"))) {
      if (node.isTextual() && !node.textValue().isEmpty()) {
        return node.textValue();
      }
    }
    return null;
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isObject()) {
      throw TdfException.manifestInvalid(field, "is missing or not an object");
    }
    return node;
  }

  private static String text(JsonNode parent, String field, String part) {
    JsonNode node = parent.get(field);
    if (node == null || !node.isTextual()) {
      throw TdfException.manifestInvalid(part, "is missing or not a string");
    }
    return node.textValue();
  }
}
