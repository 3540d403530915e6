package org.pactbridge.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Failed logins per client address: after {@code burst} failures in quick succession an address may
 * present a token again only once every {@code interval}. Guessing a 256-bit token is hopeless anyway;
 * what this stops is a client hammering the token table (an unknown token is a database look-up) and
 * filling the logs, and it makes a leaked-token scan from one address slow and visible
 * ({@code pactbridge_login_failures_total}, {@code pactbridge_login_throttled_total}).
 *
 * <p>Each address is one cell of the generic cell rate algorithm: a "theoretical arrival time" in a
 * fixed table of {@link #SLOTS} longs, indexed by a keyed hash of the address. So memory is fixed
 * (32 KiB) however many addresses fail, and a check or a failure is one array read or one
 * compare-and-set. Two addresses that hash to the same slot share its count, so a blocked address can
 * hold up an unlucky neighbour (one chance in 4,096 per blocked address). The hash is keyed with a
 * number drawn per process, so which addresses share a slot cannot be known from outside. IPv6 clients
 * are counted per /64, as one host usually holds a whole /64. Thread-safe, lock-free.
 */
final class LoginThrottle {
  static final int SLOTS = 4096;

  private final AtomicLongArray arrivals = new AtomicLongArray(SLOTS);
  private final long intervalMillis;
  private final long toleranceMillis;
  private final Clock clock;
  private final int key = new SecureRandom().nextInt();

  LoginThrottle(ServerConfig.FailedLogins policy, Clock clock) {
    this.intervalMillis = policy.interval().toMillis();
    this.toleranceMillis = (policy.burst() - 1L) * intervalMillis;
    // throttling is about the present world: the real clock, even on an exercise-clock node
    this.clock = org.pactbridge.service.ExerciseClock.real(clock);
  }

  /** Milliseconds until {@code address} may present a token again; 0 when it may now. */
  long retryAfterMillis(String address) {
    long now = clock.millis();
    long wait = arrivals.get(slot(address)) - now - toleranceMillis;
    return Math.max(0, wait);
  }

  /** Counts one failed login from {@code address}. */
  void failed(String address) {
    int slot = slot(address);
    long now = clock.millis();
    long previous;
    long next;
    do {
      previous = arrivals.get(slot);
      next = Math.max(previous, now) + intervalMillis;
    } while (!arrivals.compareAndSet(slot, previous, next));
  }

  private int slot(String address) {
    int hash = hostKey(address).hashCode() ^ key;
    // A finaliser (MurmurHash3's) so that nearby addresses spread over the table.
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    hash ^= hash >>> 16;
    return hash & (SLOTS - 1);
  }

  /** The address as counted: IPv4 whole, IPv6 by its first four groups (its /64). */
  static String hostKey(String address) {
    if (address == null) {
      return "";
    }
    if (address.indexOf(':') < 0) {
      return address;
    }
    String bare = address.startsWith("[") ? address.substring(1, address.indexOf(']') < 0 ? address.length() : address.indexOf(']')) : address;
    if (bare.contains("::")) {
      // Jetty writes IPv6 addresses in full; a compressed one is taken whole rather than guessed at.
      return bare;
    }
    int groups = 0;
    for (int i = 0; i < bare.length(); i++) {
      if (bare.charAt(i) == ':' && ++groups == 4) {
        return bare.substring(0, i);
      }
    }
    return bare;
  }
}
