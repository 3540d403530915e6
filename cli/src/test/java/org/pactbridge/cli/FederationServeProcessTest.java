package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.server.FederationTrust;
import org.pactbridge.server.HttpPeerChannel;
import org.pactbridge.server.PartyPki;
import org.pactbridge.service.PeerChannel;

/**
 * {@code pki init} for two parties, then {@code serve --federation-port --federation-tls --peers} as its own
 * process (KOR): USA's node channel is accepted on the federation listener over mutual TLS, and the
 * user-facing listener answers as before.
 */
class FederationServeProcessTest {
  @TempDir Path dir;

  @Test
  void servesTheFederationListenerBesideTheUserFacingOne() throws Exception {
    Path kor = dir.resolve("kor-pki");
    Path usa = dir.resolve("usa-pki");
    assertThat(Cli.run("pki", "init", "--party", "KOR", "--out", kor.toString()).status()).isZero();
    assertThat(Cli.run("pki", "init", "--party", "USA", "--out", usa.toString()).status()).isZero();
    Files.copy(usa.resolve(PartyPki.CA_CERT), dir.resolve("usa-ca.pem"));
    Files.copy(kor.resolve(PartyPki.CA_CERT), dir.resolve("kor-ca.pem"));
    Path korPeers = dir.resolve("kor-peers.yaml");
    Files.writeString(korPeers, "peers:\n  USA:\n    url: https://127.0.0.1:1\n    ca: usa-ca.pem\n");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (NodeProcess node = NodeProcess.start(dir.resolve("kor-home"), List.of("--port", "0", "--party", "KOR", "--federation-port",
        String.valueOf(port), "--federation-tls", kor.toString(), "--peers", korPeers.toString()), Map.of(), Duration.ofSeconds(180))) {
      Path usaPeers = dir.resolve("usa-peers.yaml");
      Files.writeString(usaPeers, "peers:\n  KOR:\n    url: https://127.0.0.1:" + port + "\n    ca: kor-ca.pem\n");
      PartyCode korParty = PartyCode.of("KOR");
      PeerChannel channel = new HttpPeerChannel(new FederationTrust(PartyCode.of("USA"), usa, usaPeers), Clock.systemUTC());
      PeerChannel.Response hello = channel.get(korParty, "/federation/v1/hello");
      assertThat(hello.status()).isEqualTo(200);
      JsonNode body = Json.MAPPER.readTree(hello.body());
      assertThat(body.path("party").asText()).isEqualTo("KOR");
      assertThat(body.path("peer").asText()).isEqualTo("USA");
      PeerChannel.Response key = channel.get(korParty, "/federation/v1/kas-key");
      assertThat(key.status()).isEqualTo(200);
      assertThat(key.contentType()).startsWith("application/jose");
      assertThat(node.url().getScheme()).isEqualTo("http");
      assertThat(node.url().getPort()).isNotEqualTo(port);
    }
  }
}
