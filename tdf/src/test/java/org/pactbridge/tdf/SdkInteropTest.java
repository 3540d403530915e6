package org.pactbridge.tdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.tdf.TdfFixtures.*;

import com.google.gson.Gson;
import io.opentdf.platform.sdk.AssertionConfig;
import io.opentdf.platform.sdk.Config;
import io.opentdf.platform.sdk.KASKeyCache;
import io.opentdf.platform.sdk.Manifest;
import io.opentdf.platform.sdk.SDK;
import io.opentdf.platform.sdk.TDF;
import io.opentdf.platform.sdk.nanotdf.NanoTDFType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Interoperability at the format level with an implementation no one here wrote: the OpenTDF Java SDK
 * 0.7.3, fully offline (no attributes service, no autoconfigure). Its {@link SDK.KAS} is implemented
 * here with Pactbridge's own key access checks ({@link KasUnwrap}): the key access object the SDK hands
 * over is turned into JSON and parsed as a rewrap request would carry it. The HTTP rewrap comes later.
 */
class SdkInteropTest {
  private static final Gson GSON = new Gson();

  /** The SDK's KAS interface, answered by Pactbridge's unwrap with the KAS private key. */
  static final class PactbridgeKas implements SDK.KAS {
    private final KasUnwrap unwrap = kas();

    @Override
    public Config.KASInfo getPublicKey(Config.KASInfo kasInfo) {
      Config.KASInfo info = new Config.KASInfo();
      info.URL = KAS_URL;
      info.KID = "kas-1";
      info.PublicKey = RewrapToken.pem(kasPublic());
      info.Algorithm = "rsa:2048";
      return info;
    }

    @Override
    public Config.KASInfo getECPublicKey(Config.KASInfo kasInfo, NanoTDFType.ECCurve curve) {
      throw new UnsupportedOperationException("no EC keys here");
    }

    @Override
    public byte[] unwrap(Manifest.KeyAccess keyAccess, String policy) {
      return unwrap.unwrap(KeyAccess.parse(GSON.toJson(keyAccess)), policy);
    }

    @Override
    public byte[] unwrapNanoTDF(NanoTDFType.ECCurve curve, String header, String kasURL) {
      throw new UnsupportedOperationException("no NanoTDF here");
    }

    @Override
    public KASKeyCache getKeyCache() {
      return new KASKeyCache();
    }

    @Override
    public void close() {
      // nothing held
    }
  }

  /** An SDK assertion with a string statement; without a key the SDK binds it HS256 with the payload key. */
  private static AssertionConfig sdkAssertion(String id, AssertionConfig.Type type, AssertionConfig.Scope scope,
      AssertionConfig.AppliesToState state, String value) {
    AssertionConfig assertion = new AssertionConfig();
    assertion.id = id;
    assertion.type = type;
    assertion.scope = scope;
    assertion.appliesToState = state;
    assertion.statement = new AssertionConfig.Statement();
    assertion.statement.format = "string";
    assertion.statement.value = value;
    return assertion;
  }

  private static Config.AssertionVerificationKeys ourAssertionKey() {
    Config.AssertionVerificationKeys keys = new Config.AssertionVerificationKeys();
    AssertionConfig.AssertionKey rs256 = new AssertionConfig.AssertionKey(AssertionConfig.AssertionKeyAlg.RS256, ASSERTION.getPublic());
    keys.keys.put(TdfWriter.ORIGINATOR_LABEL_ID, rs256);
    keys.keys.put(TdfWriter.ALTERNATIVE_LABEL_ID, rs256);
    return keys;
  }

  @Test
  void theSdkOpensAnArchivePactbridgeWritesInTheLegacyForm() throws Exception {
    byte[] plaintext = randomBytes(5 * 1024 * 1024 + 17, 11);
    byte[] archive = write(writer().withForm(TdfForm.LEGACY), plaintext);

    TDF.Reader reader = new TDF().loadTDF(new BytesChannel(archive), new PactbridgeKas(), ourAssertionKey());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reader.readPayload(out);

    assertThat(out.toByteArray()).isEqualTo(plaintext);
    // the SDK decrypts the title with the key share, as Pactbridge wrote it
    assertThat(reader.getMetadata()).isEqualTo(TITLE);
    assertThat(reader.getManifest().assertions).hasSize(2);
    assertThat(reader.readPolicyObject().body.dataAttributes).extracting(attribute -> attribute.attribute)
        .contains("https://pactbridge.example/attr/classification/value/NATO_SECRET");
  }

  @Test
  void theSdkChecksOurAssertionBindings() {
    byte[] archive = write(writer().withForm(TdfForm.LEGACY), randomBytes(100, 12));
    Config.AssertionVerificationKeys wrongKey = new Config.AssertionVerificationKeys();
    wrongKey.defaultKey = new AssertionConfig.AssertionKey(AssertionConfig.AssertionKeyAlg.RS256, OTHER_KAS.getPublic());
    assertThatThrownBy(() -> new TDF().loadTDF(new BytesChannel(archive), new PactbridgeKas(), wrongKey))
        .hasMessageContaining("Unable to verify assertion signature");
  }

