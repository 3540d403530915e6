package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.server.FederationFixture.JPN;
import static org.pactbridge.server.FederationFixture.KOR;
import static org.pactbridge.server.FederationFixture.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PeerKeys;
import org.pactbridge.service.PinnedPeerKeys;
import org.pactbridge.store.JdbcPeerKasKeys;

/**
 * Two real nodes, KOR and USA, each with its federation listener and its own database: USA fetches KOR's
 * KAS key over mutual TLS and pins it; KOR rotates and announces, signed; USA takes the rotation. A changed
 * key that KOR's node did not sign, and an old statement replayed, are refused and leave the pin as it was.
 */
abstract class PeerKeysContract {
  @TempDir Path dir;
  private final TestNode.Db db;
  FederationFixture pkis;
  NodeServer kor;
  NodeServer usa;

  PeerKeysContract(TestNode.Db db) {
    this.db = db;
  }

  @BeforeEach
  void start() throws Exception {
    pkis = new FederationFixture(dir);
    kor = pkis.start(KOR, db, Clock.systemUTC());
    usa = pkis.start(USA, db, Clock.systemUTC());
    // each learns the other's port by its peers file, re-read while running
    pkis.writePeers(KOR, Map.of(USA, usa.federationPort()));
    pkis.writePeers(USA, Map.of(KOR, kor.federationPort()));
  }

  @AfterEach
  void stop() {
    if (usa != null) {
      usa.close();
    }
    if (kor != null) {
      kor.close();
    }
  }

  private String korKid() {
    return kor.keyring().activeKasView().kid();
  }

  private List<JdbcPeerKasKeys.PeerKasKey> usaPinsOfKor() {
    return usa.store().peerKasKeys().history(KOR);
  }

  /** KOR's channel posting {@code jws} to USA as an announcement. */
  private PeerChannel.Response announceToUsa(String jws) throws Exception {
    return kor.peerChannel().orElseThrow().post(USA, PinnedPeerKeys.ANNOUNCEMENTS_PATH, null, PinnedPeerKeys.JOSE,
        jws.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void theFirstFetchIsPinnedAndASignedRotationReplacesIt() throws Exception {
    PeerKeys keys = usa.peerKeys().orElseThrow();
    PeerKeys.Kas first = keys.kas(KOR);
    assertThat(first.kid()).isEqualTo(korKid());
    assertThat(first.key()).isEqualTo(kor.keyring().activeKasView().publicKey());
    assertThat(first.url()).isEqualTo("http://127.0.0.1:" + kor.port() + "/kas");
    assertThat(keys.kas(KOR).kid()).isEqualTo(first.kid());
    assertThat(usaPinsOfKor()).hasSize(1);

    NodeKeyring.KeyView rotated = kor.keyring().rotate(NodeKeyring.Kind.KAS, AuditActor.node(KOR));
    assertThat(rotated.kid()).isNotEqualTo(first.kid());
    // until KOR announces, USA keeps the pin: a rotation is never picked up from a fetch
    assertThat(keys.kas(KOR).kid()).isEqualTo(first.kid());
    kor.announceKasKey();
    assertThat(keys.kas(KOR).kid()).isEqualTo(rotated.kid());
    assertThat(keys.kas(KOR).key()).isEqualTo(rotated.publicKey());
    List<JdbcPeerKasKeys.PeerKasKey> history = usaPinsOfKor();
    assertThat(history).extracting(JdbcPeerKasKeys.PeerKasKey::kid).containsExactlyInAnyOrder(first.kid(), rotated.kid());
    assertThat(history).filteredOn(key -> key.kid().equals(rotated.kid())).singleElement()
        .satisfies(key -> assertThat(key.how()).isEqualTo(JdbcPeerKasKeys.How.ANNOUNCED));
    assertThat(history).filteredOn(key -> key.kid().equals(first.kid())).singleElement()
        .satisfies(key -> assertThat(key.supersededAt()).isPresent());
    // USA's audit chain recorded the pin and the rotation, and still verifies
    assertThat(usa.store().verifyAudit(List.of()).ok()).isTrue();
  }

  @Test
  void aChangeKorsNodeDidNotSignIsRefusedAndThePinStays() throws Exception {
    PeerKeys.Kas pinned = usa.peerKeys().orElseThrow().kas(KOR);
    NodeKeyring.KeyView rotated = kor.keyring().rotate(NodeKeyring.Kind.KAS, AuditActor.node(KOR));
    String genuine = PinnedPeerKeys.statement(kor.nodeSignatures().orElseThrow(), "https://kor.example/kas", rotated.kid(), rotated.publicKey(),
        Instant.now());
    String[] parts = genuine.split("\\.");

    // the payload changed after signing: another key under KOR's signature
    JsonNode payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("url", "https://attacker.example/kas");
    String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(payload)) + "." + parts[2];
    PeerChannel.Response refused = announceToUsa(tampered);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(refused.body()).path("code").asText()).isEqualTo("SIGNATURE_INVALID");

    // unsigned: a JWS with alg none
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(Json.MAPPER.readTree(announceToUsa(header + "." + parts[1] + ".").body()).path("code").asText()).isEqualTo("SIGNATURE_INVALID");

    // signed by another node (JPN's), sent by KOR: checked against KOR's CA, refused
    Path jpnPeers = dir.resolve("jpn-alone").resolve("peers.yaml");
    java.nio.file.Files.createDirectories(jpnPeers.getParent());
    java.nio.file.Files.writeString(jpnPeers, "peers: {}\n");
    CertNodeSignatures jpn = new CertNodeSignatures(new FederationTrust(JPN, pkis.pki(JPN), jpnPeers), Clock.systemUTC());
    String byJpn = PinnedPeerKeys.statement(jpn, "https://kor.example/kas", rotated.kid(), rotated.publicKey(), Instant.now());
    PeerChannel.Response wrongSigner = announceToUsa(byJpn);
    assertThat(wrongSigner.status()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(wrongSigner.body()).path("code").asText()).isEqualTo("SIGNATURE_INVALID");

    assertThat(usa.peerKeys().orElseThrow().kas(KOR).kid()).isEqualTo(pinned.kid());
    assertThat(usaPinsOfKor()).hasSize(1);
  }

  @Test
  void anOldStatementReplayedAfterARotationIsRefused() throws Exception {
    PeerChannel.Response fetched = usa.peerChannel().orElseThrow().get(KOR, PinnedPeerKeys.KAS_KEY_PATH);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.contentType()).startsWith(PinnedPeerKeys.JOSE);
    String old = new String(fetched.body(), StandardCharsets.US_ASCII);
    usa.peerKeys().orElseThrow().kas(KOR);
    NodeKeyring.KeyView rotated = kor.keyring().rotate(NodeKeyring.Kind.KAS, AuditActor.node(KOR));
    kor.announceKasKey();
    assertThat(usa.peerKeys().orElseThrow().kas(KOR).kid()).isEqualTo(rotated.kid());
    PeerChannel.Response replayed = announceToUsa(old);
    assertThat(replayed.status()).isEqualTo(409);
    assertThat(Json.MAPPER.readTree(replayed.body()).path("code").asText()).isEqualTo("KAS_KEY_STALE");
    assertThat(usa.peerKeys().orElseThrow().kas(KOR).kid()).isEqualTo(rotated.kid());
  }
}
