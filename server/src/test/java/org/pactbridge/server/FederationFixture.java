package org.pactbridge.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pactbridge.core.party.PartyCode;

/**
 * Parties' PKIs made by the real {@code pki init} code ({@link PartyPki}) in a folder, peers files naming
 * them, and nodes with a federation listener on loopback ports (H2 in memory or a PostgreSQL schema of their
 * own). The peers file of each party is {@code DIR/<party>-peers/peers.yaml}, with the peers' CA certificates
 * and CRLs copied beside it, as an operator would keep them.
 */
final class FederationFixture {
  static final PartyCode KOR = PartyCode.of("KOR");
  static final PartyCode USA = PartyCode.of("USA");
  static final PartyCode JPN = PartyCode.of("JPN");

  private final Path root;

  FederationFixture(Path root) {
    this.root = root;
  }

  /** The PKI folder of {@code party}, made on first use. */
  Path pki(PartyCode party) throws IOException {
    Path dir = root.resolve(party.value().toLowerCase(java.util.Locale.ROOT) + "-pki");
    if (!Files.exists(dir.resolve(PartyPki.CA_KEY))) {
      PartyPki.init(party, dir, List.of(), Instant.now());
    }
    return dir;
  }

  /** The CA of {@code party}, as its PKI folder holds it. */
  PartyPki.Ca ca(PartyCode party) throws IOException {
    return PartyPki.loadCa(pki(party));
  }

  /** The peers file of {@code self}: absent peers are left out; each URL is {@code https://127.0.0.1:PORT}. */
  Path peersFile(PartyCode self) {
    return root.resolve(self.value().toLowerCase(java.util.Locale.ROOT) + "-peers").resolve("peers.yaml");
  }

  /** Writes the peers file of {@code self} naming {@code peers} (party to federation port), copying their CA certificates beside it. */
  Path writePeers(PartyCode self, Map<PartyCode, Integer> peers) throws IOException {
    Path file = peersFile(self);
    Files.createDirectories(file.getParent());
    StringBuilder yaml = new StringBuilder("# peers of " + self + "\npeers:");
    if (peers.isEmpty()) {
      yaml.append(" {}");
    }
    yaml.append('\n');
    for (Map.Entry<PartyCode, Integer> peer : peers.entrySet()) {
      String name = peer.getKey().value().toLowerCase(java.util.Locale.ROOT) + "-ca.pem";
      Files.copy(pki(peer.getKey()).resolve(PartyPki.CA_CERT), file.getParent().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      yaml.append("  ").append(peer.getKey().value()).append(":\n")
          .append("    url: https://127.0.0.1:").append(peer.getValue()).append('\n')
          .append("    ca: ").append(name).append('\n');
    }
    PartyPki.writePublic(file, yaml.toString());
    return file;
  }

  /** Gives {@code self}'s node the current CRL of {@code peer}'s CA: {@code PEER.crl} beside its peers file. */
  void deliverCrl(PartyCode self, PartyCode peer) throws IOException {
    Path target = peersFile(self).getParent().resolve(peer.value() + ".crl");
    PartyPki.writePublic(target, Files.readString(pki(peer).resolve(PartyPki.CA_CRL)));
  }

  /**
   * A PKI folder for a client of {@code party}: a copy of {@code party}'s, whose TLS certificate is {@code tls}
   * (issued by whatever CA the test chose).
   */
  Path identityWith(PartyCode party, PartyPki.Issued tls, PartyPki.Ca issuer) throws IOException {
    Path dir = root.resolve("client-" + UUID.randomUUID());
    Files.createDirectories(dir);
    Path source = pki(party);
    for (String name : List.of(PartyPki.CA_CERT, PartyPki.CA_CRL, PartyPki.SIGNING_CERT, PartyPki.SIGNING_KEY)) {
      Files.copy(source.resolve(name), dir.resolve(name));
    }
    PartyPki.writePublic(dir.resolve(PartyPki.TLS_CERT), PartyPki.pem(tls.certificate()) + PartyPki.pem(issuer.certificate()));
    PartyPki.writePrivate(dir.resolve(PartyPki.TLS_KEY), PartyPki.pem("PRIVATE KEY", tls.key().getEncoded()));
    return dir;
  }

  /** A channel as {@code party} (TLS identity in {@code identity}) towards {@code target}'s listener on {@code port}. */
  HttpPeerChannel channel(PartyCode party, Path identity, PartyCode target, int port) throws IOException {
    Path peers = root.resolve("client-peers-" + UUID.randomUUID()).resolve("peers.yaml");
    Files.createDirectories(peers.getParent());
    Files.copy(pki(target).resolve(PartyPki.CA_CERT), peers.getParent().resolve("target-ca.pem"));
    PartyPki.writePublic(peers, "peers:\n  " + target.value() + ":\n    url: https://127.0.0.1:" + port + "\n    ca: target-ca.pem\n");
    return new HttpPeerChannel(new FederationTrust(party, identity, peers), Clock.systemUTC());
  }

  /** A node of {@code party} on {@code db}, with its PKI and its peers file (written empty when missing), at {@code clock}. */
  NodeServer start(PartyCode party, TestNode.Db db, Clock clock) throws IOException {
    Path peers = peersFile(party);
    if (!Files.exists(peers)) {
      writePeers(party, new LinkedHashMap<>());
    }
    String url;
    if (db == TestNode.Db.H2) {
      url = "jdbc:h2:mem:fed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    } else {
      String schema = "pb_fed_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      TestNode.execute(TestNode.PG_URL, "CREATE SCHEMA " + schema);
      url = TestNode.PG_URL + "&currentSchema=" + schema;
    }
    ServerConfig config = ServerConfig.of(TestNode.REFERENCE, party, url, TestNode.keyDir(), 0).withClock(clock)
        .withFederation(new ServerConfig.Federation("127.0.0.1", 0, pki(party), peers));
    return NodeServer.start(config);
  }
}
