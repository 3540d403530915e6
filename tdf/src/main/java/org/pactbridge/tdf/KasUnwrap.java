package org.pactbridge.tdf;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a key access service does with a key access object before it decides anything: the object must
 * name this service, its {@code kid} must be a key held here, the wrapped key must unwrap, and the policy
 * binding must verify with the unwrapped share over the policy text the request carries. Only then is
 * the policy's label trustworthy input for the release engine. This class checks; it does not decide.
 *
 * <p>RSA-OAEP is tried with SHA-256 (4.3.0, as Pactbridge writes) and then with SHA-1 (SDK 0.7.x): a
 * rewrap request carries the key access object, not the manifest's version. Both failures give the same
 * {@code UNWRAP_FAILED}. Thread-safe when the key lookup is.
 */
public final class KasUnwrap {
  private final String url;
  private final Function<String, Optional<PrivateKey>> keysByKid;

  /**
   * {@code url}: this service's base URL as key access objects name it (a trailing slash is ignored).
   * {@code keysByKid}: the private key of a kid, including retired-for-wrapping keys kept for unwrap; it is
   * called with {@code null} for an object without a kid.
   */
  public KasUnwrap(String url, Function<String, Optional<PrivateKey>> keysByKid) {
    this.url = normalise(Objects.requireNonNull(url, "url"));
    this.keysByKid = Objects.requireNonNull(keysByKid, "keysByKid");
  }

  /** The key share of a key access object, after every check above; {@link TdfException} otherwise. */
  public byte[] unwrap(KeyAccess keyAccess, String policyBase64) {
    if (!normalise(keyAccess.url()).equals(url)) {
      throw TdfException.wrongKas(keyAccess.index(), keyAccess.url(), url);
    }
    if (!"wrapped".equals(keyAccess.type())) {
      throw TdfException.manifestInvalid("keyAccess[" + keyAccess.index() + "].type", "only wrapped keys are unwrapped here");
    }
    PrivateKey key = keysByKid.apply(keyAccess.kid()).orElseThrow(() -> TdfException.unknownKey(keyAccess.index(), keyAccess.kid()));
    byte[] wrapped = Crypto.decodeBase64Strict(keyAccess.wrappedKey());
    if (wrapped == null) {
      throw TdfException.unwrapFailed(keyAccess.index());
    }
    byte[] share = Crypto.unwrap(key, wrapped, Crypto.OAEP_SHA256);
    if (share == null) {
      share = Crypto.unwrap(key, wrapped, Crypto.OAEP_SHA1);
    }
    if (share == null || share.length != Crypto.KEY_BYTES) {
      throw TdfException.unwrapFailed(keyAccess.index());
    }
    if (!bindingHolds(share, policyBase64, keyAccess)) {
      Arrays.fill(share, (byte) 0);
      throw TdfException.policyBinding("keyAccess " + keyAccess.index() + " policyBinding");
    }
    return share;
  }

  /**
   * The policy binding check: HMAC-SHA256 with the key share over the Base64 policy text equals the
   * object's binding, read as 4.3.0 (Base64 of the MAC) or legacy (Base64 of its hex text). Constant time
   * in the MAC comparison.
   */
  public static boolean bindingHolds(byte[] share, String policyBase64, KeyAccess keyAccess) {
    if (!"HS256".equals(keyAccess.bindingAlg())) {
      return false;
    }
    byte[] expected = Crypto.hmacSha256(share, Crypto.utf8(policyBase64));
    byte[] given = Crypto.decodeMac(keyAccess.bindingHash(), 32, TdfForm.V4_3_0);
    if (given == null) {
      given = Crypto.decodeMac(keyAccess.bindingHash(), 32, TdfForm.LEGACY);
    }
    return given != null && Crypto.equal(expected, given);
  }

  private static String normalise(String text) {
    String trimmed = text.strip();
    return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
  }
}
