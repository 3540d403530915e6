package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.service.AuditWitnesses;
import org.pactbridge.service.AuditWitnesses.Check;
import org.pactbridge.service.AuditWitnesses.Outcome;
import org.pactbridge.service.AuditWitnesses.Round;
import org.pactbridge.service.AuditWitnesses.Status;
import org.pactbridge.store.JdbcWitnesses;

/**
 * Witnessed audit (issue 20 part 4) between two real nodes in one JVM, Korea's and the United States',
 * each with its PKI made by {@code pki init}'s code, its own H2 file database and a federation listener
 * (mutual TLS 1.3) on loopback. The United States witnesses Korea's log and Korea verifies its log
 * against the checkpoint the United States holds cosigned. Then Korea's node is restored from an older
 * copy of its data folder (database, keys and signed head file alike, so its own {@code audit verify}
 * sees nothing wrong): the witness catches the rollback, and after new entries the fork, both named with
 * the peer and the sizes; the United States refuses the inconsistent checkpoints and keeps them as
 * evidence, audited.
 */
class WitnessedAuditTest {
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  /** Makes the party's PKI (as pki init does) and its peers file naming the other party. */
  private void pki(PartyCode party, PartyCode peer, int peerPort) throws IOException {
    Path home = dir.resolve(party.value());
    PartyPki.init(party, home.resolve("pki"), List.of("127.0.0.1", "localhost"), Instant.now());
    Path peers = Files.createDirectories(dir.resolve(party.value() + "-peers"));
    Files.writeString(peers.resolve("peers.yaml"), "peers:\n  " + peer.value() + ":\n    url: https://127.0.0.1:" + peerPort + "\n    ca: "
        + peer.value() + "-ca.pem\n");
  }

