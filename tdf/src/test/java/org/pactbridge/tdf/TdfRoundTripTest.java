package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.LabelFixtures;

class TdfRoundTripTest {
  private static final int SEGMENT = 1024;

  @ParameterizedTest
  @ValueSource(ints = {0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 3 * SEGMENT, 3 * SEGMENT + 7})
  void exportThenDecryptIsTheIdentityAtSegmentEdges(int size) {
    byte[] plaintext = randomBytes(size, size);
    byte[] archive = write(writer().withSegmentSize(SEGMENT), plaintext);

    assertThat(openFully(archive)).isEqualTo(plaintext);
    try (TdfArchive tdf = open(archive)) {
      assertThat(tdf.segmentCount()).isEqualTo(Math.max(1, (size + SEGMENT - 1) / SEGMENT));
      assertThat(tdf.plaintextSize()).isEqualTo(size);
    }
  }

  @Test
  void theLegacyFormRoundTripsToo() {
    byte[] plaintext = randomBytes(5000, 1);
    byte[] archive = write(writer().withSegmentSize(SEGMENT).withForm(TdfForm.LEGACY), plaintext);

    try (TdfArchive tdf = open(archive)) {
      assertThat(tdf.form()).isEqualTo(TdfForm.LEGACY);
      assertThat(tdf.specVersion()).isEmpty();
      JsonNode manifest = tdf.manifest();
      assertThat(manifest.has("tdf_spec_version")).isFalse();
      assertThat(manifest.at("/encryptionInformation/method/IsStreamable").asBoolean()).isTrue();
      // Base64 of the hex text of the 16-byte tag: 32 hex characters
      String hash = manifest.at("/encryptionInformation/integrityInformation/segments/0/hash").asText();
      assertThat(new String(java.util.Base64.getDecoder().decode(hash), java.nio.charset.StandardCharsets.US_ASCII)).matches("[0-9a-f]{32}");
    }
    assertThat(openFully(archive)).isEqualTo(plaintext);
  }

  @Test
  void theManifestIs430WithRawMacsAndTheFieldsTheSpecNames() {
    byte[] archive = write(writer(), randomBytes(10, 2));
    try (TdfArchive tdf = open(archive)) {
      JsonNode manifest = tdf.manifest();
      assertThat(tdf.form()).isEqualTo(TdfForm.V4_3_0);
      assertThat(manifest.path("tdf_spec_version").asText()).isEqualTo("4.3.0");
      assertThat(manifest.at("/payload/tdf_spec_version").asText()).isEqualTo("4.3.0");
      JsonNode encryption = manifest.get("encryptionInformation");
      assertThat(encryption.at("/method/isStreamable").asBoolean()).isTrue();
      assertThat(encryption.at("/integrityInformation/segmentSizeDefault").asInt()).isEqualTo(2 * 1024 * 1024);
      assertThat(encryption.at("/integrityInformation/segmentHashAlg").asText()).isEqualTo("GMAC");
      assertThat(java.util.Base64.getDecoder().decode(encryption.at("/integrityInformation/segments/0/hash").asText())).hasSize(16);
      assertThat(java.util.Base64.getDecoder().decode(encryption.at("/integrityInformation/rootSignature/sig").asText())).hasSize(32);
      JsonNode keyAccess = encryption.at("/keyAccess/0");
      assertThat(keyAccess.path("type").asText()).isEqualTo("wrapped");
      assertThat(keyAccess.path("kid").asText()).isEqualTo("kas-1");
      assertThat(keyAccess.path("url").asText()).isEqualTo(KAS_URL);
      assertThat(keyAccess.has("sid")).isFalse();
      assertThat(java.util.Base64.getDecoder().decode(keyAccess.at("/policyBinding/hash").asText())).hasSize(32);
      // the title travels encrypted: nowhere in the manifest in the clear
      assertThat(manifest.toString()).doesNotContain(TITLE).doesNotContain("Quiet Harbour");
    }
  }

  @Test
  void thePolicyCarriesTheLabelAsAttributesAndReadsBack() {
    byte[] archive = write(writer(), randomBytes(10, 3));
    try (TdfArchive tdf = open(archive)) {
      TdfPolicy policy = tdf.policy();
      assertThat(policy.label()).contains(PolicyLabel.of(label()));
      assertThat(policy.dissem()).containsExactly("user:kim@kor.example");
      assertThat(policy.attributes()).containsExactly(
          "https://pactbridge.example/attr/originator/value/NATO",
          "https://pactbridge.example/attr/classification-party/value/NATO",
          "https://pactbridge.example/attr/classification/value/NATO_SECRET",
          "https://pactbridge.example/attr/releasable-to/value/KOR",
          "https://pactbridge.example/attr/releasable-to/value/NATO",
          "https://pactbridge.example/attr/topic/value/air-defence",
          "https://pactbridge.example/attr/topic/value/logistics");
    }
  }

