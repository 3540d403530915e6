package org.pactbridge.tdf;

import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * A key access service's public key that the data key is wrapped for: the service's base {@code url}, the
 * key's {@code kid}, and the RSA public key (2048 bits or more).
 */
public record KasKey(String url, String kid, PublicKey publicKey) {
  public KasKey {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("a KAS key needs the service's URL");
    }
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("a KAS key needs a kid");
    }
    if (!(publicKey instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException("a KAS key must be an RSA public key of 2048 bits or more");
    }
  }
}
