package org.pactbridge.tdf;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The token ids ({@code jti}) a key access service has seen, each kept until {@link #RETENTION} after
 * its token was issued: longer than a token is accepted ({@link RewrapToken#MAX_AGE} plus the skew), so a
 * replay is refused for as long as the token itself would be. Bounded: at most {@code capacity} live ids;
 * when every slot holds a live id the request is refused ({@code REWRAP_BUSY}) rather than forget one.
 * Reads no clock: the caller passes the instant. Thread-safe (one lock; an admission is a map operation).
 */
public final class ReplayCache {
  /** How long an id is kept after its token's {@code iat}. */
  public static final Duration RETENTION = RewrapToken.MAX_AGE.plus(RewrapToken.SKEW).plusSeconds(60);

  private record Entry(String jti, Instant until) {
  }

  private final int capacity;
  private final Map<String, Instant> seen = new HashMap<>();
  /** Admission order; ids are kept in the order they expire up to the skew, so the head is the oldest. */
  private final ArrayDeque<Entry> order = new ArrayDeque<>();

  public ReplayCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("a replay cache holds at least one id");
    }
    this.capacity = capacity;
  }

  /**
   * Admits the id of a verified token issued at {@code issuedAt}, at the instant {@code now}; {@code
   * REWRAP_TOKEN_REPLAYED} when it was admitted before and is still kept, {@code REWRAP_BUSY} when full.
   */
  public synchronized void admit(String jti, Instant issuedAt, Instant now) {
    evict(now);
    if (seen.containsKey(jti)) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_TOKEN_REPLAYED, "the token's jti was seen before");
    }
    if (seen.size() >= capacity) {
      throw TdfException.rewrap(TdfException.Reason.REWRAP_BUSY, "too many rewraps in the last minutes; try again shortly");
    }
    Instant until = (issuedAt.isAfter(now) ? issuedAt : now).plus(RETENTION);
    seen.put(jti, until);
    order.addLast(new Entry(jti, until));
  }

  /** How many ids are kept now. */
  public synchronized int size() {
    return seen.size();
  }

  private void evict(Instant now) {
    // entries are appended with until = max(iat, now) + RETENTION: nearly in order; an entry at the head that
    // is not yet due stops the sweep, and a later due one waits for the next call (bounded by capacity anyway)
    while (!order.isEmpty() && order.peekFirst().until().isBefore(now)) {
      Entry head = order.removeFirst();
      seen.remove(head.jti(), head.until());
    }
  }
}
