package org.pactbridge.service;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.user.ApiToken;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.TokenRepository;
import org.pactbridge.core.user.User;
import org.pactbridge.core.user.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users and their API tokens: the first-start admin, issuing, authenticating and revoking.
 *
 * <p>A token is {@code pbt_} followed by 256 random bits (base64url). Only its SHA-256 is stored: with
 * that much entropy a fast hash is enough (no guessing attack is feasible), and it lets every request be
 * checked in a microsecond. Expiry is checked on every request.
 *
 * <p>Revocation across processes: authenticated tokens are cached by hash, in a cache that belongs to a
 * <em>generation</em> of the database's revocation counter ({@code pb_revocation}). Every revoke and
 * user deletion, by any process on the same database, moves that counter in its own transaction; each
 * instance reads it every {@value #POLL_MILLIS} ms on a daemon thread and, when it has moved, starts a
 * new, empty cache. A look-up takes the cache it will fill <em>before</em> it reads the database, so a
 * token read just before a revoke committed can only land in a cache that the next poll throws away:
 * a revoked token or a deleted user stops working on every instance within one poll, well under a
 * second. Requests never read the database for a cached token. Thread-safe.
 *
 * <p>The users' and tokens' tables are the server's ({@code JdbcUsers}), behind the core's repository
 * interfaces; the audit log is the store's.
 *
 * <p>Creating a user, issuing a token and revoking one are audited ({@code USER_CREATED},
 * {@code TOKEN_ISSUED}, {@code TOKEN_REVOKED}) as done by the acting user, after the change is stored:
 * the users' tables live beside the store's, on another connection, so the two are not one transaction.
 * A failed append fails the call, after the change.
 */
public final class Accounts implements AutoCloseable {
  static final long POLL_MILLIS = 200;

  public static final String TOKEN_PREFIX = "pbt_";
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

  private final UserRepository users;
  private final TokenRepository tokens;
  /** The real clock: token issue, expiry and revocation, and deletions, are about the present world. */
  private final Clock clock;
  /** The node's clock as given (an exercise clock on {@code serve --clock}): the instants audit entries and new users record. */
  private final Clock recorded;
  private final AuditLog audit;
  private final SecureRandom random = new SecureRandom();
  private final RevocationSource revocations;
  private final ScheduledExecutorService poller;
  private volatile Generation current;

  /** A token issued just now: the secret is shown once and never again. */
  public record Issued(ApiToken token, String secret) {}

  private record Session(User user, ApiToken token) {}

  /** The cache of one revocation generation. */
  private record Generation(long number, ConcurrentHashMap<String, Session> sessions) {}

  /** Where the revocation counter is read: the database every instance shares. */
  @FunctionalInterface
  public interface RevocationSource {
    long generation();
  }

  /**
   * Accounts whose cache follows {@code revocations}, polled on a daemon thread until {@link #close}. Given an
   * {@link ExerciseClock}, tokens are still issued and checked by its real clock; audit entries carry its instants.
   */
  public Accounts(UserRepository users, TokenRepository tokens, RevocationSource revocations, Clock clock, AuditLog audit) {
    this.users = users;
    this.tokens = tokens;
    this.revocations = revocations;
    this.clock = ExerciseClock.real(clock);
    this.recorded = clock;
    this.audit = audit;
    this.current = new Generation(revocations.generation(), new ConcurrentHashMap<>());
    this.poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pactbridge-revocation-poll");
      thread.setDaemon(true);
      return thread;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Reads the revocation counter now and, if it moved, starts an empty cache. Called by the poller, and
   * after this process revokes, so that its own revocations take effect at once.
   */
  void poll() {
    long generation = revocations.generation();
    if (generation != current.number()) {
      current = new Generation(generation, new ConcurrentHashMap<>());
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // A database that does not answer: drop the cache rather than trust it (fail closed), and say so
      // with the exception's class only.
      current = new Generation(Long.MIN_VALUE, new ConcurrentHashMap<>());
      LOG.warn("cannot read the revocation generation ({}); token cache dropped", e.getClass().getSimpleName());
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
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
   * users already exist. Audited as done by the node itself.
   */
  public synchronized Optional<Issued> bootstrapAdmin(Party nodeParty) {
    if (users.count() > 0) {
      return Optional.empty();
    }
    Instant now = recorded.instant();
    User admin = new User(UUID.randomUUID().toString(), "admin", nodeParty.code(), nodeParty.schemeAt(now).highest(), Set.of(), Set.of(),
        Set.of(Role.ADMIN), now);
    AuditActor node = AuditActor.node(nodeParty.code());
    create(admin, node);
    return Optional.of(issue(admin, "first-start admin token", null, node));
  }

  /** Stores a new user, audited as created by {@code by}. */
  public User create(User user, AuditActor by) {
    users.add(user);
    audit.append(AuditEvent.of(recorded.instant(), "USER_CREATED", by, user.id(), "name", user.name(), "nationality", user.nationality().value(),
        "clearance", user.clearance().qualified(), "roles", user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
        "need-to-know", user.needToKnow().stream().map(Topic::slug).sorted().collect(Collectors.joining(",")),
        "compartments", user.compartments().stream().sorted().collect(Collectors.joining(","))));
    return user;
  }

  /** Issues a token for {@code user}, audited as issued by {@code by} (the user, or an admin); the label stays out of the audit. */
  public Issued issue(User user, String label, Instant expiresAt, AuditActor by) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), user.id(), hash(secret), label, clock.instant(), expiresAt, null);
    tokens.add(token);
    audit.append(AuditEvent.of(recorded.instant(), "TOKEN_ISSUED", by, token.id(), "user", user.id(), "user-name", user.name(),
        "expires-at", expiresAt == null ? "" : expiresAt.toString()));
    return new Issued(token, secret);
  }

  /** The user a bearer token belongs to, if the token is known, not revoked and not expired. */
  public Optional<User> authenticate(String secret) {
    if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    String hash = hash(secret);
    // Taken before the database is read: see the class comment.
    ConcurrentHashMap<String, Session> sessions = current.sessions();
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

  /** Revokes a token, audited as revoked by {@code by} when it was valid until now; on every instance within one poll (here at once). */
  public boolean revoke(ApiToken token, AuditActor by) {
    Instant now = clock.instant();
    boolean revoked = tokens.revoke(token.id(), now);
    poll();
    if (revoked) {
      audit.append(AuditEvent.of(recorded.instant(), "TOKEN_REVOKED", by, token.id(), "user", token.userId()));
    }
    return revoked;
  }

  /**
   * Deletes a user and revokes their tokens, on every instance within one poll (here at once), audited
   * as deleted by {@code by}.
   */
  public boolean delete(User user, AuditActor by) {
    Instant now = clock.instant();
    boolean deleted = users.delete(user.id(), now);
    poll();
    if (deleted) {
      audit.append(AuditEvent.of(recorded.instant(), "USER_DELETED", by, user.id(), "name", user.name(), "nationality", user.nationality().value()));
    }
    return deleted;
  }

  /** The SHA-256 of a token's secret, in hex: what is stored instead of the secret. */
  public static String hash(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
