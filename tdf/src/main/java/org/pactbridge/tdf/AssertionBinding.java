package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.List;

/**
 * How an assertion is bound (the SDK's scheme, which 4.3.0 readers check): a JWS whose claims are {@code
 * assertionHash}, the lower-case hex SHA-256 of the assertion's RFC 8785 canonical JSON without its
 * {@code binding}, and {@code assertionSig}, Base64 of the payload's aggregate hash followed by that
 * hash. The aggregate is the segment tags concatenated: raw bytes in 4.3.0, their hex text in the legacy
 * form (where the assertion hash is appended as hex text too). So an edited assertion fails the hash, and
 * an assertion moved from another archive fails the aggregate.
 */
final class AssertionBinding {
  private AssertionBinding() {
  }

  static byte[] aggregate(List<byte[]> tags, TdfForm form) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(tags.size() * 32);
    for (byte[] tag : tags) {
      out.writeBytes(form == TdfForm.V4_3_0 ? tag : Crypto.utf8(Crypto.hex(tag)));
    }
    return out.toByteArray();
  }

  static byte[] hash(JsonNode assertion) {
    ObjectNode copy = assertion.deepCopy();
    copy.remove("binding");
    return Crypto.sha256(CanonicalJson.write(copy).getBytes(StandardCharsets.UTF_8));
  }

  static String expectedSig(byte[] aggregate, byte[] hash, TdfForm form) {
    byte[] tail = form == TdfForm.V4_3_0 ? hash : Crypto.utf8(Crypto.hex(hash));
    byte[] all = new byte[aggregate.length + tail.length];
    System.arraycopy(aggregate, 0, all, 0, aggregate.length);
    System.arraycopy(tail, 0, all, aggregate.length, tail.length);
    return Crypto.base64(all);
  }

  static ObjectNode sign(ObjectNode assertion, byte[] aggregate, SigningKey key, TdfForm form) {
    byte[] hash = hash(assertion);
    ObjectNode claims = Json.MAPPER.createObjectNode();
    claims.put("assertionHash", Crypto.hex(hash));
    claims.put("assertionSig", expectedSig(aggregate, hash, form));
    ObjectNode binding = assertion.putObject("binding");
    binding.put("method", form == TdfForm.V4_3_0 ? "jws" : "JWS");
    binding.put("signature", Jws.signRs256(key.kid(), key.privateKey(), claims));
    return assertion;
  }

  /**
   * Checks one assertion; throws {@code ASSERTION_BINDING} naming it. {@code rsaKey} verifies RS256;
   * {@code payloadKey}, when given, verifies the legacy HS256 default.
   */
  static void verify(JsonNode assertion, byte[] aggregate, TdfForm form, PublicKey rsaKey, byte[] payloadKey) {
    String id = assertion.path("id").asText("?");
    JsonNode binding = assertion.get("binding");
    if (binding == null || !binding.isObject() || !"jws".equalsIgnoreCase(binding.path("method").asText(""))
        || !binding.path("signature").isTextual()) {
      throw TdfException.assertionBinding(id, "the assertion has no JWS binding");
    }
    Jws.Verified verified = Jws.verify(binding.get("signature").textValue(), rsaKey, payloadKey);
    if (verified == null) {
      throw TdfException.assertionBinding(id, "the JWS does not verify with the assertion key");
    }
    byte[] hash = hash(assertion);
    if (!Crypto.hex(hash).equals(verified.claims().path("assertionHash").asText(""))) {
      throw TdfException.assertionBinding(id, "the assertion differs from the one signed");
    }
    if (!expectedSig(aggregate, hash, form).equals(verified.claims().path("assertionSig").asText(""))) {
      throw TdfException.assertionBinding(id, "the assertion is bound to another payload");
    }
  }
}
