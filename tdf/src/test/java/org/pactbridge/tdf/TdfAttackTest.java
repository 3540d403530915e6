package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.pactbridge.tdf.TdfException.Reason;

/** Every attack of issue 19's list that the format can see is refused with its reason and the part it names. */
class TdfAttackTest {
  private static final int SEGMENT = 1024;
  private static final byte[] PLAINTEXT = randomBytes(4 * SEGMENT + 100, 42);
  private static final byte[] ARCHIVE = write(writer().withSegmentSize(SEGMENT), PLAINTEXT);

  /** The archive with its manifest edited and/or its payload replaced, zipped again as the writer lays it out. */
  static byte[] rewrite(byte[] archive, Consumer<ObjectNode> manifestEdit, UnaryOperator<byte[]> payloadEdit) {
    Map<String, byte[]> entries = entries(archive);
    try {
      ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(entries.get(TdfWriter.MANIFEST_ENTRY));
      manifestEdit.accept(manifest);
      Map<String, byte[]> out = new LinkedHashMap<>();
      out.put(TdfWriter.PAYLOAD_ENTRY, payloadEdit.apply(entries.get(TdfWriter.PAYLOAD_ENTRY)));
      out.put(TdfWriter.MANIFEST_ENTRY, Json.bytes(manifest));
      return zip(out);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void refused(ThrowingCallable call, Reason reason, String part) {
    assertThatThrownBy(call).isInstanceOfSatisfying(TdfException.class, e -> {
      assertThat(e.reason()).isEqualTo(reason);
      assertThat(e.part()).isEqualTo(part);
      assertThat(e.getMessage()).doesNotContain(TITLE);
    });
  }

  private static final int SEALED = SEGMENT + Crypto.SEGMENT_OVERHEAD;

  /** Unwrap and decrypt without the assertions, to see what the payload's own integrity catches. */
  private static void decryptOnly(byte[] archive) {
    try (TdfArchive tdf = open(archive)) {
      tdf.decrypt(tdf.payloadKey(kas()::unwrap), new ByteArrayOutputStream());
    }
  }

  /** The assertions bind the segment hashes in order, so they catch what the root signature catches. */
  private static void assertionsAlsoRefuse(byte[] archive) {
    try (TdfArchive tdf = open(archive)) {
      refused(() -> tdf.verifyAssertions(assertionKeys(), null), Reason.ASSERTION_BINDING, "assertion " + TdfWriter.ORIGINATOR_LABEL_ID);
    }
  }

  @Test
  void aByteFlippedInASegmentNamesThatSegment() {
    for (int segment = 0; segment < 5; segment++) {
      for (int offset : new int[] {0, 12, 100, SEALED - 1}) {
        int at = segment * SEALED + offset;
        byte[] tampered = rewrite(ARCHIVE, manifest -> { }, payload -> {
          if (at < payload.length) {
            payload[at] ^= 0x01;
          }
          return payload;
        });
        if (at < PLAINTEXT.length + 5 * Crypto.SEGMENT_OVERHEAD) {
          refused(() -> openFully(tampered), Reason.SEGMENT_INTEGRITY, "segment " + segment);
        }
      }
    }
  }

  @Test
  void twoSegmentsSwappedInThePayloadAreCaughtAtTheFirst() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> { }, payload -> {
      byte[] copy = payload.clone();
      System.arraycopy(payload, SEALED, copy, 2 * SEALED, SEALED);
      System.arraycopy(payload, 2 * SEALED, copy, SEALED, SEALED);
      return copy;
    });
    refused(() -> openFully(tampered), Reason.SEGMENT_INTEGRITY, "segment 1");
  }

