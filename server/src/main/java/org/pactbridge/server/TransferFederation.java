package org.pactbridge.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.TransferDelivery;
import org.pactbridge.service.Transfers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transfers on the federation listener (issue 20): the receiving routes ({@code POST
 * /federation/v1/transfers}, {@code /consent-requests}, {@code /consent-answers}), whose handlers get the
 * peer the client certificate names, and the small pool of delivery workers that empty the outbox
 * ({@link TransferDelivery}). A worker sleeps until the next row is due (at most a second) or until a use
 * case queues something and wakes it. Logs name parties, counts and exception classes, never a body.
 */
final class TransferFederation implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TransferFederation.class);
  /** Rows a worker claims at once. */
  private static final int BATCH = 8;

  private final Transfers transfers;
  private final TransferDelivery delivery;
  private final long maxBodyBytes;
  private final int workerCount;
  private final java.time.Clock realClock;
  private final Object signal = new Object();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean running;
  private long wakes;

  TransferFederation(Transfers transfers, TransferDelivery delivery, long maxBodyBytes, int workerCount, java.time.Clock realClock) {
    this.transfers = transfers;
    this.delivery = delivery;
    this.maxBodyBytes = maxBodyBytes;
    this.workerCount = workerCount;
    this.realClock = realClock;
    transfers.onQueued(this::wake);
  }

  List<FederationEndpoint> endpoints() {
    return List.of(
        new FederationEndpoint("POST", "/federation/v1/transfers", "A transfer from the peer: the signed receipt (the stored one for a repeated key)",
            this::transfer),
        new FederationEndpoint("POST", "/federation/v1/consent-requests", "A consent request from the holder's node", this::consentRequest),
        new FederationEndpoint("POST", "/federation/v1/consent-answers", "An originator's node's signed answer", this::consentAnswer));
  }

  private void transfer(Context ctx, PartyCode peer) {
    String key = ctx.header("Idempotency-Key");
    if (key == null || key.isBlank() || key.length() > 64) {
      throw new ApiProblem(400, "IDEMPOTENCY_KEY_REQUIRED", "Bad input", "a transfer carries an Idempotency-Key header of 1 to 64 characters");
    }
    byte[] body = Http.body(ctx, maxBodyBytes, "application/vnd.pactbridge.transfer+json");
    answer(ctx, transfers.receive(peer, key, body));
  }

  private void consentRequest(Context ctx, PartyCode peer) {
    answer(ctx, transfers.receiveConsentRequest(peer, Http.body(ctx, maxBodyBytes)));
  }

  private void consentAnswer(Context ctx, PartyCode peer) {
    answer(ctx, transfers.receiveConsentAnswer(peer, Http.body(ctx, maxBodyBytes)));
  }

  private static void answer(Context ctx, byte[] json) {
    ctx.status(200);
    ctx.contentType(Http.JSON);
    ctx.result(json);
  }

  /** Starts the workers (daemon threads). */
  void start() {
    running = true;
    for (int i = 0; i < workerCount; i++) {
      Thread worker = new Thread(this::work, "pactbridge-delivery-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /** Wakes the workers: something was queued. */
  void wake() {
    synchronized (signal) {
      wakes++;
      signal.notifyAll();
    }
  }

  private void work() {
    while (running) {
      long seen;
      synchronized (signal) {
        seen = wakes;
      }
      int sent;
      try {
        sent = delivery.runOnce(BATCH);
      } catch (RuntimeException e) {
        LOG.warn("delivery step failed: {}", e.getClass().getSimpleName());
        sent = 0;
      }
      if (sent > 0) {
        continue;
      }
      long waitMillis = 1000;
      try {
        Optional<Instant> next = delivery.nextDue();
        if (next.isPresent()) {
          waitMillis = Math.max(1, Math.min(waitMillis, Duration.between(realClock.instant(), next.get()).toMillis()));
        }
      } catch (RuntimeException e) {
        LOG.warn("reading the outbox failed: {}", e.getClass().getSimpleName());
      }
      synchronized (signal) {
        if (running && wakes == seen) {
          try {
            signal.wait(waitMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    for (Thread worker : workers) {
      try {
        worker.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
