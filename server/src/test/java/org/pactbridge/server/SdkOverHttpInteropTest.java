package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.Gson;
import io.opentdf.platform.sdk.AssertionConfig;
import io.opentdf.platform.sdk.Config;
import io.opentdf.platform.sdk.KASKeyCache;
import io.opentdf.platform.sdk.Manifest;
import io.opentdf.platform.sdk.SDK;
import io.opentdf.platform.sdk.TDF;
import io.opentdf.platform.sdk.nanotdf.NanoTDFType;
import java.io.ByteArrayOutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.user.Role;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfForm;
import org.pactbridge.tdf.TdfWriter;

/**
 * Pactbridge → SDK over real HTTP: the OpenTDF Java SDK 0.7.3 ({@code TDF.loadTDF}) opens an archive a
 * Pactbridge node's KAS key wraps (the legacy form, which SDK 0.7.3 reads), through an {@link SDK.KAS}
 * adapter whose {@code unwrap} is a client of the node's {@code POST /kas/v1/rewrap}: an ephemeral RSA
 * key, a signed token, a bearer token of a Pactbridge user; the node decides with its release engine.
 * The adapter proves the archive format and the rewrap, not the SDK's own gRPC/connect KAS protocol.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkOverHttpInteropTest {
  private static final Gson GSON = new Gson();
  private final TestNode node = TestNode.start(TestNode.Db.H2);
  private final String usaAnalyst = node.user("usa-analyst", "USA", "SECRET", Role.ANALYST);
  private final String jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);

  @AfterAll
  void stop() {
    node.close();
  }

  /** The SDK's KAS interface, answered by the node's HTTP endpoints for one Pactbridge user. */
  private final class HttpKas implements SDK.KAS {
    private final String token;
    private final KeyPair ephemeral = KasFixtures.rsa();

    HttpKas(String token) {
      this.token = token;
    }

    @Override
    public Config.KASInfo getPublicKey(Config.KASInfo kasInfo) {
      JsonNode key = node.get("/kas/v1/public-key", null).json();
      Config.KASInfo info = new Config.KASInfo();
      info.URL = key.get("url").asText();
      info.KID = key.get("kid").asText();
      info.PublicKey = key.get("publicKey").asText();
      info.Algorithm = key.get("alg").asText();
      return info;
    }

    @Override
    public Config.KASInfo getECPublicKey(Config.KASInfo kasInfo, NanoTDFType.ECCurve curve) {
      throw new UnsupportedOperationException("no EC keys here");
    }

    @Override
    public byte[] unwrap(Manifest.KeyAccess keyAccess, String policy) {
      String signed = RewrapToken.sign(GSON.toJson(keyAccess), policy, ephemeral.getPublic(), ephemeral.getPrivate(), Instant.now());
      TestNode.Response answer = node.post("/kas/v1/rewrap", token, RewrapToken.requestBody(signed));
      if (answer.status() != 200) {
        throw new IllegalStateException("the KAS refused: " + answer.code());
      }
      return RewrapToken.unwrapForClient(ephemeral.getPrivate(), answer.json().get("entityWrappedKey").asText());
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

  private static Config.AssertionVerificationKeys assertionKeys() {
    Config.AssertionVerificationKeys keys = new Config.AssertionVerificationKeys();
    AssertionConfig.AssertionKey rs256 = new AssertionConfig.AssertionKey(AssertionConfig.AssertionKeyAlg.RS256, KasFixtures.ASSERTION.getPublic());
    keys.keys.put(TdfWriter.ORIGINATOR_LABEL_ID, rs256);
    keys.keys.put(TdfWriter.ALTERNATIVE_LABEL_ID, rs256);
    return keys;
  }

  @Test
  void theSdkOpensAPactbridgeArchiveThroughTheNodesRewrapEndpointWhenTheEnginePermits(@TempDir Path dir) throws Exception {
    KasKey kas = KasFixtures.kasKey(node);
    Path archive = KasFixtures.archive(dir, kas, KasFixtures.korLabel("II", Releasability.relTo(List.of("USA"))), List.of(), null,
        "launch-site coordinates", TdfForm.LEGACY);

    try (SeekableByteChannel channel = Files.newByteChannel(archive)) {
      TDF.Reader reader = new TDF().loadTDF(channel, new HttpKas(usaAnalyst), assertionKeys());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      reader.readPayload(out);
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("launch-site coordinates");
      assertThat(reader.getManifest().assertions).hasSize(2);
    }
    try (SeekableByteChannel channel = Files.newByteChannel(archive)) {
      assertThatThrownBy(() -> new TDF().loadTDF(channel, new HttpKas(jpnAnalyst), assertionKeys()))
          .hasStackTraceContaining("NOT_RELEASABLE_TO");
    }
  }
}
