package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.PartyPki;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.world.WorldLoader;

/**
 * {@code pactbridge audit verify --witnesses} on Korea's stopped node, whose log the United States' running
 * node witnessed over the real federation listener (mutual TLS, PKIs from {@code pki init}'s code, H2 files):
 * OK while the log is the one cosigned; after Korea's data folder is restored from an older copy, the
 * rollback is named with the peer and both sizes and the exit status is 1. Also: {@code --witnesses}
 * without its files, and {@code serve --clock} with a date it cannot read, are one clear line and exit 2.
 */
class AuditWitnessesCommandTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private Path pki(PartyCode party) {
    return dir.resolve(party.value()).resolve("pki");
  }

  private Path peers(PartyCode party) {
    return dir.resolve(party.value() + "-peers").resolve("peers.yaml");
  }

  private Path data(PartyCode party) {
    return dir.resolve(party.value()).resolve("data");
  }

  private String db(PartyCode party) {
    return "jdbc:h2:file:" + data(party).resolve("db").resolve("node").toAbsolutePath();
  }

  private void federation(PartyCode party, PartyCode peer, int peerPort) throws IOException {
    PartyPki.init(party, pki(party), List.of("127.0.0.1", "localhost"), Instant.now());
    Files.createDirectories(peers(party).getParent());
    Files.writeString(peers(party), "peers:\n  " + peer.value() + ":\n    url: https://127.0.0.1:" + peerPort + "\n    ca: " + peer.value() + "-ca.pem\n");
  }

  private ServerConfig config(PartyCode party, int port) {
    return ServerConfig.of(WorldLoader.reference(), party, db(party), data(party).resolve("keys"), 0)
        .withFederation(new ServerConfig.Federation("127.0.0.1", port, pki(party), peers(party)));
  }

  private String post(NodeServer node, String path, String token) throws Exception {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
        .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
    return answer.body();
  }

  private Cli verify() {
    return Cli.run("audit", "verify", "--db", db(KOR), "--keys", data(KOR).resolve("keys").toString(), "--witnesses", "--party", "KOR",
        "--federation-tls", pki(KOR).toString(), "--peers", peers(KOR).toString());
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void verifyWithWitnessesShowsTheLogConsistentThenNamesTheRollback() throws Exception {
    int korPort = freePort();
    int usaPort = freePort();
    federation(KOR, USA, usaPort);
    federation(USA, KOR, korPort);
    Files.copy(pki(KOR).resolve(PartyPki.CA_CERT), peers(USA).resolveSibling("KOR-ca.pem"));
    Files.copy(pki(USA).resolve(PartyPki.CA_CERT), peers(KOR).resolveSibling("USA-ca.pem"));
    try (NodeServer usa = NodeServer.start(config(USA, usaPort))) {
      String usaAdmin = usa.firstStartAdmin().orElseThrow().secret();
      String korAdmin;
      try (NodeServer kor = NodeServer.start(config(KOR, korPort))) {
        korAdmin = kor.firstStartAdmin().orElseThrow().secret();
        assertThat(post(usa, "/api/v1/audit/witnesses/rounds", usaAdmin)).contains("\"peer\":\"KOR\"").containsPattern("COSIGNED|UNCHANGED");
      }
      // Korea's node is stopped; its store answers the CLI, and the United States' node answers over mutual TLS
      Cli consistent = verify();
      assertThat(consistent.status()).as(consistent.out() + consistent.err()).isZero();
      assertThat(consistent.out()).startsWith("OK: ").contains("USA  OK");
      copyTree(data(KOR), dir.resolve("KOR-backup"));

      try (NodeServer kor = NodeServer.start(config(KOR, korPort))) {
        // more entries (a token issued to the admin is one), witnessed again
        post(kor, "/api/v1/me/tokens", korAdmin);
        post(kor, "/api/v1/me/tokens", korAdmin);
        assertThat(post(usa, "/api/v1/audit/witnesses/rounds", usaAdmin)).contains("\"peer\":\"KOR\"");
      }
      assertThat(verify().status()).isZero();

      try (Stream<Path> old = Files.walk(data(KOR))) {
        for (Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
      copyTree(dir.resolve("KOR-backup"), data(KOR));
      Cli rolledBack = verify();
      assertThat(rolledBack.status()).as(rolledBack.out() + rolledBack.err()).isEqualTo(1);
      // the restored copy is intact on its own: only the witness catches it
      assertThat(rolledBack.out()).startsWith("OK: ").containsPattern("USA  ROLLED_BACK +rolled back: USA holds a cosigned checkpoint of size \\d+, the local log has \\d+ entries");
    }
  }

  @Test
  void witnessesNeedTheirFilesAndServeRefusesAClockItCannotRead() {
    Cli missing = Cli.run("audit", "verify", "--db", "jdbc:h2:mem:x", "--keys", dir.resolve("keys").toString(), "--witnesses");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("pactbridge: --witnesses needs --federation-tls DIR and --peers FILE (the node's PKI folder and peers file)"
        + System.lineSeparator());
    Cli clock = Cli.run("serve", "--clock", "yesterday", "--port", "0", "--db", "jdbc:h2:mem:clock", "--keys", dir.resolve("keys").toString());
    assertThat(clock.status()).isEqualTo(2);
    assertThat(clock.err()).isEqualTo("pactbridge: --clock yesterday: expected a date such as 2015-06-01 or an instant such as 2015-06-01T09:00:00Z"
        + System.lineSeparator());
  }
}
