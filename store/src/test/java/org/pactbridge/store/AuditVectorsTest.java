package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditCodec;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditException;
import org.pactbridge.core.audit.AuditRow;
import org.pactbridge.core.audit.ChainVerifier;
import org.pactbridge.core.audit.CheckpointSource;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.CommitRange;
import org.pactbridge.core.audit.IndexedFields;
import org.pactbridge.core.audit.KeptHead;
import org.pactbridge.core.audit.Verification;
import org.pactbridge.core.merkle.MerkleFrontier;
import org.pactbridge.core.merkle.MerkleProofs;
import org.pactbridge.core.merkle.MerkleTree;
import org.pactbridge.core.party.PartyCode;

/**
 * Runs the audit-chain test vectors (src/test/resources/audit-vectors.json, made by
 * store/scripts/make-audit-vectors.py from docs/audit-chain.md, independently of this code) case by
 * case: v1, v2 and v3 encodings with their stored columns, invalid events and bodies, chains of v1, v2
 * and v3 entries with signed heads and kept heads and the verdict each must get, the signed head texts
 * (v1, and v2 with the Merkle tree head), the head files, and the Merkle tree over a chain's bodies:
 * its head at every size and every inclusion and consistency proof, computed by the frontier and the
 * streamed proofs and checked by the RFC verifiers.
 */
class AuditVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNode VECTORS = load();
  private static final String PUBLIC_KEY = VECTORS.get("publicKeyX509").asText();

  @TempDir Path dir;

  private static JsonNode load() {
    try (InputStream in = AuditVectorsTest.class.getResourceAsStream("/audit-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read audit-vectors.json", e);
    }
  }

  private static AuditActor actor(JsonNode node) {
    String nation = node.get("nation").asText();
    return new AuditActor(node.get("id").asText(), node.get("name").asText(), nation.isEmpty() ? null : PartyCode.of(nation));
  }

  private static AuditEvent event(JsonNode node) {
    TreeMap<String, String> details = new TreeMap<>();
    node.get("details").fields().forEachRemaining(field -> details.put(field.getKey(), field.getValue().asText()));
    return new AuditEvent(Instant.parse(node.get("at").asText()), node.get("kind").asText(), actor(node.get("actor")),
        node.get("subject").asText(), details);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static IndexedFields columns(JsonNode node) {
    return new IndexedFields(text(node.get("kind")), text(node.get("subject")), text(node.get("actorId")), text(node.get("actorName")),
        text(node.get("actorNation")));
  }

  private static Checkpoint checkpoint(JsonNode node) {
    return new Checkpoint(node.get("seq").asLong(), node.get("hash").asText(), Instant.parse(node.get("at").asText()), PUBLIC_KEY,
        node.get("signature").asText(), node.has("root") ? node.get("root").asText() : null);
  }

  private static boolean signedByTheVectorKey(Checkpoint checkpoint) {
    return checkpoint.signerKey().equals(PUBLIC_KEY)
        && NodeKeys.verify(PUBLIC_KEY, checkpoint.signedBytes(), Base64.getDecoder().decode(checkpoint.signature()));
  }

  @TestFactory
  Stream<DynamicTest> canonicalEncodingColumnsAndHash() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : VECTORS.get("encoding")) {
      tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> {
        AuditEvent event = event(vector.get("event"));
        long seq = vector.get("seq").asLong();
        byte[] prev = HEX.parseHex(vector.get("prevHash").asText());
        int format = vector.get("format").asInt();
        boolean v1 = format == 1;
        CommitRange commit = v1 ? null : new CommitRange(vector.get("commit").get(0).asLong(), vector.get("commit").get(1).asLong());
        byte[] body = v1 ? AuditCodec.encodeV1(seq, event) : format == 2 ? AuditCodec.encodeV2(seq, commit, event) : AuditCodec.encode(seq, commit, event);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(vector.get("canonical").asText());
        assertThat(HEX.formatHex(body)).isEqualTo(vector.get("canonicalHex").asText());
        AuditEntry entry = v1 ? AuditChain.appendV1(seq, prev, event) : new AuditEntry(seq, prev, body, AuditChain.hash(prev, body));
        assertThat(entry.hashHex()).isEqualTo(vector.get("hash").asText());
        AuditCodec.Decoded decoded = AuditCodec.decode(body);
        assertThat(decoded).isEqualTo(new AuditCodec.Decoded(format, seq, commit, event));
        assertThat(IndexedFields.of(decoded)).isEqualTo(columns(vector.get("columns")));
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidEventsAreRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : VECTORS.get("invalidEvents")) {
      tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () ->
          assertThatThrownBy(() -> event(vector.get("event"))).isInstanceOf(AuditException.class)
              .hasMessageContaining(vector.get("error").asText())));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> nonCanonicalBodiesAreRefused() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : VECTORS.get("invalidBodies")) {
      tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () ->
          assertThatThrownBy(() -> AuditCodec.decode(HEX.parseHex(vector.get("bodyHex").asText()))).isInstanceOf(AuditException.class)
              .hasMessageContaining(vector.get("error").asText())));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> chainsVerifyAsExpected() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : VECTORS.get("chains")) {
      tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> {
        List<AuditRow> rows = new ArrayList<>();
        Map<String, Long> index = new TreeMap<>();
        for (JsonNode entry : vector.get("entries")) {
          rows.add(new AuditRow(new AuditEntry(entry.get("seq").asLong(), HEX.parseHex(entry.get("prevHash").asText()),
              HEX.parseHex(entry.get("bodyHex").asText()), HEX.parseHex(entry.get("hash").asText())), columns(entry.get("columns"))));
          index.putIfAbsent(entry.get("hash").asText(), entry.get("seq").asLong());
        }
        List<Checkpoint> checkpoints = new ArrayList<>();
        vector.get("checkpoints").forEach(node -> checkpoints.add(checkpoint(node)));
        List<KeptHead> kept = new ArrayList<>();
        vector.get("kept").forEach(node -> kept.add(new KeptHead(node.get("where").asText(), checkpoint(node))));
        Verification verification = ChainVerifier.verify(rows.iterator(), CheckpointSource.of(checkpoints), kept,
            AuditVectorsTest::signedByTheVectorKey, hash -> {
              Long seq = index.get(HEX.formatHex(hash));
              return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
            });
        JsonNode expect = vector.get("expect");
        if (expect.get("ok").asBoolean()) {
          assertThat(verification).isEqualTo(new Verification.Intact(expect.get("entries").asLong(), expect.get("lastSeq").asLong(),
              expect.get("headHash").asText(), expect.get("checkpoints").asInt()));
        } else {
          assertThat(verification).isInstanceOf(Verification.Broken.class);
          Verification.Broken broken = (Verification.Broken) verification;
          assertThat(broken.problem().name()).as(broken.message()).isEqualTo(expect.get("problem").asText());
          assertThat(broken.seq()).as(broken.message()).isEqualTo(expect.get("seq").asLong());
          if (expect.has("messageContains")) {
            assertThat(broken.message()).contains(expect.get("messageContains").asText());
          }
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void signedHeadText() throws Exception {
    JsonNode vector = VECTORS.get("checkpoint");
    byte[] signed = Checkpoint.signedBytes(vector.get("seq").asLong(), vector.get("hash").asText(), Instant.parse(vector.get("at").asText()));
    assertThat(new String(signed, StandardCharsets.UTF_8)).isEqualTo(vector.get("signedText").asText());
    PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(
        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(vector.get("privateKeyPkcs8").asText())));
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update(signed);
    assertThat(Base64.getEncoder().encodeToString(signer.sign())).isEqualTo(vector.get("signature").asText());
    assertThat(NodeKeys.verify(vector.get("publicKeyX509").asText(), signed, Base64.getDecoder().decode(vector.get("signature").asText()))).isTrue();
    signed[signed.length - 2] ^= 1;
    assertThat(NodeKeys.verify(vector.get("publicKeyX509").asText(), signed, Base64.getDecoder().decode(vector.get("signature").asText()))).isFalse();
  }

  @Test
  void headFileText() throws Exception {
    JsonNode vector = VECTORS.get("checkpoint");
    Checkpoint head = new Checkpoint(vector.get("seq").asLong(), vector.get("hash").asText(), Instant.parse(vector.get("at").asText()),
        vector.get("publicKeyX509").asText(), vector.get("signature").asText());
    assertThat(HeadFile.text(head)).isEqualTo(VECTORS.get("headFile").asText());
    Path file = dir.resolve(HeadFile.FILE);
    Files.writeString(file, VECTORS.get("headFile").asText());
    assertThat(HeadFile.read(file)).contains(head);
  }

  @Test
  void signedTreeHeadText() {
    JsonNode vector = VECTORS.get("checkpointV2");
    Checkpoint head = new Checkpoint(vector.get("seq").asLong(), vector.get("hash").asText(), Instant.parse(vector.get("at").asText()), PUBLIC_KEY,
        vector.get("signature").asText(), vector.get("root").asText());
    assertThat(new String(head.signedBytes(), StandardCharsets.UTF_8)).isEqualTo(vector.get("signedText").asText());
    assertThat(head.rootHex()).contains(vector.get("root").asText());
    assertThat(signedByTheVectorKey(head)).isTrue();
    Checkpoint otherRoot = new Checkpoint(head.seq(), head.hashHex(), head.at(), PUBLIC_KEY, head.signature(), "00".repeat(32));
    assertThat(signedByTheVectorKey(otherRoot)).isFalse();
  }

  @Test
  void headFileV2Text() throws Exception {
    JsonNode vector = VECTORS.get("checkpointV2");
    Checkpoint head = new Checkpoint(vector.get("seq").asLong(), vector.get("hash").asText(), Instant.parse(vector.get("at").asText()), PUBLIC_KEY,
        vector.get("signature").asText(), vector.get("root").asText());
    assertThat(HeadFile.text(head)).isEqualTo(VECTORS.get("headFileV2").asText());
    Path file = dir.resolve(HeadFile.FILE);
    Files.writeString(file, VECTORS.get("headFileV2").asText());
    assertThat(HeadFile.read(file)).contains(head);
  }

  @Test
  void merkleTreeHeadsAndProofs() {
    JsonNode tree = VECTORS.get("tree");
    List<byte[]> leaves = new ArrayList<>();
    MerkleFrontier frontier = new MerkleFrontier();
    assertThat(HEX.formatHex(frontier.root())).isEqualTo(tree.get("roots").get(0).asText());
    for (int i = 0; i < tree.get("bodiesHex").size(); i++) {
      byte[] leaf = MerkleTree.leafHash(HEX.parseHex(tree.get("bodiesHex").get(i).asText()));
      assertThat(HEX.formatHex(leaf)).isEqualTo(tree.get("leafHashes").get(i).asText());
      leaves.add(leaf);
      frontier.append(leaf);
      assertThat(HEX.formatHex(frontier.root())).as("size %d", i + 1).isEqualTo(tree.get("roots").get(i + 1).asText());
    }
    MerkleProofs.Ranges ranges = (from, to) -> MerkleTree.root(leaves.subList((int) from, (int) to));
    for (JsonNode vector : tree.get("inclusion")) {
      long seq = vector.get("seq").asLong();
      long size = vector.get("size").asLong();
      List<String> expected = new ArrayList<>();
      vector.get("proof").forEach(node -> expected.add(node.asText()));
      List<byte[]> proof = MerkleProofs.inclusionProof(ranges, seq - 1, size);
      assertThat(proof.stream().map(HEX::formatHex).toList()).as("entry %d in %d", seq, size).isEqualTo(expected);
      assertThat(MerkleTree.verifyInclusion(leaves.get((int) seq - 1), seq - 1, size, proof, HEX.parseHex(tree.get("roots").get((int) size).asText())))
          .isTrue();
    }
    for (JsonNode vector : tree.get("consistency")) {
      long oldSize = vector.get("oldSize").asLong();
      long newSize = vector.get("newSize").asLong();
      List<String> expected = new ArrayList<>();
      vector.get("proof").forEach(node -> expected.add(node.asText()));
      List<byte[]> proof = MerkleProofs.consistencyProof(ranges, oldSize, newSize);
      assertThat(proof.stream().map(HEX::formatHex).toList()).as("%d to %d", oldSize, newSize).isEqualTo(expected);
      assertThat(MerkleTree.verifyConsistency(oldSize, newSize, HEX.parseHex(tree.get("roots").get((int) oldSize).asText()),
          HEX.parseHex(tree.get("roots").get((int) newSize).asText()), proof)).isTrue();
    }
  }
}
