package org.pactbridge.tdf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The JDK primitives the format uses, each with the exact parameters written down once: AES-256-GCM with
 * a 96-bit IV and a 128-bit tag, HMAC-SHA256, SHA-256 and RSA-OAEP. Stateless and thread-safe.
 */
final class Crypto {
  static final int KEY_BYTES = 32;
  static final int IV_BYTES = 12;
  static final int TAG_BYTES = 16;
  /** What AES-GCM adds to each segment: the IV before and the tag after the ciphertext. */
  static final int SEGMENT_OVERHEAD = IV_BYTES + TAG_BYTES;

  /**
   * RSA-OAEP as 4.3.0 is written here: SHA-256 for the label hash AND for MGF1. The JDK's name
   * "OAEPWithSHA-256AndMGF1Padding" alone would pick MGF1 with SHA-1, so the parameters are explicit.
   */
  static final OAEPParameterSpec OAEP_SHA256 =
      new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
  /** RSA-OAEP as the SDK 0.7.x wraps: SHA-1 with MGF1-SHA-1. */
  static final OAEPParameterSpec OAEP_SHA1 =
      new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  private Crypto() {
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  static byte[] hmacSha256(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A fresh AES-GCM cipher for one segment or one metadata blob; a cipher object is cheap next to the data. */
  static Cipher gcm(int mode, byte[] key, byte[] iv) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** IV || ciphertext || tag, the layout of every segment and of the encrypted metadata. */
  static byte[] seal(byte[] key, byte[] plain) {
    byte[] iv = randomBytes(IV_BYTES);
    try {
      byte[] out = new byte[IV_BYTES + plain.length + TAG_BYTES];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      gcm(Cipher.ENCRYPT_MODE, key, iv).doFinal(plain, 0, plain.length, out, IV_BYTES);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  /** Opens {@link #seal}'s layout; {@code null} when the tag does not verify. */
  static byte[] open(byte[] key, byte[] sealed) {
    if (sealed.length < SEGMENT_OVERHEAD) {
      return null;
    }
    try {
      byte[] iv = java.util.Arrays.copyOfRange(sealed, 0, IV_BYTES);
      return gcm(Cipher.DECRYPT_MODE, key, iv).doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
    } catch (javax.crypto.AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption failed", e);
    }
  }

  static byte[] wrap(PublicKey kasKey, byte[] key, OAEPParameterSpec oaep) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.ENCRYPT_MODE, kasKey, oaep);
      return cipher.doFinal(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot wrap with this KAS public key (" + kasKey.getAlgorithm() + ")", e);
    }
  }

  /** Unwraps with one OAEP parameter set; {@code null} when the padding does not check. */
  static byte[] unwrap(PrivateKey kasKey, byte[] wrapped, OAEPParameterSpec oaep) {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      cipher.init(Cipher.DECRYPT_MODE, kasKey, oaep);
      return cipher.doFinal(wrapped);
    } catch (javax.crypto.BadPaddingException | javax.crypto.IllegalBlockSizeException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot unwrap with this private key (" + kasKey.getAlgorithm() + ")", e);
    }
  }

  static boolean equal(byte[] a, byte[] b) {
    return MessageDigest.isEqual(a, b);
  }

  static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A MAC as the manifest writes it: Base64 of the raw bytes (4.3.0) or of their lower-case hex text
   * (legacy).
   */
  static String encodeMac(byte[] mac, TdfForm form) {
    return form == TdfForm.V4_3_0 ? base64(mac) : base64(utf8(hex(mac)));
  }

  /**
   * The raw MAC from its manifest text, or {@code null} when the text is not the form's encoding of
   * {@code expectedLength} bytes. Only canonical Base64 is accepted (re-encoding gives the same text), so
   * no two texts mean the same MAC; the legacy form's hex text must be lower case, as the SDK writes it.
   */
  static byte[] decodeMac(String text, int expectedLength, TdfForm form) {
    byte[] decoded = decodeBase64Strict(text);
    if (decoded == null) {
      return null;
    }
    if (form == TdfForm.V4_3_0) {
      return decoded.length == expectedLength ? decoded : null;
    }
    String hexText = new String(decoded, StandardCharsets.US_ASCII);
    if (decoded.length != 2 * expectedLength || !hexText.matches("[0-9a-f]*")) {
      return null;
    }
    return HEX.parseHex(hexText);
  }

  /** Standard Base64 that re-encodes to the same text; {@code null} otherwise. */
  static byte[] decodeBase64Strict(String text) {
    if (text == null) {
      return null;
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      return base64(decoded).equals(text) ? decoded : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
