package org.pactbridge.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.release.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit record of the decisions asked through {@code POST /api/v1/decisions}: counted per user and
 * outcome on the hot path (an atomic increment), and appended once a second as one
 * {@code DECISIONS_ANSWERED} entry per user who asked, naming them. An audit append is a database transaction
 * (about 3,000 a second on this machine), so one entry per decision would cap the endpoint far below
 * its target; decisions about stored items are recorded one by one instead (see {@link ItemReleases}).
 * Thread-safe; counts taken before {@link #close()} are flushed by it.
 */
final class DecisionTally implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DecisionTally.class);

  private final AuditLog audit;
  private final Clock clock;
  private final String node;
  private final Map<AuditActor, AtomicLongArray> counts = new ConcurrentHashMap<>();
  private final ScheduledExecutorService flusher;

  DecisionTally(AuditLog audit, Clock clock, String node) {
    this.audit = audit;
    this.clock = clock;
    this.node = node;
    this.flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pactbridge-decision-tally");
      thread.setDaemon(true);
      return thread;
    });
    flusher.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
  }

  void count(AuditActor user, Outcome outcome) {
    counts.computeIfAbsent(user, asker -> new AtomicLongArray(Outcome.values().length)).incrementAndGet(outcome.ordinal());
  }

  /** Appends one entry per user with decisions counted since the last flush. */
  synchronized void flush() {
    for (Map.Entry<AuditActor, AtomicLongArray> entry : counts.entrySet()) {
      AtomicLongArray tally = entry.getValue();
      long permit = tally.getAndSet(Outcome.PERMIT.ordinal(), 0);
      long consent = tally.getAndSet(Outcome.CONSENT_REQUIRED.ordinal(), 0);
      long deny = tally.getAndSet(Outcome.DENY.ordinal(), 0);
      if (permit + consent + deny == 0) {
        continue;
      }
      audit.append(AuditEvent.of(clock.instant(), "DECISIONS_ANSWERED", entry.getKey(), node, "permit", Long.toString(permit),
          "consent-required", Long.toString(consent), "deny", Long.toString(deny)));
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.error("cannot append the decision tally to the audit log: {}", e.getClass().getName());
    }
  }

  @Override
  public void close() {
    flusher.shutdown();
    try {
      flusher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flushQuietly();
  }
}
