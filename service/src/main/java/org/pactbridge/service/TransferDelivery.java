package org.pactbridge.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.store.JdbcTransfers.Kind;
import org.pactbridge.store.JdbcTransfers.OutboxMessage;
import org.pactbridge.store.JdbcTransfers.OutboxState;
import org.pactbridge.store.JdbcTransfers.State;
import org.pactbridge.store.JdbcTransfers.TransferRecord;
import org.pactbridge.store.Store;

/**
 * One delivery worker's step: move on the transfers whose consents are all in, claim the due outbox rows,
 * and send each to its peer with its key as the {@code Idempotency-Key}.
 *
 * <ul>
 *   <li>A complete 2xx answer completes the row. For a transfer, the answer is the receiver's receipt: it
 *       must verify as signed by that peer's node ({@link NodeSignatures#verify}) and name this transfer
 *       (and, if it says DELIVERED, the archive's SHA-256 this node signed); then it is stored with the transfer's final state (DELIVERED or REFUSED)
 *       in one transaction. A receipt that does not verify is retried, as if no answer had come.</li>
 *   <li>No complete answer ({@link PeerUnreachableException}), a 5xx or a 429: the row is due again after an
 *       exponential backoff with jitter (base 200 ms, doubling, at most 60 s, a random half to whole of it).</li>
 *   <li>Any other 4xx: the peer refused the message itself (not a receipt); the row is FAILED and a transfer
 *       REFUSED by the peer, with the problem's reason code.</li>
 * </ul>
 *
 * <p>All state is in the database: a worker that dies leaves its claimed rows to come due again when their
 * lease ends, and a new worker (in this process or another on the same PostgreSQL database) sends them
 * again, under the same key, so the receiver stores them once. Stateless apart from its random source;
 * several may run at once.
 */
public final class TransferDelivery {
  /** How long a claimed row is left to its worker before another may send it. */
  static final Duration LEASE = Duration.ofSeconds(30);
  static final Duration BASE = Duration.ofMillis(200);
  static final Duration CAP = Duration.ofSeconds(60);

  private final Transfers transfers;
  private final PeerChannel channel;
  private final Store store;
  private final RandomGenerator random;
  private final AuditActor node;

  public TransferDelivery(Transfers transfers, PeerChannel channel, RandomGenerator random) {
    this.transfers = transfers;
    this.channel = channel;
    this.store = transfers.store();
    this.random = random;
    this.node = AuditActor.node(transfers.party());
  }

  /** One step: transfers whose consents are in move on, then up to {@code max} due rows are sent. Returns how many were sent. */
  public int runOnce(int max) {
    transfers.proceedAwaiting();
    List<OutboxMessage> due = store.transfers().claimDue(transfers.realClock().instant(), LEASE, max);
    for (OutboxMessage message : due) {
      deliver(message);
    }
    return due.size();
  }

  /** When the next row is due, if any (the workers sleep until then, or until woken). */
  public Optional<Instant> nextDue() {
    return store.transfers().nextDue();
  }

  /** Sends one claimed row and records what came of it. */
  void deliver(OutboxMessage message) {
    PeerChannel.Response response;
    try {
      response = channel.post(message.peer(), message.path(), message.key(), message.contentType(), message.body());
    } catch (PeerUnreachableException e) {
      retry(message, "unreachable: " + e.getClass().getSimpleName());
      return;
    } catch (RuntimeException e) {
      retry(message, "failed: " + e.getClass().getSimpleName());
      return;
    }
    int status = response.status();
    if (status >= 500 || status == 429) {
      retry(message, "HTTP " + status);
    } else if (status >= 400) {
      refused(message, status, response.body());
    } else if (status >= 200 && status < 300) {
      if (message.kind() == Kind.TRANSFER) {
        receipt(message, response.body());
      } else {
        store.transfers().complete(message.key(), OutboxState.DONE, null, null, transfers.realClock().instant(), node);
      }
    } else {
      retry(message, "HTTP " + status);
    }
  }

