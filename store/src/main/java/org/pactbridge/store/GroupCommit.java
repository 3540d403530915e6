package org.pactbridge.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;

/**
 * Group commit of the audit appends that need no transaction of their own (decisions, key access,
 * views, account changes): callers hand their event to one committer thread and wait; the committer
 * takes every event queued (at most {@code maxBatch}) and writes them as ONE commit, in one transaction
 * under one signed head (docs/audit-chain.md, section 9). Each caller's answer is its own entry, given
 * only once the transaction has committed; if it fails, every caller of that group gets the failure,
 * and nothing of the group is stored.
 *
 * <p>Gathering: while a commit is being written, new events queue up and form the next group, so the
 * group grows with the load on its own. When the last group held more than one event (several callers
 * are active), the committer also waits up to {@code linger} for more before writing, bounded by
 * {@code maxBatch}; a lone caller is never delayed. Thread-safe; {@link #close()} writes what is queued
 * and stops the thread.
 */
final class GroupCommit implements AutoCloseable {
  /** Writes events as one commit, in one transaction, and returns their entries in order. */
  interface Committer {
    List<AuditEntry> commit(List<AuditEvent> events);
  }

  private record Pending(AuditEvent event, CompletableFuture<AuditEntry> answer) {}

  private static final Pending STOP = new Pending(null, null);

  private final Committer committer;
  private final int maxBatch;
  private final long lingerNanos;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private int lastGroup;

  GroupCommit(Committer committer, int maxBatch, long lingerMicros) {
    if (maxBatch < 1 || lingerMicros < 0) {
      throw new IllegalArgumentException("a group holds at least one event and waits no negative time");
    }
    this.committer = committer;
    this.maxBatch = maxBatch;
    this.lingerNanos = TimeUnit.MICROSECONDS.toNanos(lingerMicros);
    this.thread = new Thread(this::run, "pactbridge-audit-group-commit");
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues {@code event} and waits until the group holding it has committed; returns its entry. */
  AuditEntry append(AuditEvent event) {
    CompletableFuture<AuditEntry> answer = new CompletableFuture<>();
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the audit log is closed");
      }
      queue.add(new Pending(event, answer));
    }
    try {
      return answer.get();
    } catch (InterruptedException e) {
      // the event may still be committed: the caller was interrupted, not the commit
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the audit commit", e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof CompletionException completion && completion.getCause() != null) {
      cause = completion.getCause();
    }
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  private void run() {
    List<Pending> group = new ArrayList<>(maxBatch);
    boolean stopping = false;
    while (!stopping) {
      group.clear();
      try {
        Pending first = queue.take();
        if (first == STOP) {
          break;
        }
        group.add(first);
        stopping = gather(group);
      } catch (InterruptedException e) {
        // close() stops the thread with STOP, not an interrupt: keep serving
        continue;
      }
      write(group);
    }
    // close(): nothing is added any more; write what is left
    List<Pending> rest = new ArrayList<>();
    queue.drainTo(rest);
    rest.removeIf(pending -> pending == STOP);
    for (int from = 0; from < rest.size(); from += maxBatch) {
      write(rest.subList(from, Math.min(rest.size(), from + maxBatch)));
    }
  }

  /** Adds queued events to {@code group}; returns whether STOP was seen. */
  private boolean gather(List<Pending> group) throws InterruptedException {
    long deadline = System.nanoTime() + lingerNanos;
    boolean linger = lastGroup > 1 && lingerNanos > 0;
    while (group.size() < maxBatch) {
      Pending next = queue.poll();
      if (next == null && linger) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          next = queue.poll(left, TimeUnit.NANOSECONDS);
        }
      }
      if (next == null) {
        return false;
      }
      if (next == STOP) {
        return true;
      }
      group.add(next);
    }
    return false;
  }

  private void write(List<Pending> group) {
    if (group.isEmpty()) {
      return;
    }
    lastGroup = group.size();
    List<AuditEvent> events = new ArrayList<>(group.size());
    for (Pending pending : group) {
      events.add(pending.event());
    }
    List<AuditEntry> entries;
    try {
      entries = committer.commit(events);
    } catch (RuntimeException | Error e) {
      for (Pending pending : group) {
        pending.answer().completeExceptionally(e);
      }
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).answer().complete(entries.get(i));
    }
  }

  /** Writes what is queued, then stops the committer thread. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.add(STOP);
    }
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
