package org.pactbridge.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.User;

/**
 * Decide and record, for decisions that are not about a stored item ({@code POST /api/v1/decisions}):
 * the engine decides on its immutable snapshot, and every decision is on record before its answer
 * leaves (docs/audit-chain.md, section 9).
 *
 * <ul>
 *   <li>A single decision is one {@code DECISION} entry: the asker, the request's fields (or, when they
 *       are long, the SHA-256 of their canonical text), the outcome, the reason codes, the agreements and
 *       the recipient's level. {@link #decide} returns once that entry is committed.
 *   <li>A batch is one {@code DECISION_BATCH} entry ({@link Batch}): the asker, the count, the count per
 *       outcome, and the SHA-256 of the request and response bodies as they crossed the wire. A decision
 *       of the batch is shown to be part of it by replaying the stored request body against its hash and
 *       deciding it again at its instant.
 * </ul>
 *
 * Appends go through the store's group commit: many askers' entries are written in one transaction
 * under one signed head, and each caller waits for its own. Thread-safe.
 */
public final class Decisions {
  /** Request fields longer than this (in characters, all together) are recorded as their SHA-256. */
  static final int MAX_RECORDED_REQUEST = 1024;

  private final ReleaseEngine engine;
  private final AuditLog audit;
  private final Clock clock;

  public Decisions(ReleaseEngine engine, AuditLog audit, Clock clock) {
    this.engine = engine;
    this.audit = audit;
    this.clock = clock;
  }

  /** A decision and the audit entry that records it. */
  public record Recorded(Decision decision, AuditEntry entry) {}

  /** Decides {@code request} for {@code asker} and appends its {@code DECISION} entry; returns once it is committed. */
  public Recorded decide(User asker, ReleaseRequest request) {
    Decision decision = engine.decide(request);
    TreeMap<String, String> details = requestDetails(request);
    details.put("outcome", decision.outcome().name());
    details.put("reasons", decision.reasons().stream().map(reason -> reason.code().name()).distinct().collect(Collectors.joining(",")));
    details.put("agreements", decision.agreements().stream().map(AgreementId::value).collect(Collectors.joining(",")));
    details.put("recipient-level", decision.recipientLevel().map(Level::qualified).orElse(""));
    AuditEntry entry = audit.append(new AuditEvent(clock.instant(), "DECISION", AuditActors.of(asker), UUID.randomUUID().toString(), details));
    return new Recorded(decision, entry);
  }

  /**
   * The request as details: {@code originator}, {@code level}, {@code rel-to}, {@code orcon},
   * {@code topics}, {@code declassify-on}, {@code holder}, {@code to}, {@code user}, {@code consents},
   * {@code decided-at}; or, when those come to more than {@value #MAX_RECORDED_REQUEST} characters, only
   * {@code request-sha256}, the SHA-256 of their canonical text (one {@code key=value} line each, keys
   * in order), which the asker can recompute from what they sent.
   */
  static TreeMap<String, String> requestDetails(ReleaseRequest request) {
    TreeMap<String, String> details = new TreeMap<>();
    details.put("originator", request.originators().stream().map(PartyCode::value).sorted().collect(Collectors.joining(",")));
    details.put("level", request.level().qualified());
    details.put("rel-to", request.releasability().toString());
    details.put("orcon", Boolean.toString(request.orcon()));
    details.put("topics", request.topics().stream().map(Topic::slug).sorted().collect(Collectors.joining(",")));
    details.put("declassify-on", request.declassifyOn() == null ? "" : DateSpec.format(request.declassifyOn()));
    details.put("holder", request.holder() == null ? "" : request.holder().value());
    details.put("to", request.recipient().value());
    details.put("user", request.user() == null ? "" : request.user().id());
    details.put("consents", request.consents().stream().map(PartyCode::value).sorted().collect(Collectors.joining(",")));
    details.put("decided-at", DateSpec.format(request.at()));
    StringBuilder canonical = new StringBuilder();
    details.forEach((key, value) -> canonical.append(key).append('=').append(value).append('\n'));
    if (canonical.length() <= MAX_RECORDED_REQUEST) {
      return details;
    }
    TreeMap<String, String> digest = new TreeMap<>();
    digest.put("request-sha256", sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    return digest;
  }

  /** A batch for {@code asker}: decide its requests one by one, then {@link Batch#record} it. */
  public Batch batch(User asker) {
    return new Batch(AuditActors.of(asker));
  }

  /**
   * One batch of decisions, recorded as one {@code DECISION_BATCH} entry. Decide each request with
   * {@link #decide}; then, with the SHA-256 of the request body as read and of the response body as it
   * will be written, {@link #record} it before the response is sent. Not thread-safe: one per request.
   */
  public final class Batch {
    private final AuditActor asker;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private long count;
    private boolean recorded;

    private Batch(AuditActor asker) {
      this.asker = asker;
      for (Outcome outcome : Outcome.values()) {
        counts.put(outcome, 0L);
      }
    }

    /** Decides one request of the batch and counts it. */
    public Decision decide(ReleaseRequest request) {
      Decision decision = engine.decide(request);
      counts.merge(decision.outcome(), 1L, Long::sum);
      count++;
      return decision;
    }

    /** The number of decisions so far. */
    public long count() {
      return count;
    }

    /** How many decisions had {@code outcome}. */
    public long count(Outcome outcome) {
      return counts.get(outcome);
    }

    /**
     * Appends the batch's entry (subject: a new batch id) and returns once it is committed.
     * {@code requestSha256} and {@code responseSha256} are the hex SHA-256 of the bodies as they
     * crossed the wire.
     */
    public AuditEntry record(String requestSha256, String responseSha256) {
      if (recorded) {
        throw new IllegalStateException("a batch is recorded once");
      }
      recorded = true;
      AuditEntry entry = audit.append(AuditEvent.of(clock.instant(), "DECISION_BATCH", asker, UUID.randomUUID().toString(),
          "count", Long.toString(count),
          "outcome.permit", Long.toString(counts.get(Outcome.PERMIT)),
          "outcome.consent-required", Long.toString(counts.get(Outcome.CONSENT_REQUIRED)),
          "outcome.deny", Long.toString(counts.get(Outcome.DENY)),
          "request-sha256", requestSha256,
          "response-sha256", responseSha256));
      return entry;
    }
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /** A fresh SHA-256 digest, for hashing a body as it streams. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
