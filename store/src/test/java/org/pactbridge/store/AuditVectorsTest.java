package org.pactbridge.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.pactbridge.core.audit.AuditChain;
import org.pactbridge.core.audit.AuditCodec;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditException;
import org.pactbridge.core.audit.ChainHead;
import org.pactbridge.core.audit.ChainVerifier;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.audit.Verification;

/**
 * Runs the audit-chain test vectors (src/test/resources/audit-vectors.json, made by
 * store/scripts/make-audit-vectors.py from docs/audit-chain.md, independently of this code) case by case.
 */
class AuditVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final JsonNode VECTORS = load();

  private static JsonNode load() {
    try (InputStream in = AuditVectorsTest.class.getResourceAsStream("/audit-vectors.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read audit-vectors.json", e);
    }
  }

  private static AuditEvent event(JsonNode node) {
    TreeMap<String, String> details = new TreeMap<>();
    node.get("details").fields().forEachRemaining(field -> details.put(field.getKey(), field.getValue().asText()));
    return new AuditEvent(Instant.parse(node.get("at").asText()), node.get("kind").asText(), node.get("actor").asText(),
        node.get("subject").asText(), details);
  }

  @TestFactory
  Stream<DynamicTest> canonicalEncodingAndHash() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : VECTORS.get("encoding")) {
      tests.add(DynamicTest.dynamicTest(vector.get("name").asText(), () -> {
        AuditEvent event = event(vector.get("event"));
        long seq = vector.get("seq").asLong();
        byte[] body = AuditCodec.encode(seq, event);
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(vector.get("canonical").asText());
        assertThat(HEX.formatHex(body)).isEqualTo(vector.get("canonicalHex").asText());
        AuditEntry entry = AuditChain.append(seq, HEX.parseHex(vector.get("prevHash").asText()), event);
        assertThat(entry.hashHex()).isEqualTo(vector.get("hash").asText());
        assertThat(AuditCodec.decode(body)).isEqualTo(new AuditCodec.Decoded(seq, event));
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
        List<AuditEntry> entries = new ArrayList<>();
        Map<String, Long> index = new TreeMap<>();
        for (JsonNode entry : vector.get("entries")) {
          entries.add(new AuditEntry(entry.get("seq").asLong(), HEX.parseHex(entry.get("prevHash").asText()),
              HEX.parseHex(entry.get("bodyHex").asText()), HEX.parseHex(entry.get("hash").asText())));
          index.putIfAbsent(entry.get("hash").asText(), entry.get("seq").asLong());
        }
        JsonNode headNode = vector.get("head");
        ChainHead head = headNode == null || headNode.isNull() ? null : new ChainHead(headNode.get("seq").asLong(), headNode.get("hash").asText());
        Verification verification = ChainVerifier.verify(entries.iterator(), hash -> {
          Long seq = index.get(HEX.formatHex(hash));
          return seq == null ? OptionalLong.empty() : OptionalLong.of(seq);
        }, head, List.of(), checkpoint -> true);
        JsonNode expect = vector.get("expect");
        if (expect.get("ok").asBoolean()) {
          assertThat(verification).isEqualTo(new Verification.Intact(expect.get("entries").asLong(), expect.get("lastSeq").asLong(),
              expect.get("headHash").asText(), 0));
        } else {
          assertThat(verification).isInstanceOf(Verification.Broken.class);
          Verification.Broken broken = (Verification.Broken) verification;
          assertThat(broken.problem().name()).isEqualTo(expect.get("problem").asText());
          assertThat(broken.seq()).isEqualTo(expect.get("seq").asLong());
        }
      }));
    }
    return tests.stream();
  }

  @Test
  void checkpointSignature() throws Exception {
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
}
