package org.pactbridge.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of item content: a fresh 256-bit data key per item encrypts the content
 * (AES-GCM, 96-bit random IV, 128-bit tag, the item id as associated data), and the master key wraps
 * the data key the same way (associated data {@code pactbridge-dek-v1:<item id>}). Moving a ciphertext
 * or a wrapped key to another item makes decryption fail. Thread-safe.
 */
final class ContentCipher {
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private final SecretKey masterKey;

  ContentCipher(SecretKey masterKey) {
    this.masterKey = masterKey;
  }

  /** What is stored for one item's content. */
  record Sealed(byte[] keyIv, byte[] wrappedKey, byte[] contentIv, byte[] ciphertext) {}

  /**
   * An item's title, sealed like its content under a data key of its own, with {@code title:<item id>} as the
   * associated data of both layers: a title cannot be opened as content, nor content as a title.
   */
  Sealed sealTitle(String itemId, byte[] title) {
    return seal(TITLE + itemId, title);
  }

  /** The plain title; a tampered row or a wrong key is a {@link StoreException} naming the item, never the title. */
  byte[] openTitle(String itemId, Sealed sealed) {
    try {
      return open(TITLE + itemId, sealed);
    } catch (StoreException e) {
      throw StoreException.contentCorrupt(itemId, "its title fails authentication under this node's master key");
    }
  }

  private static final String TITLE = "title:";
  private static final String TDF_KEY = "tdfkey:";

  /** A ZTDF private key (PKCS#8), sealed with {@code tdfkey:<kid>} as the associated data of both layers. */
  Sealed sealKey(String kid, byte[] pkcs8) {
    return seal(TDF_KEY + kid, pkcs8);
  }

  /** The PKCS#8 bytes of a sealed ZTDF private key; a tampered row or another node's key is a {@link StoreException} naming the kid. */
  byte[] openKey(String kid, Sealed sealed) {
    try {
      return open(TDF_KEY + kid, sealed);
    } catch (StoreException e) {
      throw StoreException.keyCorrupt(kid);
    }
  }

  Sealed seal(String itemId, byte[] content) {
    // the data key and both IVs from one call: the generator is shared by the bulk import's threads
    byte[] fresh = new byte[32 + 12 + 12];
    random.nextBytes(fresh);
    byte[] dataKey = java.util.Arrays.copyOfRange(fresh, 0, 32);
    byte[] contentIv = java.util.Arrays.copyOfRange(fresh, 32, 44);
    byte[] keyIv = java.util.Arrays.copyOfRange(fresh, 44, 56);
    java.util.Arrays.fill(fresh, (byte) 0);
    byte[] ciphertext = gcm(DATA.get(), Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), contentIv, itemId.getBytes(StandardCharsets.UTF_8),
        content);
    byte[] wrapped = gcm(WRAP.get(), Cipher.ENCRYPT_MODE, masterKey, keyIv, wrapAad(itemId), dataKey);
    java.util.Arrays.fill(dataKey, (byte) 0);
    return new Sealed(keyIv, wrapped, contentIv, ciphertext);
  }

  /** The plain content; a tampered row or a wrong key is a {@link StoreException}. */
  byte[] open(String itemId, Sealed sealed) {
    byte[] dataKey;
    try {
      dataKey = gcm(WRAP.get(), Cipher.DECRYPT_MODE, masterKey, sealed.keyIv(), wrapAad(itemId), sealed.wrappedKey());
    } catch (IllegalStateException e) {
      throw StoreException.contentCorrupt(itemId, "its data key does not unwrap under this node's master key");
    }
    try {
      return gcm(DATA.get(), Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"), sealed.contentIv(), itemId.getBytes(StandardCharsets.UTF_8),
          sealed.ciphertext());
    } catch (IllegalStateException e) {
      throw StoreException.contentCorrupt(itemId, "its ciphertext fails authentication");
    } finally {
      java.util.Arrays.fill(dataKey, (byte) 0);
    }
  }

  private static byte[] wrapAad(String itemId) {
    return ("pactbridge-dek-v1:" + itemId).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * One AES-GCM object per thread for the master key and one for data keys, each initialised afresh
   * (new IV) for every use: looking the algorithm up in the providers cost more than sealing 1 KiB, and
   * keeping the master key's cipher apart lets it reuse its expanded key.
   */
  private static final ThreadLocal<Cipher> WRAP = ThreadLocal.withInitial(ContentCipher::newCipher);
  private static final ThreadLocal<Cipher> DATA = ThreadLocal.withInitial(ContentCipher::newCipher);

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/GCM", e);
    }
  }

  private static byte[] gcm(Cipher cipher, int mode, SecretKey key, byte[] iv, byte[] aad, byte[] input) {
    try {
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new IllegalStateException("authentication failed", e);
    } catch (GeneralSecurityException | java.security.ProviderException e) {
      // a truncated or malformed ciphertext surfaces as a provider error: treat it as failed authentication
      throw new IllegalStateException("AES-GCM failed: " + e.getMessage(), e);
    }
  }
}
