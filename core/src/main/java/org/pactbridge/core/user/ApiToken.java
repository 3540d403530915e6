package org.pactbridge.core.user;

import java.time.Instant;
import java.util.Objects;

/**
 * An API token as a node keeps it: never the secret, only its hash. {@code revokedAt} is null while the
 * token is valid; {@code expiresAt} is null for a token that does not expire.
 */
public record ApiToken(String id, String userId, String hash, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(hash, "hash");
    label = label == null ? "" : label;
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the token may be used at {@code now}. */
  public boolean validAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
