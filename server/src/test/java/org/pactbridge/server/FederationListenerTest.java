package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pactbridge.server.FederationFixture.JPN;
import static org.pactbridge.server.FederationFixture.KOR;
import static org.pactbridge.server.FederationFixture.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PeerUnreachableException;

/**
 * The federation listener of a real KOR node (H2) on a loopback port, over real TLS, with PKIs made by
 * {@code pki init}'s code. The node runs at 2011-01-05, when KOR and USA had an information agreement and
 * KOR and JPN none; certificates are checked at the real clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationListenerTest {
  static final Instant DECISION_INSTANT = Instant.parse("2011-01-05T00:00:00Z");

  @TempDir static Path dir;
  FederationFixture pkis;
  NodeServer kor;
  int port;

  @BeforeAll
  void start() throws IOException {
    pkis = new FederationFixture(dir);
    pkis.writePeers(KOR, peersOfKor());
    kor = pkis.start(KOR, TestNode.Db.H2, Clock.fixed(DECISION_INSTANT, ZoneOffset.UTC));
    port = kor.federationPort();
  }

  /** KOR's peers: USA and JPN (their ports do not matter to these tests, which call KOR). */
  private static Map<PartyCode, Integer> peersOfKor() {
    Map<PartyCode, Integer> peers = new LinkedHashMap<>();
    peers.put(USA, 1);
    peers.put(JPN, 1);
    return peers;
  }

  @AfterAll
  void stop() {
    kor.close();
  }

  private PeerChannel.Response hello(PartyCode as, Path identity) throws Exception {
    return pkis.channel(as, identity, KOR, port).get(KOR, "/federation/v1/hello");
  }

  private static JsonNode json(PeerChannel.Response response) throws IOException {
    return Json.MAPPER.readTree(response.body());
  }

  private static void assertRefused(PeerChannel.Response response, int status, String code) throws IOException {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(json(response).path("code").asText()).isEqualTo(code);
  }

  @Test
  void aPeerWithAnAgreementIsAcceptedAndToldTheNodesDecisionInstant() throws Exception {
    PeerChannel.Response response = hello(USA, pkis.pki(USA));
    assertThat(response.status()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.path("party").asText()).isEqualTo("KOR");
    assertThat(body.path("peer").asText()).isEqualTo("USA");
    assertThat(body.path("version").asText()).isEqualTo(NodeServer.VERSION);
    // the decision clock, while the certificates (made today) were checked at the real one
    assertThat(body.path("instant").asText()).isEqualTo("2011-01-05T00:00:00Z");
  }

  @Test
  void aPeerWithNoAgreementInForceIsRefused() throws Exception {
    assertRefused(hello(JPN, pkis.pki(JPN)), 403, "PEER_NO_AGREEMENT");
  }

  @Test
  void aCertificateFromAnUnknownCaFailsTheHandshake() throws Exception {
    PartyPki.Ca rogue = PartyPki.newCa(USA, Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1)));
    PartyPki.Issued cert = PartyPki.issue(rogue, USA, PartyPki.Use.TLS, List.of("127.0.0.1"), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(1)));
    Path identity = pkis.identityWith(USA, cert, rogue);
    assertThatThrownBy(() -> hello(USA, identity)).isInstanceOf(PeerUnreachableException.class)
        .satisfies(e -> assertThat(causes(e)).anyMatch(cause -> cause instanceof SSLException || cause instanceof IOException));
  }

  @Test
  void aCertificateNamingAnotherPartyThanItsCasIsRefused() throws Exception {
    PartyPki.Ca usa = pkis.ca(USA);
    // USA's CA certifies a node that says it is JPN's
    PartyPki.Issued cert = PartyPki.issue(usa, JPN, PartyPki.Use.TLS, List.of("127.0.0.1"), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(1)));
    assertRefused(hello(JPN, pkis.identityWith(JPN, cert, usa)), 403, "PEER_PARTY_MISMATCH");
  }

  @Test
  void anExpiredCertificateIsRefused() throws Exception {
    PartyPki.Ca usa = pkis.ca(USA);
    PartyPki.Issued cert = PartyPki.issue(usa, USA, PartyPki.Use.TLS, List.of("127.0.0.1"), Instant.now().minus(Duration.ofDays(10)),
        Instant.now().minus(Duration.ofDays(1)));
    assertRefused(hello(USA, pkis.identityWith(USA, cert, usa)), 403, "PEER_CERT_EXPIRED");
  }

  @Test
  void aCertificateRevokedWhileTheNodeRunsIsRefusedOnTheSameConnection() throws Exception {
    PartyPki.Ca usa = pkis.ca(USA);
    PartyPki.Issued cert = PartyPki.issue(usa, USA, PartyPki.Use.TLS, List.of("127.0.0.1"), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(1)));
    HttpPeerChannel channel = pkis.channel(USA, pkis.identityWith(USA, cert, usa), KOR, port);
    assertThat(channel.get(KOR, "/federation/v1/hello").status()).isEqualTo(200);
    PartyPki.revoke(pkis.pki(USA), cert.certificate(), Instant.now());
    pkis.deliverCrl(KOR, USA);
    PeerChannel.Response refused = channel.get(KOR, "/federation/v1/hello");
    assertRefused(refused, 403, "PEER_CERT_REVOKED");
    // USA's own node certificate is not on the CRL
    assertThat(hello(USA, pkis.pki(USA)).status()).isEqualTo(200);
  }

  @Test
  void noClientCertificateFailsTheHandshake() throws Exception {
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(null, new TrustManager[] {trustingAnyServer()}, new SecureRandom());
    HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/federation/v1/hello")).timeout(Duration.ofSeconds(10))
        .build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
  }

  @Test
  void aTls12ClientFailsTheHandshake() throws Exception {
    SSLContext context = SSLContext.getInstance("TLSv1.2");
    context.init(null, new TrustManager[] {trustingAnyServer()}, new SecureRandom());
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setSoTimeout(10_000);
      assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLException.class);
    }
  }

  @Test
  void aPeersFileWhoseCaNamesAnotherPartyIsRefusedWhenRead() throws Exception {
    // a peers file that gives JPN's CA for KOR is refused as a whole: the node keeps no half-read trust
    Path peers = dir.resolve("wrong-peers").resolve("peers.yaml");
    Files.createDirectories(peers.getParent());
    Files.copy(pkis.pki(JPN).resolve(PartyPki.CA_CERT), peers.getParent().resolve("not-kor-ca.pem"));
    Files.writeString(peers, "peers:\n  KOR:\n    url: https://127.0.0.1:" + port + "\n    ca: not-kor-ca.pem\n");
    assertThatThrownBy(() -> new FederationTrust(USA, pkis.pki(USA), peers)).isInstanceOf(ServerException.class)
        .hasMessageContaining("does not name party KOR");
  }

  @Test
  void aPeersFileChangeTakesEffectWithoutARestart() throws Exception {
    HttpPeerChannel channel = pkis.channel(USA, pkis.pki(USA), KOR, port);
    assertThat(channel.get(KOR, "/federation/v1/hello").status()).isEqualTo(200);
    Map<PartyCode, Integer> withoutUsa = new LinkedHashMap<>(peersOfKor());
    withoutUsa.remove(USA);
    pkis.writePeers(KOR, withoutUsa);
    try {
      // the kept-alive connection is refused by the listener; a new one fails its handshake
      assertRefused(channel.get(KOR, "/federation/v1/hello"), 403, "PEER_UNKNOWN_CA");
      assertThatThrownBy(() -> hello(USA, pkis.pki(USA))).isInstanceOf(PeerUnreachableException.class);
    } finally {
      pkis.writePeers(KOR, peersOfKor());
    }
    assertThat(hello(USA, pkis.pki(USA)).status()).isEqualTo(200);
  }

  @Test
  void aRenewedNodeCertificateIsServedFromTheNextHandshakeWithoutARestart() throws Exception {
    X509Certificate before = serverCertificate();
    assertThat(before).isEqualTo(PartyPki.readCertificates(pkis.pki(KOR).resolve(PartyPki.TLS_CERT)).get(0));
    PartyPki.Ca korCa = pkis.ca(KOR);
    PartyPki.Issued renewed = PartyPki.issue(korCa, KOR, PartyPki.Use.TLS, List.of("127.0.0.1", "localhost"), Instant.now().minusSeconds(60),
        Instant.now().plus(Duration.ofDays(30)));
    // the key first, then the certificate: until both are there the node keeps its last good reading
    PartyPki.writePrivate(pkis.pki(KOR).resolve(PartyPki.TLS_KEY), PartyPki.pem("PRIVATE KEY", renewed.key().getEncoded()));
    PartyPki.writePublic(pkis.pki(KOR).resolve(PartyPki.TLS_CERT), PartyPki.pem(renewed.certificate()) + PartyPki.pem(korCa.certificate()));
    X509Certificate after = serverCertificate();
    assertThat(after.getSerialNumber()).isEqualTo(renewed.certificate().getSerialNumber()).isNotEqualTo(before.getSerialNumber());
    assertThat(hello(USA, pkis.pki(USA)).status()).isEqualTo(200);
  }

  /** The certificate KOR's listener shows to a new TLS 1.3 connection from USA (checked by the JDK against KOR's CA alone). */
  private X509Certificate serverCertificate() throws Exception {
    java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry("node", PartyPki.readPrivateKey(pkis.pki(USA).resolve(PartyPki.TLS_KEY)), new char[0],
        PartyPki.readCertificates(pkis.pki(USA).resolve(PartyPki.TLS_CERT)).toArray(X509Certificate[]::new));
    javax.net.ssl.KeyManagerFactory keyManagers = javax.net.ssl.KeyManagerFactory.getInstance("PKIX");
    keyManagers.init(keys, new char[0]);
    java.security.KeyStore anchors = java.security.KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    anchors.setCertificateEntry("ca", pkis.ca(KOR).certificate());
    javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLSv1.3");
    context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  @Test
  void unknownRoutesAreProblemsAfterAuthentication() throws Exception {
    PeerChannel.Response response = pkis.channel(USA, pkis.pki(USA), KOR, port).get(KOR, "/federation/v1/nothing-here");
    assertRefused(response, 404, "NOT_FOUND");
    PeerChannel.Response refused = pkis.channel(JPN, pkis.pki(JPN), KOR, port).get(KOR, "/federation/v1/nothing-here");
    assertRefused(refused, 403, "PEER_NO_AGREEMENT");
  }

  @Test
  void theUserFacingListenerIsUnchanged() throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kor.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(kor.port()).isNotEqualTo(port);
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new java.util.ArrayList<>();
    for (Throwable cause = e; cause != null && !all.contains(cause); cause = cause.getCause()) {
      all.add(cause);
    }
    return all;
  }

  private static X509TrustManager trustingAnyServer() {
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
