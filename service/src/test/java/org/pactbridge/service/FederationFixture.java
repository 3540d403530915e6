package org.pactbridge.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.world.WorldLoader;

/**
 * Nodes for the service-level federation tests: each with its own real store (H2 file or PostgreSQL
 * schema), keys and use cases, joined by an in-JVM {@link PeerChannel} that calls the receiving node's use
 * case directly and can drop a request, lose an answer, deliver twice, alter a body or die mid-delivery.
 * The node signatures are real ES256 JWS over per-party P-256 keys (the certificate chain is the
 * federation listener's part, tested there); the peers' KAS keys are the nodes' own.
 */
final class FederationFixture implements AutoCloseable {
  static final Registry WORLD = WorldLoader.reference();
  static final Topic MISSILES = Topic.of("dprk-missile");

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** What the channel does to the next message(s). */
  enum Fault { NONE, DROP, LOSE_ANSWER, DUPLICATE, ALTER_ARCHIVE, CRASH_AFTER_SEND }

  /** A worker's death after the peer answered and before the answer was recorded. */
  static final class Crash extends Error {
    private static final long serialVersionUID = 1L;

    Crash() {
      super("the worker died", null, false, false);
    }
  }

  final MutableClock exercise;
  final MutableClock real = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final Map<PartyCode, Node> nodes = new LinkedHashMap<>();
  final Map<PartyCode, KeyPair> signingKeys = new LinkedHashMap<>();
  final Deque<Fault> faults = new ArrayDeque<>();
  private final Function<String, StoreConfig> configs;

  FederationFixture(Instant at, Function<String, StoreConfig> configs, String... parties) {
    this.exercise = new MutableClock(at);
    this.configs = configs;
    for (String code : parties) {
      signingKeys.put(PartyCode.of(code), ecKey());
    }
    for (String code : parties) {
      PartyCode party = PartyCode.of(code);
      nodes.put(party, new Node(party, configs.apply(code)));
    }
  }

  /** H2 stores, one per node, under {@code dir}. */
  static Function<String, StoreConfig> h2(Path dir) {
    return code -> org.pactbridge.store.TestDatabases.h2(dir.resolve(code.toLowerCase()));
  }

  /** PostgreSQL schemas, one per node. */
  static Function<String, StoreConfig> postgres(Path dir) {
    return code -> org.pactbridge.store.TestDatabases.postgres(dir.resolve(code.toLowerCase()), "fed_" + code.toLowerCase());
  }

  Node node(String code) {
    return nodes.get(PartyCode.of(code));
  }

  /** One node: its store and use cases; {@link #restart} closes the store and opens it again, as a killed process's successor. */
  final class Node {
    final PartyCode party;
    final StoreConfig config;
    Store store;
    Items items;
    ItemReleases releases;
    NodeKeyring keyring;
    Transfers transfers;
    Consents consents;
    TransferDelivery delivery;

    Node(PartyCode party, StoreConfig config) {
      this.party = party;
      this.config = config;
      open();
    }

    private void open() {
      store = Store.open(config);
      store.recordKasUrl("https://" + party.value().toLowerCase() + ".example/kas");
      items = new Items(store, new ReleaseEngine(WORLD), exercise);
      releases = new ItemReleases(items);
      keyring = new NodeKeyring(store, party, exercise);
      ItemArchives archives = new ItemArchives(items, releases, keyring, party);
      transfers = new Transfers(items, releases, archives, keyring, party, new Signatures(party), this::peerKas, new Channel(party), real);
      consents = new Consents(items, transfers);
      delivery = new TransferDelivery(transfers, new Channel(party), new Random(7));
    }

    void restart() {
      store.close();
      open();
    }

    private PeerKeys.Kas peerKas(PartyCode peer) {
      Node other = nodes.get(peer);
      org.pactbridge.tdf.KasKey key = other.keyring.kasKey(other.store.kasUrl().orElseThrow());
      return new PeerKeys.Kas(key.url(), key.kid(), key.publicKey());
    }

    User user(String name, String clearance, Role role) {
      Level level = WORLD.requireParty(party.value()).findLevelInAnyVersion(clearance).orElseThrow();
      return new User(UUID.randomUUID().toString(), name, party, level, Set.of(MISSILES), Set.of(), Set.of(role), exercise.instant());
    }

    /** Runs the delivery workers' steps until nothing is due now (bounded). */
    int deliverAll() {
      int sent = 0;
      for (int round = 0; round < 20; round++) {
        int n = delivery.runOnce(50);
        sent += n;
        if (n == 0) {
          break;
        }
      }
      return sent;
    }
  }

  /** A KOR II missile report registered on Korea's node. */
  Item korReport(String content) {
    Node kor = node("KOR");
    User originator = kor.user("kor-originator", "I", Role.ORIGINATOR);
    Level level = WORLD.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
    ReleaseRequest label = new ReleaseRequest(Set.of(PartyCode.of("KOR")), level, Releasability.open(), false, Set.of(MISSILES), null,
        PartyCode.of("KOR"), PartyCode.of("KOR"), null, Set.of(), exercise.instant());
    return kor.items.register(originator, label, "//KOR II", null, content.getBytes(StandardCharsets.UTF_8), new ItemTitle("Report " + content));
  }

