package org.pactbridge.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a node keeps the hashes of its API tokens. Implementations are thread-safe. */
public interface TokenRepository {
  void add(ApiToken token);

  Optional<ApiToken> findByHash(String hash);

  Optional<ApiToken> findToken(String id);

  List<ApiToken> ofUser(String userId);

  /** Marks the token revoked at {@code at}; returns false when there is no such token or it already was. */
  boolean revoke(String id, Instant at);
}