  @Test
  void sdk073CannotReadThe430FormBecauseItComparesHexMacs() {
    // SDK 0.7.3 compares each segment hash with Base64(hex(tag)) whatever the manifest's version says:
    // the raw MACs of 4.3.0 never match. That is why Pactbridge can write the legacy form for such peers.
    byte[] archive = write(writer(), randomBytes(100, 13));
    assertThatThrownBy(() -> new TDF().loadTDF(new BytesChannel(archive), new PactbridgeKas(), ourAssertionKey()))
        .isInstanceOf(TDF.NotValidateRootSignature.class);
  }

  @Test
  void pactbridgeReadsAndDecryptsAnArchiveTheSdkWrites() throws Exception {
    byte[] plaintext = randomBytes(3 * 1024 * 1024 + 5, 14);
    Config.KASInfo kasInfo = new PactbridgeKas().getPublicKey(null);

    AssertionConfig signed = sdkAssertion("sdk-rs256", AssertionConfig.Type.HandlingAssertion, AssertionConfig.Scope.Payload,
        AssertionConfig.AppliesToState.Unencrypted, "signed by the SDK with an RSA key");
    signed.statement.schema = "urn:example:note";
    signed.assertionKey = new AssertionConfig.AssertionKey(AssertionConfig.AssertionKeyAlg.RS256, ASSERTION.getPrivate());
    AssertionConfig defaultKeyed = sdkAssertion("sdk-hs256", AssertionConfig.Type.BaseAssertion, AssertionConfig.Scope.TrustedDataObj,
        AssertionConfig.AppliesToState.Encrypted, "bound with the payload key (HS256), the SDK's default");

    Config.TDFConfig config = Config.newTDFConfig(Config.withAutoconfigure(false), Config.withKasInformation(kasInfo),
        Config.withMetaData(TITLE), Config.withAssertionConfig(signed, defaultKeyed), Config.withMimeType("text/plain"));
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    new TDF().createTDF(new ByteArrayInputStream(plaintext), archive, config, new PactbridgeKas(), null);

    try (TdfArchive tdf = open(archive.toByteArray())) {
      assertThat(tdf.form()).isEqualTo(TdfForm.LEGACY);
      assertThat(tdf.manifest().at("/encryptionInformation/method/IsStreamable").asBoolean()).isTrue();
      assertThat(tdf.segmentCount()).isEqualTo(2);
      assertThat(tdf.policy().label()).isEmpty();
      assertThat(tdf.mimeType()).isEqualTo("text/plain");
      // RSA-OAEP with SHA-1 and the policy binding as Base64 of hex: KasUnwrap takes both
      byte[] key = tdf.payloadKey(kas()::unwrap);
      tdf.verifyAssertions((id, kid) -> id.equals("sdk-rs256") ? Optional.of(ASSERTION.getPublic()) : Optional.empty(), key);
      assertThat(tdf.title(key).value()).isEqualTo(TITLE);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      tdf.decrypt(key, out);
      assertThat(out.toByteArray()).isEqualTo(plaintext);
      assertThat(tdf.assertions()).extracting(TdfAssertion::scope).containsExactly("Payload", "TrustedDataObj");
    }
  }

  @Test
  void anSdkArchiveWithASplitKeyIsReassembledFromItsShares() throws Exception {
    // two KAS entries and no split plan: the SDK splits the key into shares s-0 and s-1, XORed together
    Config.KASInfo first = new PactbridgeKas().getPublicKey(null);
    Config.KASInfo second = new PactbridgeKas().getPublicKey(null);
    second.URL = KAS_URL + "/";
    Config.TDFConfig config = Config.newTDFConfig(Config.withAutoconfigure(false), Config.withKasInformation(first, second));
    byte[] plaintext = randomBytes(1000, 15);
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    new TDF().createTDF(new ByteArrayInputStream(plaintext), archive, config, new PactbridgeKas(), null);
    try (TdfArchive tdf = open(archive.toByteArray())) {
      assertThat(tdf.keyAccess()).extracting(KeyAccess::sid).containsExactlyInAnyOrder("s-0", "s-1");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      tdf.decrypt(tdf.payloadKey(kas()::unwrap), out);
      assertThat(out.toByteArray()).isEqualTo(plaintext);
    }
  }

  @Test
  void anSdkArchiveWithAnEditedAssertionIsRefusedByPactbridge() throws Exception {
    Config.TDFConfig config = Config.newTDFConfig(Config.withAutoconfigure(false),
        Config.withKasInformation(new PactbridgeKas().getPublicKey(null)));
    AssertionConfig assertion = sdkAssertion("note", AssertionConfig.Type.BaseAssertion, AssertionConfig.Scope.Payload,
        AssertionConfig.AppliesToState.Unencrypted, "original");
    config.assertionConfigList.add(assertion);
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    new TDF().createTDF(new ByteArrayInputStream(new byte[10]), archive, config, new PactbridgeKas(), null);
    byte[] tampered = TdfAttackTest.rewrite(archive.toByteArray(),
        manifest -> ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.at("/assertions/0/statement")).put("value", "edited"),
        payload -> payload);
    try (TdfArchive tdf = open(tampered)) {
      byte[] key = tdf.payloadKey(kas()::unwrap);
      assertThatThrownBy(() -> tdf.verifyAssertions((id, kid) -> Optional.empty(), key))
          .isInstanceOfSatisfying(TdfException.class, e -> assertThat(e.part()).isEqualTo("assertion note"));
    }
  }
}
