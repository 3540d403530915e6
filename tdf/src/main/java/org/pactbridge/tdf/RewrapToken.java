package org.pactbridge.tdf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * The rewrap request of a key access service, following OpenTDF's KAS v1 shape: the body is
 * {@code {"signedRequestToken": <compact JWS>}}, the JWS is RS256 signed by the client's own RSA key, and
 * its claims are {@code requestBody} (JSON text: {@code keyAccess}, {@code policy}, {@code clientPublicKey}
 * as PEM, {@code algorithm}), {@code iat}, optionally {@code exp}, and {@code jti}. The client proves that it
 * holds the key it asks the data key to be wrapped to: the token must verify with the public key inside it.
 *
 * <p>{@link #verify} is pure: it reads no clock; the caller passes the instant of the request. A token is
 * refused ({@link TdfException} naming {@code signedRequestToken}) when malformed ({@code
 * REWRAP_TOKEN_INVALID}), when its signature does not verify with the key it names ({@code
 * REWRAP_TOKEN_SIGNATURE}), or when it was issued more than {@link #MAX_AGE} before the instant, more than
 * {@link #SKEW} after it, or its {@code exp} has passed ({@code REWRAP_TOKEN_EXPIRED}). Replays are the
 * {@link ReplayCache}'s part. Messages never carry the token, the key or the policy.
 */
public final class RewrapToken {
  /** How old a token may be when it arrives. */
  public static final Duration MAX_AGE = Duration.ofSeconds(60);
  /** How far in the future a token's {@code iat} may be (clocks differ a little). */
  public static final Duration SKEW = Duration.ofSeconds(5);
  /** The only client key algorithm accepted: the share is wrapped to it with RSA-OAEP SHA-256. */
  public static final String ALGORITHM = "rsa:2048";
  /** At most this many characters of token: a key access object, a policy and a PEM key fit easily. */
  public static final int MAX_TOKEN_CHARS = 256 * 1024;

  /** A verified request: what to unwrap, under which policy, for which client key, and the token's id and issue instant. */
  public record Request(KeyAccess keyAccess, String policy, PublicKey clientPublicKey, String jti, Instant issuedAt) {
    public Request {
      Objects.requireNonNull(keyAccess, "keyAccess");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(clientPublicKey, "clientPublicKey");
      Objects.requireNonNull(jti, "jti");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }

    @Override
    public String toString() {
      return "RewrapRequest[kid " + keyAccess.kid() + ", jti " + jti + "]";
    }
  }

  private RewrapToken() {
  }

  /**
   * Signs a rewrap request as a client does: {@code keyAccessJson} is the archive's key access object as
   * JSON, {@code policy} the manifest's Base64 policy text, {@code clientKey} the private half of {@code
   * clientPublicKey}; issued at {@code issuedAt} with a random {@code jti}.
   */
  public static String sign(String keyAccessJson, String policy, PublicKey clientPublicKey, PrivateKey clientKey, Instant issuedAt) {
    return sign(keyAccessJson, policy, clientPublicKey, clientKey, issuedAt, UUID.randomUUID().toString());
  }

  /** As {@link #sign(String, String, PublicKey, PrivateKey, Instant)} with the given token id. */
  public static String sign(String keyAccessJson, String policy, PublicKey clientPublicKey, PrivateKey clientKey, Instant issuedAt, String jti) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    try {
      body.set("keyAccess", Json.MAPPER.readTree(keyAccessJson));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("the key access object is not JSON", e);
    }
    body.put("policy", policy);
    body.put("clientPublicKey", pem(clientPublicKey));
    body.put("algorithm", ALGORITHM);
    ObjectNode claims = Json.MAPPER.createObjectNode();
    claims.put("requestBody", Json.text(body));
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plus(MAX_AGE).getEpochSecond());
    claims.put("jti", jti);
    return Jws.signRs256(null, clientKey, claims);
  }

  /** The HTTP body of a rewrap request carrying {@code token}. */
  public static String requestBody(String token) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("signedRequestToken", token);
    return Json.text(body);
  }

  /** The token of a rewrap request's HTTP body; {@code REWRAP_TOKEN_INVALID} when the body is not {@code {"signedRequestToken": "…"}}. */
  public static String tokenOf(byte[] httpBody) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(httpBody);
    } catch (java.io.IOException e) {
      throw invalid("the body is not JSON");
    }
    if (root == null || !root.isObject() || !root.path("signedRequestToken").isTextual()) {
      throw invalid("the body needs a string field signedRequestToken");
    }
    return root.get("signedRequestToken").textValue();
  }

  /** Reads and verifies a token at the instant {@code now}; see the class comment for the refusals. */
  public static Request verify(String token, Instant now) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      throw invalid("the token is missing or longer than " + MAX_TOKEN_CHARS + " characters");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid("the token is not a compact JWS of three parts");
    }
    JsonNode header = Jws.peekHeader(token);
    if (header == null || !"RS256".equals(header.path("alg").asText(""))) {
      throw invalid("the token's header must say alg RS256");
    }
    JsonNode claims;
    try {
      claims = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
    } catch (IllegalArgumentException | java.io.IOException e) {
      throw invalid("the token's claims are not Base64url JSON");
    }
    if (claims == null || !claims.isObject() || !claims.path("requestBody").isTextual() || !claims.path("jti").isTextual()
        || !claims.path("iat").canConvertToLong() || !claims.path("iat").isIntegralNumber()) {
      throw invalid("the token's claims need requestBody (text), iat (seconds) and jti (text)");
    }
    String jti = claims.get("jti").textValue();
    if (jti.isEmpty() || jti.length() > 200) {
      throw invalid("the token's jti must be 1 to 200 characters");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(claims.get("requestBody").textValue());
    } catch (java.io.IOException e) {
      throw invalid("requestBody is not JSON");
    }
    if (body == null || !body.isObject() || !body.path("keyAccess").isObject() || !body.path("policy").isTextual()
        || !body.path("clientPublicKey").isTextual()) {
      throw invalid("requestBody needs keyAccess (object), policy (text) and clientPublicKey (PEM)");
    }
    String algorithm = body.path("algorithm").asText(ALGORITHM);
    if (!algorithm.equals(ALGORITHM) && !algorithm.equals("rsa:4096")) {
      throw invalid("algorithm must be rsa:2048 (an RSA client key)");
    }
    PublicKey clientKey = parsePem(body.get("clientPublicKey").textValue());
    if (clientKey == null || !(clientKey instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < 2048) {
      throw invalid("clientPublicKey must be an RSA public key of 2048 bits or more, as PEM");
    }
    if (Jws.verify(token, clientKey, null) == null) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_SIGNATURE, "the token does not verify with the client public key it carries");
    }
    Instant issuedAt = Instant.ofEpochSecond(claims.get("iat").longValue());
    if (issuedAt.isAfter(now.plus(SKEW))) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_EXPIRED, "the token is issued in the future");
    }
    if (issuedAt.plus(MAX_AGE).isBefore(now)) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_EXPIRED, "the token is older than " + MAX_AGE.toSeconds() + " seconds");
    }
    JsonNode exp = claims.get("exp");
    if (exp != null && (!exp.isIntegralNumber() || Instant.ofEpochSecond(exp.longValue()).isBefore(now))) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_EXPIRED, "the token's exp has passed");
    }
    KeyAccess keyAccess;
    try {
      keyAccess = KeyAccess.fromJson(body.get("keyAccess"), 0);
    } catch (TdfException e) {
      throw invalid("keyAccess is not a key access object: " + e.part());
    }
    return new Request(keyAccess, body.get("policy").textValue(), clientKey, jti, issuedAt);
  }

  /** The key share wrapped to the client's key with RSA-OAEP (SHA-256, MGF1-SHA-256), Base64: {@code entityWrappedKey}. */
  public static String wrapForClient(PublicKey clientKey, byte[] share) {
    return Crypto.base64(Crypto.wrap(clientKey, share, Crypto.OAEP_SHA256));
  }

  /** The client's side: the key share from {@code entityWrappedKey}; {@code UNWRAP_FAILED} when it does not unwrap. */
  public static byte[] unwrapForClient(PrivateKey clientKey, String entityWrappedKey) {
    byte[] wrapped = Crypto.decodeBase64Strict(entityWrappedKey);
    byte[] share = wrapped == null ? null : Crypto.unwrap(clientKey, wrapped, Crypto.OAEP_SHA256);
    if (share == null) {
      throw TdfException.unwrapFailed(0);
    }
    return share;
  }

  /** A public key as PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo, lines of 64). */
  public static String pem(PublicKey key) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
    return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
  }

  /** An RSA public key from PEM; {@code null} when the text is not one. */
  public static PublicKey parsePem(String pem) {
    String text = pem.strip();
    String begin = "-----BEGIN PUBLIC KEY-----";
    String end = "-----END PUBLIC KEY-----";
    if (!text.startsWith(begin) || !text.endsWith(end) || text.length() > 8192) {
      return null;
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(text.substring(begin.length(), text.length() - end.length()));
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      return null;
    }
  }

  private static TdfException invalid(String message) {
    return TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_INVALID, message);
  }
}