  /** The in-JVM way from one node to the others, with the faults the test queues. */
  final class Channel implements PeerChannel {
    private final PartyCode self;

    Channel(PartyCode self) {
      this.self = self;
    }

    @Override
    public Set<PartyCode> peers() {
      return nodes.keySet().stream().filter(party -> !party.equals(self)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public Response post(PartyCode peer, String path, String key, String contentType, byte[] body) throws PeerUnreachableException {
      Fault fault = faults.isEmpty() ? Fault.NONE : faults.poll();
      switch (fault) {
        case DROP -> throw new PeerUnreachableException(peer, "connection refused", null);
        case ALTER_ARCHIVE -> body = alterArchive(body);
        default -> { }
      }
      Response response = dispatch(peer, path, key, body);
      switch (fault) {
        case LOSE_ANSWER -> throw new PeerUnreachableException(peer, "connection reset before the answer", null);
        case DUPLICATE -> response = dispatch(peer, path, key, body);
        case CRASH_AFTER_SEND -> throw new Crash();
        default -> { }
      }
      return response;
    }

    private Response dispatch(PartyCode peer, String path, String key, byte[] body) {
      Transfers receiver = nodes.get(peer).transfers;
      try {
        byte[] answer = switch (path) {
          case FederationMessages.TRANSFERS_PATH -> receiver.receive(self, key, body);
          case FederationMessages.CONSENT_REQUESTS_PATH -> receiver.receiveConsentRequest(self, body);
          case FederationMessages.CONSENT_ANSWERS_PATH -> receiver.receiveConsentAnswer(self, body);
          default -> null;
        };
        return answer == null ? new Response(404, "application/problem+json", problem("NOT_FOUND")) : new Response(200, "application/json", answer);
      } catch (ServiceException e) {
        int status = switch (e.kind()) {
          case NOT_FOUND -> 404;
          case FORBIDDEN -> 403;
          case CONFLICT -> 409;
          case BAD_INPUT -> 400;
        };
        return new Response(status, "application/problem+json", problem(e.code()));
      }
    }

    @Override
    public Response get(PartyCode peer, String path) {
      return new Response(404, "application/problem+json", problem("NOT_FOUND"));
    }
  }

  private static byte[] problem(String code) {
    return ("{\"code\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** The body with one byte of the archive flipped (the signed envelope untouched). */
  static byte[] alterArchive(byte[] body) {
    FederationMessages.TransferBody parsed = FederationMessages.readTransferBody(body);
    byte[] archive = parsed.archive().clone();
    archive[archive.length / 2] ^= 0x01;
    return FederationMessages.transferBody(parsed.envelopeJws(), archive);
  }

  /** ES256 compact JWS whose kid names the signing party; verify checks the kid and the key of the party asked for. */
  final class Signatures implements NodeSignatures {
    private final PartyCode self;

    Signatures(PartyCode self) {
      this.self = self;
    }

    @Override
    public PartyCode party() {
      return self;
    }

    @Override
    public String sign(byte[] payload) {
      return signAs(self, payload);
    }

    @Override
    public byte[] verify(String jws, PartyCode signer) {
      String[] parts = jws.split("\\.", -1);
      KeyPair key = signingKeys.get(signer);
      if (parts.length != 3 || key == null) {
        throw ServiceException.forbidden(key == null ? "UNKNOWN_PEER" : "SIGNATURE_INVALID", "Signature invalid", "not a JWS of " + signer);
      }
      try {
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(key.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!header.contains("\"kid\":\"" + signer.value() + "\"") || !verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
          throw ServiceException.forbidden("SIGNATURE_INVALID", "Signature invalid", "the JWS is not signed by the node of " + signer);
        }
        return Base64.getUrlDecoder().decode(parts[1]);
      } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
        throw ServiceException.forbidden("SIGNATURE_INVALID", "Signature invalid", "the JWS is not signed by the node of " + signer);
      }
    }
  }

  /** A JWS signed with {@code party}'s node key: how a node misbehaving as another would sign. */
  String signAs(PartyCode party, byte[] payload) {
    try {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String header = b64.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + party.value() + "\"}").getBytes(StandardCharsets.UTF_8));
      String body = b64.encodeToString(payload);
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(signingKeys.get(party).getPrivate());
      signer.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
      return header + "." + body + "." + b64.encodeToString(signer.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ecKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  List<Node> all() {
    return List.copyOf(nodes.values());
  }

  @Override
  public void close() {
    for (Node node : nodes.values()) {
      node.store.close();
      if (node.config.schema() != null) {
        org.pactbridge.store.TestDatabases.dropSchema(node.config.schema());
      }
    }
  }
}