  @Test
  void segmentsReorderedInBothThePayloadAndTheManifestFailTheRootSignature() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> {
      ArrayNode segments = (ArrayNode) manifest.at("/encryptionInformation/integrityInformation/segments");
      var first = segments.get(1).deepCopy();
      segments.set(1, segments.get(2).deepCopy());
      segments.set(2, first);
    }, payload -> {
      byte[] copy = payload.clone();
      System.arraycopy(payload, SEALED, copy, 2 * SEALED, SEALED);
      System.arraycopy(payload, 2 * SEALED, copy, SEALED, SEALED);
      return copy;
    });
    refused(() -> decryptOnly(tampered), Reason.ROOT_SIGNATURE, "integrityInformation.rootSignature");
    assertionsAlsoRefuse(tampered);
  }

  @Test
  void aSegmentRemovedFromThePayloadOnlyBreaksTheSegmentTable() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> { }, payload -> {
      byte[] copy = new byte[payload.length - SEALED];
      System.arraycopy(payload, 0, copy, 0, SEALED);
      System.arraycopy(payload, 2 * SEALED, copy, SEALED, payload.length - 2 * SEALED);
      return copy;
    });
    refused(() -> openFully(tampered), Reason.SEGMENT_TABLE, "integrityInformation.segments");
  }

  @Test
  void aSegmentRemovedFromBothFailsTheRootSignature() {
    byte[] tampered = rewrite(ARCHIVE,
        manifest -> ((ArrayNode) manifest.at("/encryptionInformation/integrityInformation/segments")).remove(1),
        payload -> {
          byte[] copy = new byte[payload.length - SEALED];
          System.arraycopy(payload, 0, copy, 0, SEALED);
          System.arraycopy(payload, 2 * SEALED, copy, SEALED, payload.length - 2 * SEALED);
          return copy;
        });
    refused(() -> decryptOnly(tampered), Reason.ROOT_SIGNATURE, "integrityInformation.rootSignature");
    assertionsAlsoRefuse(tampered);
  }

  @Test
  void aTruncatedLastSegmentIsCaught() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> {
      ObjectNode last = (ObjectNode) manifest.at("/encryptionInformation/integrityInformation/segments/4");
      last.put("segmentSize", 50).put("encryptedSegmentSize", 50 + Crypto.SEGMENT_OVERHEAD);
    }, payload -> Arrays.copyOf(payload, payload.length - 50));
    refused(() -> openFully(tampered), Reason.SEGMENT_INTEGRITY, "segment 4");
  }

  @Test
  void anEditedPolicyFailsItsBindingAtTheKas() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> {
      ObjectNode encryption = (ObjectNode) manifest.get("encryptionInformation");
      String json = new String(Base64.getDecoder().decode(encryption.get("policy").asText()), StandardCharsets.UTF_8);
      // widen REL TO: the attack the binding exists for
      String widened = json.replace("releasable-to/value/KOR\"}", "releasable-to/value/KOR\"},{\"attribute\":"
          + "\"https://pactbridge.example/attr/releasable-to/value/JPN\"}");
      assertThat(widened).isNotEqualTo(json);
      encryption.put("policy", Base64.getEncoder().encodeToString(widened.getBytes(StandardCharsets.UTF_8)));
    }, payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      assertThat(tdf.policy().label().orElseThrow().releasability().relToEntries()).contains("JPN");
      refused(() -> tdf.payloadKey(kas()::unwrap), Reason.POLICY_BINDING, "keyAccess 0 policyBinding");
    }
  }

  @Test
  void anEditedAssertionFailsItsBinding() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> {
      ObjectNode statement = (ObjectNode) manifest.at("/assertions/1/statement");
      statement.put("value", statement.get("value").asText().replace("<Classification>II<", "<Classification>III<"));
    }, payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      refused(() -> tdf.verifyAssertions(assertionKeys(), null), Reason.ASSERTION_BINDING, "assertion " + TdfWriter.ALTERNATIVE_LABEL_ID);
      // what inspect shows: the originator's label still verifies, the edited one does not
      assertThat(tdf.assertionStatus(assertionKeys(), null)).extracting(TdfArchive.AssertionStatus::verified).containsExactly(true, false);
      assertThat(tdf.assertionStatus(assertionKeys(), null).get(1).reason()).contains(Reason.ASSERTION_BINDING);
    }
  }

  @Test
  void anAssertionSwappedInFromAnotherArchiveFailsItsBinding() {
    byte[] other = write(writer().withSegmentSize(SEGMENT), PLAINTEXT);
    var otherAssertion = open(other).manifest().at("/assertions/0");
    byte[] tampered = rewrite(ARCHIVE, manifest -> ((ArrayNode) manifest.get("assertions")).set(0, otherAssertion), payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      refused(() -> tdf.verifyAssertions(assertionKeys(), null), Reason.ASSERTION_BINDING, "assertion " + TdfWriter.ORIGINATOR_LABEL_ID);
    }
  }

  @Test
  void anAssertionSignedByAnotherKeyFails() {
    try (TdfArchive tdf = open(ARCHIVE)) {
      refused(() -> tdf.verifyAssertions((id, kid) -> Optional.of(OTHER_KAS.getPublic()), null),
          Reason.ASSERTION_BINDING, "assertion " + TdfWriter.ORIGINATOR_LABEL_ID);
    }
  }

  @Test
  void aKeyAccessObjectPointingToAnotherKasIsRefused() {
    byte[] tampered = rewrite(ARCHIVE,
        manifest -> ((ObjectNode) manifest.at("/encryptionInformation/keyAccess/0")).put("url", OTHER_KAS_URL), payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      refused(() -> tdf.payloadKey(kas()::unwrap), Reason.WRONG_KAS, "keyAccess 0");
    }
  }

  @Test
  void anUnknownKidAndAForeignWrappedKeyAreRefused() {
    byte[] unknownKid = rewrite(ARCHIVE,
        manifest -> ((ObjectNode) manifest.at("/encryptionInformation/keyAccess/0")).put("kid", "kas-9"), payload -> payload);
    try (TdfArchive tdf = open(unknownKid)) {
      refused(() -> tdf.payloadKey(kas()::unwrap), Reason.UNKNOWN_KEY, "keyAccess 0");
    }
    KasUnwrap wrongKey = new KasUnwrap(KAS_URL, kid -> Optional.of(OTHER_KAS.getPrivate()));
    try (TdfArchive tdf = open(ARCHIVE)) {
      refused(() -> tdf.payloadKey(wrongKey::unwrap), Reason.UNWRAP_FAILED, "keyAccess 0");
    }
  }

  @Test
  void anEditedEncryptedTitleDoesNotDecrypt() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> {
      ObjectNode keyAccess = (ObjectNode) manifest.at("/encryptionInformation/keyAccess/0");
      byte[] other = Base64.getDecoder().decode(TdfWriter.encryptedMetadata(new byte[32], "another title"));
      keyAccess.put("encryptedMetadata", Base64.getEncoder().encodeToString(other));
    }, payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      byte[] key = tdf.payloadKey(kas()::unwrap);
      refused(() -> tdf.title(key), Reason.METADATA_INTEGRITY, "keyAccess 0 encryptedMetadata");
    }
  }

  @Test
  void aManifestOverOneMebibyteIsNotRead() {
    byte[] tampered = rewrite(ARCHIVE, manifest -> manifest.put("padding", "x".repeat((int) TdfLimits.MIB)), payload -> payload);
    refused(() -> open(tampered), Reason.MANIFEST_TOO_LARGE, "manifest");
  }

  @Test
  void aCompressedEntryIsRefusedAsAZipBombDefence() throws Exception {
    // a deflated payload of 64 MiB of zeros is some 64 KiB on disk
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(TdfWriter.PAYLOAD_ENTRY));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(TdfWriter.MANIFEST_ENTRY));
      zip.write(entries(ARCHIVE).get(TdfWriter.MANIFEST_ENTRY));
      zip.closeEntry();
    }
    assertThat(bytes.size()).isLessThan(1 << 20);
    assertThatThrownBy(() -> open(bytes.toByteArray())).isInstanceOfSatisfying(TdfException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.ZIP_LIMIT));
  }

  @Test
  void tooManyEntriesAreRefused() {
    Map<String, byte[]> many = new LinkedHashMap<>(entries(ARCHIVE));
    for (int i = 0; i < 20; i++) {
      many.put("extra-" + i, new byte[1]);
    }
    refused(() -> open(zip(many)), Reason.ZIP_LIMIT, "zip");
  }

  @Test
  void aPayloadLargerThanTheLimitIsRefusedBeforeReading() {
    TdfLimits small = new TdfLimits(TdfLimits.MIB, 16, 1000, 1 << 20);
    refused(() -> TdfArchive.open(new BytesChannel(ARCHIVE), small), Reason.ZIP_LIMIT, "zip entry 0.payload");
  }

  @Test
  void truncatedOrGarbageFilesAreCorruptZips() {
    refused(() -> open(new byte[10]), Reason.ZIP_CORRUPT, "zip");
    refused(() -> open(Arrays.copyOf(ARCHIVE, ARCHIVE.length - 30)), Reason.ZIP_CORRUPT, "zip end record");
    byte[] shifted = ARCHIVE.clone();
    // break the first local header's signature: the central directory points at nothing
    shifted[0] = 'X';
    refused(() -> open(shifted), Reason.ZIP_CORRUPT, "zip entry 0.payload");
  }

  @Test
  void aMissingManifestOrPayloadIsNamed() {
    Map<String, byte[]> onlyPayload = new LinkedHashMap<>();
    onlyPayload.put(TdfWriter.PAYLOAD_ENTRY, entries(ARCHIVE).get(TdfWriter.PAYLOAD_ENTRY));
    refused(() -> open(zip(onlyPayload)), Reason.ZIP_ENTRY_MISSING, "zip entry 0.manifest.json");
    byte[] otherPayload = rewrite(ARCHIVE, manifest -> ((ObjectNode) manifest.get("payload")).put("url", "1.payload"), payload -> payload);
    refused(() -> open(otherPayload), Reason.ZIP_ENTRY_MISSING, "zip entry 1.payload");
  }
}
