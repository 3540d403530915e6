package org.pactbridge.tdf;

import java.security.PrivateKey;
import java.util.Objects;

/** The node's RSA assertion key and its {@code kid}: the assertions' JWS bindings are RS256 with it. */
public record SigningKey(String kid, PrivateKey privateKey) {
  public SigningKey {
    if (kid == null || kid.isBlank()) {
      throw new IllegalArgumentException("an assertion key needs a kid");
    }
    Objects.requireNonNull(privateKey, "privateKey");
    if (!privateKey.getAlgorithm().equals("RSA")) {
      throw new IllegalArgumentException("an assertion key must be RSA (RS256), not " + privateKey.getAlgorithm());
    }
  }

  @Override
  public String toString() {
    return "SigningKey[" + kid + "]";
  }
}
