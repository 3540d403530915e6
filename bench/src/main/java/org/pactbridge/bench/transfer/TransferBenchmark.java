package org.pactbridge.bench.transfer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.ItemArchives;
import org.pactbridge.service.ItemReleases;
import org.pactbridge.service.Items;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.NodeSignatures;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PeerKeys;
import org.pactbridge.service.ServiceException;
import org.pactbridge.service.TransferDelivery;
import org.pactbridge.service.Transfers;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.world.WorldLoader;

/**
 * Transfers between two in-JVM nodes (KOR sends 1 KiB items to USA, June 2024, reference world, each node
 * on its own embedded H2 file store), beside the floor of one transfer's own work measured in the same run.
 *
 * <p>{@code transfer}: one whole transfer as the service layer does it: the sending node decides, writes
 * the archive (AES-GCM, RSA-OAEP wraps for both KAS, two RS256 assertion signatures), signs the envelope
 * (ES256) and commits the release, holding, transfer and outbox rows; a delivery step claims the row and
 * posts it through an in-JVM channel that calls the receiving node's use case directly (no HTTP, no TLS);
 * the receiver verifies the envelope, unwraps with its KAS key, verifies the assertions, decides, decrypts,
 * commits the item, holding, archive and inbox rows and signs the receipt; the sender verifies the receipt
 * and commits it. Items are registered before each iteration (not timed).
 *
 * <p>{@code floor}: the cryptography and commits one transfer cannot avoid: two ES256 signatures and their
 * verifications (envelope, receipt), two RS256 signatures and their verifications (the assertions), two
 * RSA-OAEP wraps (both KAS) and one unwrap, and two commits (an audit append on each store).
 *
 * <p>The node signatures here are bare ES256 with a per-party key (the real ones carry the x5c chain and
 * are checked against the peer's CA: more work on each verification, not measured here).
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar 'transfer.TransferBenchmark'}
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class TransferBenchmark {
  private static final Registry WORLD = WorldLoader.reference();
  private static final PartyCode KOR = PartyCode.of("KOR");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final OAEPParameterSpec OAEP_SHA256 =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  private static final int POOL = 400;

  private Path dir;
  private Node kor;
  private Node usa;
  private User sender;
  private final Deque<String> items = new ArrayDeque<>();
  private final Map<PartyCode, KeyPair> nodeKeys = new java.util.HashMap<>();
  private byte[] content;
  // the floor's material
  private KeyPair kasA;
  private KeyPair kasB;
  private KeyPair assertion;
  private byte[] wrapped;

  /** One node: a store and the use cases a transfer runs. */
  private final class Node {
    final PartyCode party;
    final Store store;
    final Items items;
    final NodeKeyring keyring;
    final Transfers transfers;
    final TransferDelivery delivery;

    Node(PartyCode party, StoreConfig config, Clock clock) {
      this.party = party;
      this.store = Store.open(config);
      store.recordKasUrl("https://" + party.value().toLowerCase() + ".example/kas");
      this.items = new Items(store, new ReleaseEngine(WORLD), clock);
      ItemReleases releases = new ItemReleases(items);
      this.keyring = new NodeKeyring(store, party, clock);
      ItemArchives archives = new ItemArchives(items, releases, keyring, party);
      PeerChannel channel = new InJvm(party);
      this.transfers = new Transfers(items, releases, archives, keyring, party, new Es256(party), this::kasOf, channel, Clock.systemUTC());
      this.delivery = new TransferDelivery(transfers, channel, new SplittableRandom(1));
    }

    private PeerKeys.Kas kasOf(PartyCode peer) {
      Node other = peer.equals(KOR) ? kor : usa;
      org.pactbridge.tdf.KasKey key = other.keyring.kasKey(other.store.kasUrl().orElseThrow());
      return new PeerKeys.Kas(key.url(), key.kid(), key.publicKey());
    }
  }

  /** Calls the receiving node's use case directly. */
  private final class InJvm implements PeerChannel {
    private final PartyCode self;

    InJvm(PartyCode self) {
      this.self = self;
    }

    @Override
    public Set<PartyCode> peers() {
      return Set.of(self.equals(KOR) ? USA : KOR);
    }

    @Override
    public Response post(PartyCode peer, String path, String key, String contentType, byte[] body) {
      Node target = peer.equals(KOR) ? kor : usa;
      try {
        return new Response(200, "application/json", target.transfers.receive(self, key, body));
      } catch (ServiceException e) {
        return new Response(400, "application/problem+json", ("{\"code\":\"" + e.code() + "\"}").getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public Response get(PartyCode peer, String path) {
      return new Response(404, "application/problem+json", new byte[0]);
    }
  }

  /** Compact ES256 JWS with a per-party key. */
  private final class Es256 implements NodeSignatures {
    private final PartyCode self;

    Es256(PartyCode self) {
      this.self = self;
    }

    @Override
    public PartyCode party() {
      return self;
    }

    @Override
    public String sign(byte[] payload) {
      Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
      String input = b64.encodeToString(("{\"alg\":\"ES256\",\"kid\":\"" + self.value() + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
          + b64.encodeToString(payload);
      return input + "." + b64.encodeToString(es256(nodeKeys.get(self).getPrivate(), input.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public byte[] verify(String jws, PartyCode signer) {
      int last = jws.lastIndexOf('.');
      if (!es256Verify(nodeKeys.get(signer).getPublic(), jws.substring(0, last).getBytes(StandardCharsets.US_ASCII),
          Base64.getUrlDecoder().decode(jws.substring(last + 1)))) {
        throw ServiceException.forbidden("SIGNATURE_INVALID", "Signature invalid", "not signed by " + signer);
      }
      return Base64.getUrlDecoder().decode(jws.substring(jws.indexOf('.') + 1, last));
    }
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    System.setProperty("pactbridge.log.level", "warn");
    dir = Files.createTempDirectory("transfer-bench");
    nodeKeys.put(KOR, ec());
    nodeKeys.put(USA, ec());
    Clock clock = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    kor = new Node(KOR, StoreConfig.h2(dir.resolve("kor/db/pactbridge"), dir.resolve("kor/keys")), clock);
    usa = new Node(USA, StoreConfig.h2(dir.resolve("usa/db/pactbridge"), dir.resolve("usa/keys")), clock);
    org.pactbridge.core.party.Level officer = WORLD.requireParty("KOR").findLevelInAnyVersion("I").orElseThrow();
    sender = new User(UUID.randomUUID().toString(), "kor-fdo", KOR, officer, Set.of(Topic.of("dprk-missile")), Set.of(),
        Set.of(Role.DISCLOSURE_OFFICER, Role.ORIGINATOR), clock.instant());
    content = new byte[1024];
    new SplittableRandom(3).nextBytes(content);
    // one transfer must go through before anything is timed
    register(1);
    transferOne();
    kasA = rsa();
    kasB = rsa();
    assertion = rsa();
    wrapped = wrap(kasA.getPublic(), new byte[32]);
  }

  @Setup(Level.Iteration)
  public void registerItems() {
    register(POOL - items.size());
  }

  private void register(int count) {
    org.pactbridge.core.party.Level level = WORLD.requireParty("KOR").findLevelInAnyVersion("II").orElseThrow();
    ReleaseRequest label = new ReleaseRequest(Set.of(KOR), level, Releasability.open(), false, Set.of(Topic.of("dprk-missile")), null, KOR, KOR,
        null, Set.of(), Instant.parse("2024-06-01T00:00:00Z"));
    for (int i = 0; i < count; i++) {
      Item item = kor.items.register(sender, label, "//KOR II", null, content, ItemTitle.NONE);
      items.add(item.id().value());
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    kor.store.close();
    usa.store.close();
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public Object transfer() {
    if (items.isEmpty()) {
      register(50);
    }
    return transferOne();
  }

  private Object transferOne() {
    Transfers.TransferView sent = kor.transfers.send(sender, items.poll(), USA);
    kor.delivery.runOnce(1);
    return sent;
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  public Object floor() throws Exception {
    byte[] payload = new byte[400];
    byte[] envelope = es256(nodeKeys.get(KOR).getPrivate(), payload);
    boolean ok = es256Verify(nodeKeys.get(KOR).getPublic(), payload, envelope);
    byte[] receipt = es256(nodeKeys.get(USA).getPrivate(), payload);
    ok &= es256Verify(nodeKeys.get(USA).getPublic(), payload, receipt);
    for (int i = 0; i < 2; i++) {
      Signature rs = Signature.getInstance("SHA256withRSA");
      rs.initSign(assertion.getPrivate());
      rs.update(payload);
      byte[] signature = rs.sign();
      rs.initVerify(assertion.getPublic());
      rs.update(payload);
      ok &= rs.verify(signature);
    }
    byte[] a = wrap(kasA.getPublic(), payload, 32);
    byte[] b = wrap(kasB.getPublic(), payload, 32);
    Cipher unwrap = Cipher.getInstance("RSA/ECB/OAEPPadding");
    unwrap.init(Cipher.DECRYPT_MODE, kasA.getPrivate(), OAEP_SHA256);
    byte[] share = unwrap.doFinal(wrapped);
    AuditActor node = AuditActor.node(KOR);
    kor.store.audit().append(AuditEvent.of(Instant.now(), "BENCH_FLOOR", node, "bench"));
    usa.store.audit().append(AuditEvent.of(Instant.now(), "BENCH_FLOOR", node, "bench"));
    return ok ? share.length + a.length + b.length : -1;
  }

  private static byte[] wrap(PublicKey key, byte[] data, int length) throws Exception {
    return wrap(key, java.util.Arrays.copyOf(data, length));
  }

  private static byte[] wrap(PublicKey key, byte[] secret) throws Exception {
    Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, OAEP_SHA256);
    return cipher.doFinal(secret);
  }

  private static byte[] es256(PrivateKey key, byte[] input) {
    try {
      Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
      signer.initSign(key);
      signer.update(input);
      return signer.sign();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean es256Verify(PublicKey key, byte[] input, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
      verifier.initVerify(key);
      verifier.update(input);
      return verifier.verify(signature);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair ec() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static KeyPair rsa() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }
}
