package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.AuditWitnesses;
import org.pactbridge.service.PinnedPeerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Witnessed audit on the node (issue 20 part 4, docs/federation.md "Witnesses"): the federation routes of
 * {@link AuditWitnesses} (checkpoint, consistency proof, cosignatures, witnessed), the periodic witness task
 * that runs a round for every peer every {@value #WITNESS_SECONDS} seconds, and the API routes the web UI and
 * scripts use: {@code GET /api/v1/audit/witnesses} (this node's log against every peer's cosigned
 * checkpoint, the peers' checkpoints held here and the evidence kept) and {@code POST
 * /api/v1/audit/witnesses/rounds} (a witness round now).
 */
final class AuditWitnessFederation implements AutoCloseable {
  static final int WITNESS_SECONDS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(AuditWitnessFederation.class);

  private final AuditWitnesses witnesses;
  private ScheduledExecutorService task;

  AuditWitnessFederation(AuditWitnesses witnesses) {
    this.witnesses = witnesses;
  }

  List<FederationEndpoint> endpoints() {
    return List.of(
        new FederationEndpoint("GET", AuditWitnesses.CHECKPOINT_PATH, "This node's latest signed audit head, as a statement its node signed (application/jose)",
            (ctx, peer) -> ctx.contentType(PinnedPeerKeys.JOSE).result(witnesses.checkpointStatement())),
        new FederationEndpoint("GET", AuditWitnesses.CONSISTENCY_PATH, "RFC 9162 consistency proof of this node's log: ?from=&to=, answers {from, to, proof}",
            (ctx, peer) -> ctx.contentType(Http.JSON).result(witnesses.consistency(size(ctx, "from"), size(ctx, "to")))),
        new FederationEndpoint("POST", AuditWitnesses.COSIGNATURES_PATH, "A witness's cosignature of this node's checkpoint (application/jose)",
            (ctx, peer) -> {
              String jws = new String(Http.body(ctx, 1024 * 1024, PinnedPeerKeys.JOSE), StandardCharsets.US_ASCII).strip();
              AuditWitnesses.Head head = witnesses.acceptCosignature(peer, jws);
              ObjectNode node = Json.MAPPER.createObjectNode();
              node.put("witness", peer.value());
              node.put("size", head.size());
              Http.json(ctx, 200, node);
            }),
        new FederationEndpoint("GET", AuditWitnesses.WITNESSED_PATH, "The checkpoint of the caller's log this node holds, with its cosignature (application/jose)",
            (ctx, peer) -> {
              String cosignature = witnesses.witnessed(peer).orElseThrow(() -> ApiProblem.notFound("this node holds no checkpoint of " + peer + "'s log"));
              ctx.contentType(PinnedPeerKeys.JOSE).result(cosignature);
            }));
  }

  List<Endpoint> apiEndpoints() {
    return List.of(
        new Endpoint("GET", "/api/v1/audit/witnesses", "auditWitnesses",
            "This node's audit log against the checkpoint each peer holds cosigned (rolled back, forked or consistent), the peers' checkpoints held here, and the evidence kept",
            EnumSet.of(Role.AUDITOR, Role.NODE_AUDITOR, Role.ADMIN), null, "{ok, peers: [{peer, status, heldSize, localSize, detail}], held, evidence}",
            this::report),
        new Endpoint("POST", "/api/v1/audit/witnesses/rounds", "witnessRound", "Runs a witness round for every peer now",
            EnumSet.of(Role.NODE_AUDITOR, Role.ADMIN), null, "{rounds: [{peer, outcome, heldSize, offeredSize, detail}]}", this::round));
  }

  private static long size(Context ctx, String name) {
    String value = ctx.queryParam(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new ApiProblem(400, "CONSISTENCY_RANGE", "Bad input", name + " must be a tree size");
    }
  }

  private void report(Context ctx, User caller) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode peers = node.putArray("peers");
    boolean ok = true;
    for (AuditWitnesses.Check check : witnesses.verify()) {
      ok &= !check.status().problem();
      ObjectNode entry = peers.addObject();
      entry.put("peer", check.peer().value());
      entry.put("status", check.status().name());
      entry.put("heldSize", check.heldSize());
      entry.put("localSize", check.localSize());
      entry.put("detail", check.detail());
    }
    node.put("ok", ok);
    ArrayNode held = node.putArray("held");
    for (AuditWitnesses.Held witnessed : witnesses.held()) {
      ObjectNode entry = held.addObject();
      entry.put("party", witnessed.party().value());
      entry.put("size", witnessed.size());
      entry.put("root", witnessed.root());
      entry.put("witnessedAt", witnessed.witnessedAt().toString());
    }
    ArrayNode evidence = node.putArray("evidence");
    for (AuditWitnesses.Kept kept : witnesses.evidence()) {
      ObjectNode entry = evidence.addObject();
      entry.put("id", kept.id());
      entry.put("party", kept.party().value());
      entry.put("kind", kept.kind());
      entry.put("heldSize", kept.heldSize());
      entry.put("offeredSize", kept.offeredSize());
      entry.put("detail", kept.detail());
      entry.put("recordedAt", kept.recordedAt().toString());
    }
    Http.json(ctx, 200, node);
  }

  private void round(Context ctx, User caller) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode rounds = node.putArray("rounds");
    for (AuditWitnesses.Round round : witnesses.witnessAll()) {
      ObjectNode entry = rounds.addObject();
      entry.put("peer", round.peer().value());
      entry.put("outcome", round.outcome().name());
      entry.put("heldSize", round.heldSize());
      entry.put("offeredSize", round.offeredSize());
      entry.put("detail", round.detail());
    }
    Http.json(ctx, 200, node);
  }

  /** Starts the periodic witness task: a round for every peer now, then every {@value #WITNESS_SECONDS} seconds. */
  void start() {
    task = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pactbridge-audit-witness");
      thread.setDaemon(true);
      return thread;
    });
    task.scheduleWithFixedDelay(this::roundQuietly, WITNESS_SECONDS, WITNESS_SECONDS, TimeUnit.SECONDS);
  }

  private void roundQuietly() {
    try {
      for (AuditWitnesses.Round round : witnesses.witnessAll()) {
        if (round.outcome() == AuditWitnesses.Outcome.REFUSED) {
          LOG.warn("audit witness: refused {}'s checkpoint of size {} (held {}); kept as evidence", round.peer(), round.offeredSize(), round.heldSize());
        } else if (round.outcome() == AuditWitnesses.Outcome.FAILED) {
          LOG.info("audit witness: no round with {} this time", round.peer());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("audit witness: the round failed: {}", e.getClass().getSimpleName());
    }
  }

  /** A round for every peer now (what the periodic task does). */
  List<AuditWitnesses.Round> witnessNow() {
    return witnesses.witnessAll();
  }

  AuditWitnesses witnesses() {
    return witnesses;
  }

  @Override
  public void close() {
    if (task != null) {
      // no interrupt: a round may be writing to an H2 file, whose channel an interrupt closes for good
      task.shutdown();
      try {
        if (!task.awaitTermination(30, TimeUnit.SECONDS)) {
          LOG.warn("audit witness: a round still runs after 30 s; closing anyway");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
