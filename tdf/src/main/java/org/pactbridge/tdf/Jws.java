package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Compact JWS (RFC 7515) with the JDK alone, for the assertion bindings: RS256 (RSASSA-PKCS1-v1_5 with
 * SHA-256) to sign and verify, HS256 to verify the SDK 0.7.x default binding keyed by the payload key.
 * The header names the algorithm and, when signing, the key id. Thread-safe.
 */
final class Jws {
  private Jws() {
  }

  /** A verified token's parts: the header and the claims as JSON. */
  record Verified(JsonNode header, JsonNode claims) {
  }

  static String signRs256(String kid, PrivateKey key, ObjectNode claims) {
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("alg", "RS256");
    if (kid != null) {
      header.put("kid", kid);
    }
    String signingInput = Crypto.base64Url(Json.bytes(header)) + "." + Crypto.base64Url(Json.bytes(claims));
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(key);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Crypto.base64Url(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot sign RS256 with this assertion key (" + key.getAlgorithm() + ")", e);
    }
  }

  /** The header of a token without verifying it, to find the key id; {@code null} when it is not a JWS. */
  static JsonNode peekHeader(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
      return header != null && header.isObject() ? header : null;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return null;
    }
  }

  /**
   * Verifies a token with an RSA public key (RS256) or, when {@code hmacKey} is given and the header says
   * HS256, with that key; {@code null} when the token is malformed or the signature does not verify. The
   * algorithm is never chosen by the token alone: RS256 needs a public key, HS256 an HMAC key.
   */
  static Verified verify(String token, PublicKey rsaKey, byte[] hmacKey) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return null;
    }
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      for (String part : parts) {
        // canonical Base64url only: no two tokens carry the same signature
        if (!Crypto.base64Url(decoder.decode(part)).equals(part)) {
          return null;
        }
      }
      JsonNode header = Json.MAPPER.readTree(decoder.decode(parts[0]));
      byte[] signature = decoder.decode(parts[2]);
      byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
      String alg = header == null ? "" : header.path("alg").asText("");
      boolean good;
      if (alg.equals("RS256") && rsaKey != null) {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(rsaKey);
        verifier.update(signingInput);
        good = verifier.verify(signature);
      } else if (alg.equals("HS256") && hmacKey != null) {
        good = Crypto.equal(Crypto.hmacSha256(hmacKey, signingInput), signature);
      } else {
        good = false;
      }
      if (!good) {
        return null;
      }
      JsonNode claims = Json.MAPPER.readTree(decoder.decode(parts[1]));
      return claims != null && claims.isObject() ? new Verified(header, claims) : null;
    } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
      return null;
    }
  }
}