  @Test
  void bothLabelAssertionsVerifyAndReadBack() {
    byte[] archive = write(writer(), randomBytes(10, 4));
    try (TdfArchive tdf = open(archive)) {
      tdf.verifyAssertions(assertionKeys(), null);
      assertThat(tdf.assertions()).extracting(TdfAssertion::id)
          .containsExactly(TdfWriter.ORIGINATOR_LABEL_ID, TdfWriter.ALTERNATIVE_LABEL_ID);
      String originator = tdf.findStatement(TdfWriter.ORIGINATOR_LABEL_ID).orElseThrow();
      assertThat(originator).isEqualTo(STANAG.write(label()));
      assertThat(STANAG.read(originator).level()).isEqualTo(label().level());
      assertThat(tdf.findAlternativeLabel()).contains(content(ItemTitle.NONE).alternative());
      assertThat(tdf.assertions().get(0).scope()).isEqualTo("payload");
      assertThat(tdf.assertions().get(0).format()).isEqualTo("xml-structured");
    }
  }

  @Test
  void theTitleDecryptsWithTheKeyAndAnItemWithoutOneCarriesNoMetadata() {
    byte[] archive = write(writer(), randomBytes(10, 5));
    try (TdfArchive tdf = open(archive)) {
      byte[] key = tdf.payloadKey(kas()::unwrap);
      assertThat(tdf.title(key).value()).isEqualTo(TITLE);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer().write(content(ItemTitle.NONE), new ByteArrayInputStream(new byte[3]), out);
    try (TdfArchive tdf = open(out.toByteArray())) {
      assertThat(tdf.keyAccess().get(0).encryptedMetadata()).isNull();
      assertThat(tdf.title(tdf.payloadKey(kas()::unwrap))).isEqualTo(ItemTitle.NONE);
    }
  }

  @Test
  void severalKasesAreAlternativesWithOneSplitIdAndEitherOpensTheItem() {
    TdfWriter writer = TdfWriter.of(List.of(new KasKey(KAS_URL, "kas-1", KAS.getPublic()),
        new KasKey(OTHER_KAS_URL, "kor-7", OTHER_KAS.getPublic())), new SigningKey("assert-1", ASSERTION.getPrivate()));
    byte[] plaintext = randomBytes(3000, 6);
    byte[] archive = write(writer, plaintext);
    KasUnwrap other = new KasUnwrap(OTHER_KAS_URL, kid -> "kor-7".equals(kid) ? Optional.of(OTHER_KAS.getPrivate()) : Optional.empty());
    try (TdfArchive tdf = open(archive)) {
      assertThat(tdf.keyAccess()).extracting(KeyAccess::sid).containsExactly("s-0", "s-0");
      assertThat(tdf.keyAccess()).extracting(KeyAccess::kid).containsExactly("kas-1", "kor-7");
      for (TdfArchive.KeyUnwrapper unwrapper : List.<TdfArchive.KeyUnwrapper>of(kas()::unwrap, other::unwrap)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        tdf.decrypt(tdf.payloadKey(unwrapper), out);
        assertThat(out.toByteArray()).isEqualTo(plaintext);
      }
    }
  }

  @Test
  void theZipIsAStandardZipThatTheJdkReads() {
    byte[] plaintext = randomBytes(2500, 7);
    byte[] archive = write(writer().withSegmentSize(SEGMENT), plaintext);
    Map<String, byte[]> entries = entries(archive);
    assertThat(entries.keySet()).containsExactly(TdfWriter.PAYLOAD_ENTRY, TdfWriter.MANIFEST_ENTRY);
    assertThat(entries.get(TdfWriter.PAYLOAD_ENTRY)).hasSize(2500 + 3 * Crypto.SEGMENT_OVERHEAD);
  }

  @Test
  void zip64RecordsAreWrittenAndRead() {
    byte[] plaintext = randomBytes(2500, 8);
    byte[] archive = write(writer().withSegmentSize(SEGMENT).withForcedZip64(), plaintext);
    assertThat(entries(archive)).containsKey(TdfWriter.PAYLOAD_ENTRY);
    assertThat(openFully(archive)).isEqualTo(plaintext);
  }

  @Test
  void aLabelFromAnItemMakesTheSamePolicyLabel() {
    var level = LabelFixtures.level("NATO", "NATO_SECRET");
    var item = new org.pactbridge.core.item.Item(org.pactbridge.core.item.ItemId.of("IT-1"), List.of(level.party()), level,
        label().releasability(), false, label().topics(), java.time.Instant.EPOCH, null, "", "0".repeat(64), "sig", "key");
    assertThat(PolicyLabel.of(item)).isEqualTo(PolicyLabel.of(label()));
  }
}