  private void shareCa(PartyCode party, PartyCode with) throws IOException {
    Files.copy(dir.resolve(party.value()).resolve("pki").resolve(PartyPki.CA_CERT), dir.resolve(with.value() + "-peers").resolve(party.value() + "-ca.pem"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** The node's configuration: its data folder (H2 file database and keys), its federation listener on {@code port}. */
  private ServerConfig config(PartyCode party, int port) {
    Path data = dir.resolve(party.value()).resolve("data");
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, party, "jdbc:h2:file:" + data.resolve("db").resolve("node").toAbsolutePath(),
        data.resolve("keys"), 0);
    return config.withFederation(new ServerConfig.Federation("127.0.0.1", port, dir.resolve(party.value()).resolve("pki"),
        dir.resolve(party.value() + "-peers").resolve("peers.yaml")));
  }

  private static AuditWitnessFederation witnesses(TestNode node) {
    return node.server.auditWitnesses().orElseThrow();
  }

  private static long size(TestNode node) {
    return node.server.store().audit().head().seq();
  }

  /** Adds audit entries on the node: a user and its token are two. */
  private static void activity(TestNode node, String name) {
    node.user(name, node.config.party().value(), node.config.party().value().equals("KOR") ? "I" : "SECRET", Role.ANALYST);
  }

  private static Round round(TestNode witness, PartyCode peer) {
    return witnesses(witness).witnessNow().stream().filter(round -> round.peer().equals(peer)).findFirst().orElseThrow();
  }

  private static Check check(TestNode node, PartyCode peer) {
    return witnesses(node).witnesses().verify(peer);
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

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void aWitnessCosignsConsistentCheckpointsAndCatchesARolledBackAndThenForkedLog() throws IOException {
    long m1;
    int korPort = freePort();
    int usaPort = freePort();
    pki(KOR, USA, usaPort);
    pki(USA, KOR, korPort);
    shareCa(KOR, USA);
    shareCa(USA, KOR);
    ServerConfig korConfig = config(KOR, korPort);
    ServerConfig usaConfig = config(USA, usaPort);
    TestNode kor = TestNode.start(korConfig);
    String korAdmin = kor.adminToken;
    try (TestNode usa = TestNode.start(usaConfig)) {
      try {
        activity(kor, "kor-analyst-1");
        // nothing held yet: Korea's log is not witnessed, which is no problem
        assertThat(check(kor, USA).status()).isEqualTo(Status.NOT_WITNESSED);

        // the periodic task (every few seconds) may have cosigned it first: either way the round ends with it held
        Round first = round(usa, KOR);
        assertThat(first.outcome()).as(first.detail()).isIn(Outcome.COSIGNED, Outcome.UNCHANGED);
        m1 = first.offeredSize();
        // (Korea's log may have grown since, by the peers' KAS key announcements the nodes exchange on their own)
        assertThat(m1).isPositive().isLessThanOrEqualTo(size(kor));
        Check consistent = check(kor, USA);
        assertThat(consistent.status()).as(consistent.detail()).isEqualTo(Status.OK);
        // (sizes at least m1: the periodic task may have cosigned a newer head meanwhile)
        assertThat(consistent.heldSize()).isGreaterThanOrEqualTo(m1);
        // the cosignature is kept by both sides
        long held = usa.server.store().witnesses().latest(KOR).orElseThrow().size();
        assertThat(held).isGreaterThanOrEqualTo(m1);
        assertThat(kor.server.store().witnesses().latestCosignature(USA)).get().extracting(JdbcWitnesses.Cosignature::size).isEqualTo(held);
        Round again = round(usa, KOR);
        assertThat(again.outcome()).as(again.detail()).isIn(Outcome.UNCHANGED, Outcome.COSIGNED);
        // and the other way round
        assertThat(round(kor, USA).outcome()).isIn(Outcome.COSIGNED, Outcome.UNCHANGED);
        assertThat(check(usa, KOR).status()).isEqualTo(Status.OK);
      } finally {
        kor.close();
      }

      // an operator's backup of Korea's whole data folder: database, keys and signed head file
      copyTree(dir.resolve("KOR").resolve("data"), dir.resolve("KOR-backup"));

      kor = TestNode.restart(korConfig, korAdmin);
      try {
        activity(kor, "kor-analyst-2");
        activity(kor, "kor-analyst-3");
        Round grown = round(usa, KOR);
        assertThat(grown.outcome()).as(grown.detail()).isIn(Outcome.COSIGNED, Outcome.UNCHANGED);
        // a larger checkpoint is cosigned only after Korea's consistency proof from the one held verified
        assertThat(grown.offeredSize()).isLessThanOrEqualTo(size(kor)).isGreaterThan(m1 + 3);
        assertThat(check(kor, USA).status()).isEqualTo(Status.OK);
      } finally {
        kor.close();
      }
      long m2 = usa.server.store().witnesses().latest(KOR).orElseThrow().size();

      // restore the older copy: Korea's own chain verifies, but it is shorter than what the United States cosigned
      deleteTree(dir.resolve("KOR").resolve("data"));
      copyTree(dir.resolve("KOR-backup"), dir.resolve("KOR").resolve("data"));
      kor = TestNode.restart(korConfig, korAdmin);
      try {
        long local = size(kor);
        assertThat(local).isLessThan(m2);
        assertThat(kor.server.store().audit().verify().ok()).isTrue();
        Check rolledBack = check(kor, USA);
        assertThat(rolledBack.status()).isEqualTo(Status.ROLLED_BACK);
        assertThat(rolledBack.heldSize()).isEqualTo(m2);
        assertThat(rolledBack.localSize()).isEqualTo(local);
        assertThat(rolledBack.detail()).contains("USA").contains(Long.toString(m2)).contains(Long.toString(local));
        Round refused = round(usa, KOR);
        assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refused.detail()).startsWith("ROLLBACK");

        // new entries on the restored log: as long as the cosigned one, but another history
        while (size(kor) <= m2) {
          activity(kor, "kor-analyst-fork-" + size(kor));
        }
        Check forked = check(kor, USA);
        assertThat(forked.status()).as(forked.detail()).isEqualTo(Status.FORKED);
        assertThat(forked.detail()).contains("USA").contains("at size " + m2);
        Round refusedFork = round(usa, KOR);
        assertThat(refusedFork.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(refusedFork.detail()).startsWith("FORK");

        // the API the web UI and scripts use says the same
        String auditor = kor.user("kor-auditor", "KOR", "I", Role.NODE_AUDITOR);
        JsonNode report = kor.get("/api/v1/audit/witnesses", auditor).json();
        assertThat(report.get("ok").asBoolean()).isFalse();
        assertThat(report.get("peers").get(0).get("status").asText()).isEqualTo("FORKED");
      } finally {
        kor.close();
      }
      // the United States kept the refused checkpoints as evidence, each once with its audit entry (the periodic
      // task may have met more sizes of the shorter log on the way, each a rollback of its own)
      List<JdbcWitnesses.Evidence> evidence = usa.server.store().witnesses().evidence(KOR);
      assertThat(evidence).extracting(JdbcWitnesses.Evidence::kind).containsOnly("ROLLBACK", "FORK").contains("ROLLBACK", "FORK");
      assertThat(evidence.get(0).kind()).isEqualTo("ROLLBACK");
      assertThat(evidence.get(evidence.size() - 1).kind()).isEqualTo("FORK");
      assertThat(evidence).allSatisfy(kept -> assertThat(kept.statement()).isNotBlank());
      assertThat(evidence).extracting(kept -> kept.heldSize() + "/" + kept.offeredSize() + "/" + kept.kind()).doesNotHaveDuplicates();
      assertThat(usa.server.store().audit().entries(1, 100_000)).filteredOn(entry -> entry.event().kind().equals("WITNESS_EVIDENCE"))
          .extracting(entry -> entry.event().details().get("evidence")).containsExactlyElementsOf(evidence.stream().map(JdbcWitnesses.Evidence::id).toList());
      assertThat(usa.server.store().witnesses().latest(KOR).orElseThrow().size()).as("the held checkpoint stays").isEqualTo(m2);
    }
  }

  @Test
  void theFederationRoutesAnswerOnlyOverMutualTls() throws IOException {
    int korPort = freePort();
    int usaPort = freePort();
    pki(KOR, USA, usaPort);
    pki(USA, KOR, korPort);
    shareCa(KOR, USA);
    shareCa(USA, KOR);
    try (TestNode kor = TestNode.start(config(KOR, korPort)); TestNode usa = TestNode.start(config(USA, usaPort))) {
      assertThat(kor.server.federationEndpoints()).extracting(FederationEndpoint::path)
          .contains(AuditWitnesses.CHECKPOINT_PATH, AuditWitnesses.CONSISTENCY_PATH, AuditWitnesses.COSIGNATURES_PATH, AuditWitnesses.WITNESSED_PATH);
      // the user-facing listener has none of them
      assertThat(kor.get(AuditWitnesses.CHECKPOINT_PATH, kor.adminToken).status()).isEqualTo(404);
      // a consistency proof out of range is a problem with its code, over the federation listener
      var answer = usa.server.peerChannel().orElseThrow().get(KOR, AuditWitnesses.CONSISTENCY_PATH + "?from=5&to=100000");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("CONSISTENCY_RANGE");
    } catch (org.pactbridge.service.PeerUnreachableException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
