package org.pactbridge.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.user.ApiToken;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.TokenRepository;
import org.pactbridge.core.user.User;
import org.pactbridge.core.user.UserRepository;

/**
 * Users and their API tokens: the first-start admin, issuing, authenticating and revoking.
 *
 * <p>A token is {@code pbt_} followed by 256 random bits (base64url). Only its SHA-256 is stored: with
 * that much entropy a fast hash is enough (no guessing attack is feasible), and it lets every request be
 * checked in a microsecond. Authenticated tokens are cached by hash; revoking through this class drops
 * the cache entry; expiry is checked on every request. Thread-safe.
 */
public final class Accounts {
  public static final String TOKEN_PREFIX = "pbt_";

  private final UserRepository users;
  private final TokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

  /** A token issued just now: the secret is shown once and never again. */
  public record Issued(ApiToken token, String secret) {}

  record Session(User user, ApiToken token) {}

  public Accounts(UserRepository users, TokenRepository tokens, Clock clock) {
    this.users = users;
    this.tokens = tokens;
    this.clock = clock;
  }

  public UserRepository users() {
    return users;
  }

  public TokenRepository tokens() {
    return tokens;
  }

  /**
   * On a node without users, creates {@code admin} (nationality: the node's party, cleared at its
   * highest level) and a token for it, and returns that token's secret, to be shown once. Empty when
   * users already exist.
   */
  public synchronized Optional<Issued> bootstrapAdmin(Party nodeParty) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    User admin = new User(UUID.randomUUID().toString(), "admin", nodeParty.code(), nodeParty.schemeAt(now).highest(), Set.of(), Set.of(),
        Set.of(Role.ADMIN), now);
    users.add(admin);
    return Optional.of(issue(admin, "first-start admin token", null));
  }

  public User create(User user) {
    users.add(user);
    return user;
  }

  public Issued issue(User user, String label, Instant expiresAt) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), user.id(), hash(secret), label, clock.instant(), expiresAt, null);
    tokens.add(token);
    return new Issued(token, secret);
  }

  /** The user a bearer token belongs to, if the token is known, not revoked and not expired. */
  public Optional<User> authenticate(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(secret);
    Session session = sessions.get(hash);
    if (session == null) {
      Optional<ApiToken> token = tokens.findByHash(hash);
      if (token.isEmpty()) {
        return Optional.empty();
      }
      Optional<User> user = users.find(token.get().userId());
      if (user.isEmpty()) {
        return Optional.empty();
      }
      session = new Session(user.get(), token.get());
      if (session.token().revokedAt() == null) {
        sessions.put(hash, session);
      }
    }
    return session.token().validAt(clock.instant()) ? Optional.of(session.user()) : Optional.empty();
  }

  public boolean revoke(ApiToken token) {
    sessions.remove(token.hash());
    return tokens.revoke(token.id(), clock.instant());
  }

  static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