  private void receipt(OutboxMessage message, byte[] body) {
    Optional<TransferRecord> sent = store.transfers().transfer(message.ref());
    if (sent.isEmpty()) {
      store.transfers().complete(message.key(), OutboxState.DONE, "no transfer " + message.ref(), null, transfers.realClock().instant(), node);
      return;
    }
    TransferRecord transfer = sent.get();
    Transfers.Receipt receipt;
    try {
      String jws = FederationMessages.readReceiptBody(body);
      FederationMessages.ReceiptPayload payload = FederationMessages.readReceipt(transfers.signatures().verify(jws, message.peer()));
      // a delivery names the archive this node signed; a refusal names what arrived (an altered archive's hash)
      boolean sameArchive = transfer.archiveSha256().map(payload.archiveSha256()::equals).orElse(false);
      boolean matches = payload.transfer().equals(transfer.id()) && payload.sender().equals(transfer.holder())
          && payload.receiver().equals(message.peer()) && (sameArchive || !payload.outcome().equals("DELIVERED"));
      if (!matches) {
        retry(message, "the receipt does not name this transfer, its parties and its archive");
        return;
      }
      receipt = Transfers.Receipt.of(jws);
    } catch (ServiceException e) {
      retry(message, "receipt refused: " + e.code());
      return;
    }
    State state = receipt.outcome().equals("DELIVERED") ? State.DELIVERED : State.REFUSED;
    TransferRecord finished = new TransferRecord(transfer.id(), transfer.item(), transfer.holder(), transfer.recipient(), transfer.requestedBy(),
        transfer.decidedAt(), state, state == State.REFUSED ? Optional.of(message.peer()) : Optional.empty(),
        FederationMessages.reasonsJson(receipt.reasons()), transfer.archiveSha256(), transfer.consents(), Optional.of(receipt.id()),
        Optional.of(receipt.jws()), receipt.at());
    store.transfers().complete(message.key(), OutboxState.DONE, null, finished, transfers.realClock().instant(), node);
  }

  private void refused(OutboxMessage message, int status, byte[] body) {
    String code = problemCode(body).orElse("HTTP_" + status);
    TransferRecord finished = null;
    if (message.kind() == Kind.TRANSFER) {
      Optional<TransferRecord> sent = store.transfers().transfer(message.ref());
      if (sent.isPresent()) {
        TransferRecord transfer = sent.get();
        finished = new TransferRecord(transfer.id(), transfer.item(), transfer.holder(), transfer.recipient(), transfer.requestedBy(),
            transfer.decidedAt(), State.REFUSED, Optional.of(message.peer()), FederationMessages.reasonsJson(List.of(new Transfers.TransferReason(code,
                "the node of " + message.peer() + " refused the message (HTTP " + status + ") without a receipt"))),
            transfer.archiveSha256(), transfer.consents(), Optional.empty(), Optional.empty(), transfer.decidedAt());
      }
    }
    store.transfers().complete(message.key(), OutboxState.FAILED, code, finished, transfers.realClock().instant(), node);
  }

  private void retry(OutboxMessage message, String error) {
    store.transfers().retryLater(message.key(), transfers.realClock().instant().plus(backoff(message.attempts() + 1)), error);
  }

  /** The wait before attempt {@code attempt + 1}: 200 ms doubled per attempt, at most 60 s, a random half to whole of it. */
  Duration backoff(int attempt) {
    long full = Math.min(CAP.toMillis(), BASE.toMillis() << Math.min(attempt - 1, 20));
    return Duration.ofMillis(full / 2 + random.nextLong(full / 2 + 1));
  }

  private static Optional<String> problemCode(byte[] body) {
    try {
      com.fasterxml.jackson.databind.JsonNode node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      return node != null && node.path("code").isTextual() ? Optional.of(node.path("code").textValue()) : Optional.empty();
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
