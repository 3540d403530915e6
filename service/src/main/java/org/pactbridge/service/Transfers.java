package org.pactbridge.service;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.ConsentNeed;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.User;
import org.pactbridge.store.JdbcItemArchives.ArchiveRecord;
import org.pactbridge.store.JdbcItemArchives.AssertionCheck;
import org.pactbridge.store.JdbcItemRepository;
import org.pactbridge.store.JdbcTransfers;
import org.pactbridge.store.JdbcTransfers.Asked;
import org.pactbridge.store.JdbcTransfers.Federated;
import org.pactbridge.store.JdbcTransfers.InboxRecord;
import org.pactbridge.store.JdbcTransfers.Kind;
import org.pactbridge.store.JdbcTransfers.OutboxMessage;
import org.pactbridge.store.JdbcTransfers.State;
import org.pactbridge.store.JdbcTransfers.TransferRecord;
import org.pactbridge.store.Store;
import org.pactbridge.tdf.AlternativeLabel;
import org.pactbridge.tdf.KasKey;
import org.pactbridge.tdf.KasUnwrap;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfException;
import org.pactbridge.tdf.TdfLimits;
import org.pactbridge.tdf.TdfPolicy;
import org.pactbridge.tdf.TdfWriter;

/**
 * Transfers between nodes, exactly once, and the consents they need (issue 20, parts 2 and 3;
 * docs/federation.md, "Transfers").
 *
 * <p><b>Sending.</b> A user of this node's nation sends an item it holds to a peer. The node decides at its
 * own instant ({@link ItemReleases}):
 * <ul>
 *   <li>PERMIT: the ZTDF archive is written as an export writes it, with a second key access object wrapped
 *       for the receiving node's KAS ({@link PeerKeys}); the envelope (who, what, the archive's SHA-256, the
 *       key that signed the archive's assertions, the route and the signed consents) is signed by this
 *       node ({@link NodeSignatures}); the release record, the recipient's holding, the transfer row and
 *       the outbox row are written in one transaction with {@code TRANSFER_QUEUED}.</li>
 *   <li>DENY: the transfer is recorded as REFUSED by this node, with the decision's reasons.</li>
 *   <li>CONSENT_REQUIRED: a consent request to each originator's node goes into the outbox with the
 *       transfer (AWAITING_CONSENT); when every answer is in, {@link #proceedAwaiting} decides again and
 *       queues or refuses it.</li>
 * </ul>
 * The delivery itself is {@link TransferDelivery}'s.
 *
 * <p><b>Receiving.</b> {@link #receive} checks the sender (the envelope's names the authenticated peer and
 * its signature verifies), the archive (its SHA-256, its key access object for this node's KAS, its
 * assertions under the key the envelope names, its payload), each consent (signed by the originator's
 * node it names, for this holder and recipient), then decides against this node's registry (holder the
 * sender, recipient this node's party). The item, its holding, the inbox row and their audit entries are
 * one transaction; the answer is a receipt this node signs. A repeated idempotency key gets the stored
 * receipt, byte for byte. A refusal is a signed receipt too.
 *
 * <p>Thread-safe. Nothing here logs or audits content or titles.
 */
public final class Transfers {
  /** A reason as transfers carry them. */
  public record TransferReason(String code, String message) {}

  /** A verified receipt as stored, read back: its fields and the JWS as it came. */
  public record Receipt(String id, String transfer, String item, PartyCode sender, PartyCode receiver, String outcome,
      List<TransferReason> reasons, Instant at, String archiveSha256, String jws) {
    static Receipt of(String jws) {
      FederationMessages.ReceiptPayload payload = FederationMessages.readReceipt(FederationMessages.jwsPayload(jws));
      return new Receipt(payload.receipt(), payload.transfer(), payload.item(), payload.sender(), payload.receiver(), payload.outcome(),
          payload.reasons(), payload.at(), payload.archiveSha256(), jws);
    }
  }

  /**
   * A transfer as the front doors show it: who sends what to whom, its state ({@code AWAITING_CONSENT},
   * {@code QUEUED}, {@code DELIVERED}, {@code REFUSED}), who refused, the reasons, the originators whose
   * signed consents travel with it, its delivery attempts and last error, and the receipt.
   */
  public record TransferView(String id, ItemId item, PartyCode from, PartyCode to, String state, Optional<PartyCode> refusedBy,
      List<TransferReason> reasons, List<PartyCode> consents, Instant decidedAt, int attempts, Optional<String> lastError,
      Optional<Receipt> receipt) {}

  /** An inbox entry as the front doors show it: the idempotency key, the sender, the item stored (if any), the outcome and the receipt. */
  public record InboxView(String key, PartyCode from, Optional<ItemId> item, String outcome, List<TransferReason> reasons, Instant receivedAt,
      Receipt receipt) {}

  private static final String ARCHIVE_ALTERED = "ARCHIVE_ALTERED";
  private static final String ARCHIVE_INVALID = "ARCHIVE_INVALID";
  private static final String CONSENT_SIGNATURE_INVALID = "CONSENT_SIGNATURE_INVALID";

  private final Items items;
  private final ItemReleases releases;
  private final ItemArchives archives;
  private final NodeKeyring keyring;
  private final PartyCode party;
  private final NodeSignatures signatures;
  private final PeerKeys peerKeys;
  private final PeerChannel channel;
  private final Clock realClock;
  private final Store store;
  private final AuditActor node;
  private volatile Runnable onQueued = () -> {};

  /**
   * The transfers of the node of {@code party}. {@code realClock} times delivery attempts (backoff), which
   * an exercise clock does not govern; decisions, receipts and audit entries use the items' clock.
   */
  public Transfers(Items items, ItemReleases releases, ItemArchives archives, NodeKeyring keyring, PartyCode party, NodeSignatures signatures,
      PeerKeys peerKeys, PeerChannel channel, Clock realClock) {
    this.items = items;
    this.releases = releases;
    this.archives = archives;
    this.keyring = keyring;
    this.party = party;
    this.signatures = signatures;
    this.peerKeys = peerKeys;
    this.channel = channel;
    this.realClock = realClock;
    this.store = items.store();
    this.node = AuditActor.node(party);
  }

  /** Called after something was put in the outbox: the wiring wakes its delivery workers. */
  public void onQueued(Runnable action) {
    this.onQueued = action;
  }

  PartyCode party() {
    return party;
  }

  Store store() {
    return store;
  }

  Clock realClock() {
    return realClock;
  }

  NodeSignatures signatures() {
    return signatures;
  }

  // ---- sending --------------------------------------------------------------------------------------

  /** A user of this node's nation sends an item their nation holds to the peer {@code to}: see the class comment. */
  public TransferView send(User caller, String itemId, PartyCode to) {
    Item item = items.requireVisible(caller, itemId);
    PartyCode holder = items.requireHolder(caller, item);
    if (!holder.equals(party)) {
      throw ServiceException.forbidden("NOT_NODE_NATION", "Not this node's nation", "a transfer leaves from " + party + "'s holdings, by its users only");
    }
    return view(send(AuditActors.of(caller), caller.id(), item, to));
  }

  private TransferRecord send(AuditActor actor, String by, Item item, PartyCode to) {
    if (to.equals(party)) {
      throw ServiceException.badInput("RECIPIENT_IS_HOLDER", "the recipient " + to + " already holds item " + item.id());
    }
    try {
      items.engine().registry().requireParty(to.value());
    } catch (IllegalArgumentException e) {
      throw ServiceException.badInput("UNKNOWN_PARTY", "no party '" + to + "' in this node's registry");
    }
    Instant now = items.clock().instant();
    String id = UUID.randomUUID().toString();
    ItemReleases.Prepared prepared = releases.prepare(party, actor, item, to, now);
    Decision decision = prepared.decided().decision();
    List<TransferReason> reasons = FederationMessages.reasons(decision);
    switch (decision.outcome()) {
      case DENY -> {
        TransferRecord refused = record(id, item, to, by, now, State.REFUSED, Optional.of(party), reasons, Optional.empty(), List.of());
        store.transfers().record(prepared.release(), null, refused, List.of(), List.of(), actor);
        return refused;
      }
      case CONSENT_REQUIRED -> {
        return askConsents(actor, by, item, to, now, id, prepared, (Decision.ConsentRequired) decision, reasons);
      }
      default -> {
        Packed packed = pack(id, item, to, prepared.decided(), now);
        TransferRecord queued = record(id, item, to, by, now, State.QUEUED, Optional.empty(), reasons, Optional.of(packed.sha256()),
            packed.consents());
        store.transfers().record(prepared.release(), prepared.holding(), queued, List.of(), List.of(packed.message()), actor);
        onQueued.run();
        return queued;
      }
    }
  }

  private TransferRecord askConsents(AuditActor actor, String by, Item item, PartyCode to, Instant now, String id, ItemReleases.Prepared prepared,
      Decision.ConsentRequired decision, List<TransferReason> reasons) {
    Set<PartyCode> originators = new LinkedHashSet<>();
    for (ConsentNeed need : decision.needed()) {
      originators.add(need.from());
    }
    Set<PartyCode> peers = channel.peers();
    List<Asked> asked = new ArrayList<>();
    for (PartyCode originator : originators) {
      if (!peers.contains(originator)) {
        List<TransferReason> more = new ArrayList<>(reasons);
        more.add(new TransferReason("NO_PEER_FOR_CONSENT", "the consent of " + originator + " is needed and " + originator
            + " is not a peer of this node"));
        TransferRecord refused = record(id, item, to, by, now, State.REFUSED, Optional.of(party), more, Optional.empty(), List.of());
        store.transfers().record(prepared.release(), null, refused, List.of(), List.of(), actor);
        return refused;
      }
      String requestId = UUID.randomUUID().toString();
      ConsentRequest request = new ConsentRequest(requestId, item.id(), originator, party, to, now,
          new ConsentRequest.Asker(by, by));
      byte[] body = FederationMessages.consentAsk(new FederationMessages.ConsentAsk(requestId, item.id().value(), originator, party, to, now, id));
      asked.add(new Asked(request, OutboxMessage.fresh(requestId, originator, Kind.CONSENT_REQUEST, requestId,
          FederationMessages.CONSENT_REQUESTS_PATH, FederationMessages.JSON, body, realClock.instant())));
    }
    TransferRecord waiting = record(id, item, to, by, now, State.AWAITING_CONSENT, Optional.empty(), reasons, Optional.empty(), List.of());
    store.transfers().record(prepared.release(), null, waiting, asked, List.of(), actor);
    onQueued.run();
    return waiting;
  }

  /** What a permitted transfer sends: its outbox message, the archive's SHA-256 and the consents attached. */
  private record Packed(OutboxMessage message, String sha256, List<PartyCode> consents) {}

  private Packed pack(String id, Item item, PartyCode to, ItemReleases.ItemDecision decided, Instant now) {
    PeerKeys.Kas peerKas;
    try {
      peerKas = peerKeys.kas(to);
    } catch (PeerUnreachableException e) {
      throw ServiceException.conflict("PEER_UNREACHABLE", "Peer unreachable", "the KAS key of " + to
          + "'s node could not be fetched; nothing was recorded, try again");
    }
    String ownKas = store.kasUrl().orElseThrow(() -> ServiceException.badInput("NO_KAS_URL",
        "this node has no KAS URL recorded (serve records it at start)"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    archives.writeFor(item, to, decided, List.of(keyring.kasKey(ownKas), new KasKey(peerKas.url(), peerKas.kid(), peerKas.key())), out);
    byte[] archive = out.toByteArray();
    String sha = FederationMessages.sha256Hex(archive);
    List<String> consentJws = new ArrayList<>();
    List<PartyCode> consentOriginators = new ArrayList<>();
    for (SignedConsent consent : signedConsents(item.id(), to, now)) {
      consentJws.add(consent.jws());
      consentOriginators.add(consent.originator());
    }
    org.pactbridge.tdf.SigningKey signer = keyring.assertionKey();
    PublicKey assertionKey = keyring.assertionPublicKey(signer.kid()).orElseThrow();
    List<PartyCode> route = new ArrayList<>(items.holdingOf(item, party).map(Holding::route).orElse(List.of(party)));
    route.add(to);
    FederationMessages.Envelope envelope = new FederationMessages.Envelope(id, item.id().value(), party, to, now, sha, signer.kid(),
        Base64.getEncoder().encodeToString(assertionKey.getEncoded()), route, consentJws);
    String envelopeJws = signatures.sign(FederationMessages.envelope(envelope));
    byte[] body = FederationMessages.transferBody(envelopeJws, archive);
    return new Packed(OutboxMessage.fresh(id, to, Kind.TRANSFER, id, FederationMessages.TRANSFERS_PATH, FederationMessages.TRANSFER_TYPE, body,
        realClock.instant()), sha, consentOriginators);
  }

  private record SignedConsent(PartyCode originator, String jws) {}

  /** The signed answers of originators' nodes that let this node release the item to {@code to} at {@code at}. */
  private List<SignedConsent> signedConsents(ItemId item, PartyCode to, Instant at) {
    List<SignedConsent> out = new ArrayList<>();
    for (ConsentRequest request : store.consents().requestsFor(item)) {
      if (!request.requester().equals(party) || !request.recipient().equals(to)) {
        continue;
      }
      Optional<ConsentAnswer> answer = store.consents().answerTo(request.id());
      Optional<String> jws = store.transfers().federated(request.id()).flatMap(Federated::answerJws);
      if (answer.isPresent() && answer.get().permitsAt(at) && jws.isPresent()) {
        out.add(new SignedConsent(request.originator(), jws.get()));
      }
    }
    return out;
  }

  private TransferRecord record(String id, Item item, PartyCode to, String by, Instant now, State state, Optional<PartyCode> refusedBy,
      List<TransferReason> reasons, Optional<String> sha, List<PartyCode> consents) {
    return new TransferRecord(id, item.id(), party, to, by, now, state, refusedBy, FederationMessages.reasonsJson(reasons), sha, consents,
        Optional.empty(), Optional.empty(), now);
  }

  /**
   * Moves on every transfer whose consent requests are all answered: decides again (the answers now
   * recorded) and queues it, or refuses it. Transfers whose answers are not all in stay as they are. Run by
   * the delivery workers; safe to run from several at once (a transfer moves once). Returns how many moved.
   */
  public int proceedAwaiting() {
    int moved = 0;
    for (TransferRecord waiting : store.transfers().transfersIn(State.AWAITING_CONSENT, 100)) {
      List<Federated> asked = store.transfers().askedFor(waiting.id());
      boolean allAnswered = asked.stream().allMatch(federated -> federated.answerJws().isPresent());
      if (!allAnswered) {
        continue;
      }
      try {
        if (proceed(waiting)) {
          moved++;
        }
      } catch (ServiceException e) {
        // the peer's KAS key could not be fetched: the transfer waits for the next round
      }
    }
    return moved;
  }

  private boolean proceed(TransferRecord waiting) {
    Item item = store.items().require(waiting.item());
    Instant now = items.clock().instant();
    ItemReleases.Prepared prepared = releases.prepare(party, node, item, waiting.recipient(), now);
    Decision decision = prepared.decided().decision();
    List<TransferReason> reasons = new ArrayList<>(FederationMessages.reasons(decision));
    if (decision.outcome() == Outcome.PERMIT) {
      Packed packed = pack(waiting.id(), item, waiting.recipient(), prepared.decided(), now);
      TransferRecord queued = new TransferRecord(waiting.id(), waiting.item(), party, waiting.recipient(), waiting.requestedBy(), now, State.QUEUED,
          Optional.empty(), FederationMessages.reasonsJson(reasons), Optional.of(packed.sha256()), packed.consents(), Optional.empty(),
          Optional.empty(), now);
      boolean moved = store.transfers().proceed(prepared.release(), prepared.holding(), queued, packed.message(), node);
      if (moved) {
        onQueued.run();
      }
      return moved;
    }
    for (Federated federated : store.transfers().askedFor(waiting.id())) {
      Optional<ConsentAnswer> answer = store.consents().answerTo(federated.requestId());
      if (answer.isPresent() && answer.get().verdict() == ConsentAnswer.Verdict.REFUSED) {
        reasons.add(new TransferReason("CONSENT_REFUSED", "the node of " + answer.get().by() + " refused its consent"));
      }
    }
    TransferRecord refused = new TransferRecord(waiting.id(), waiting.item(), party, waiting.recipient(), waiting.requestedBy(), now,
        State.REFUSED, Optional.of(party), FederationMessages.reasonsJson(reasons), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), now);
    return store.transfers().proceed(prepared.release(), null, refused, null, node);
  }

  // ---- reading --------------------------------------------------------------------------------------

  /** The transfers the caller's nation sent, newest first. */
  public List<TransferView> list(User caller, int offset, int limit) {
    return store.transfers().transfersFrom(caller.nationality(), offset, limit).stream().map(this::view).toList();
  }

  /** One transfer the caller's nation sent; not found otherwise. */
  public TransferView get(User caller, String id) {
    return store.transfers().transfer(id).filter(transfer -> transfer.holder().equals(caller.nationality())).map(this::view)
        .orElseThrow(() -> ServiceException.notFound("no transfer '" + id + "'"));
  }

  /** The transfer by id as this node keeps it (for the wiring and tests). */
  public Optional<TransferView> find(String id) {
    return store.transfers().transfer(id).map(this::view);
  }

  /** What arrived at this node, newest first: for its own nation's users. */
  public List<InboxView> inbox(User caller, int offset, int limit) {
    if (!caller.nationality().equals(party)) {
      throw ServiceException.forbidden("NOT_NODE_NATION", "Not this node's nation", "the inbox of " + party + "'s node is for its users");
    }
    return store.transfers().inbox(offset, limit).stream()
        .map(row -> new InboxView(row.key(), row.sender(), row.item(), row.outcome(), FederationMessages.readReasonsJson(row.reasonsJson()),
            row.receivedAt(), Receipt.of(row.receiptJws()))).toList();
  }

  private TransferView view(TransferRecord record) {
    Optional<OutboxMessage> message = store.transfers().outbox(record.id());
    return new TransferView(record.id(), record.item(), record.holder(), record.recipient(), record.state().name(), record.refusedBy(),
        FederationMessages.readReasonsJson(record.reasonsJson()), record.consents(), record.decidedAt(), message.map(OutboxMessage::attempts).orElse(0),
        message.flatMap(OutboxMessage::lastError), record.receiptJws().map(Receipt::of));
  }

  // ---- receiving ------------------------------------------------------------------------------------

  /**
   * A transfer arrives from the authenticated {@code peer} under {@code key}: see the class comment.
   * Returns the answer body ({@code {"receipt": JWS}}). A sender that is not the peer, a key that is not
   * the envelope's, or an envelope whose signature fails is a {@link ServiceException} and nothing is
   * stored: such a message has no sender to give a receipt to.
   */
  public byte[] receive(PartyCode peer, String key, byte[] body) {
    Optional<InboxRecord> stored = store.transfers().inbox(key);
    if (stored.isPresent()) {
      return repeat(stored.get(), peer);
    }
    FederationMessages.TransferBody transfer = FederationMessages.readTransferBody(body);
    PartyCode named = FederationMessages.peekSender(transfer.envelopeJws());
    if (!named.equals(peer)) {
      throw ServiceException.forbidden("SENDER_MISMATCH", "Sender is not the peer",
          "the envelope names " + named + " as its sender but the client certificate names " + peer);
    }
    FederationMessages.Envelope envelope = FederationMessages.readEnvelope(signatures.verify(transfer.envelopeJws(), peer));
    if (!envelope.sender().equals(peer)) {
      throw ServiceException.forbidden("SENDER_MISMATCH", "Sender is not the peer", "the signed envelope names " + envelope.sender());
    }
    if (!envelope.receiver().equals(party)) {
      throw ServiceException.forbidden("WRONG_RECEIVER", "Not for this node", "the envelope is for " + envelope.receiver() + ", this node is " + party);
    }
    if (!envelope.transfer().equals(key)) {
      throw ServiceException.badInput("KEY_MISMATCH", "the Idempotency-Key is not the envelope's transfer id " + envelope.transfer());
    }
    Instant now = items.clock().instant();
    String receiptId = UUID.randomUUID().toString();
    String sha = FederationMessages.sha256Hex(transfer.archive());
    Checked checked = check(envelope, transfer.archive(), sha, now);
    FederationMessages.ReceiptPayload payload = new FederationMessages.ReceiptPayload(receiptId, key, envelope.item(), peer, party,
        checked.outcome(), checked.reasons(), now, sha);
    String jws = signatures.sign(FederationMessages.receipt(payload));
    InboxRecord row = new InboxRecord(key, peer, checked.received() == null && !checked.alreadyHeld() ? Optional.empty()
        : Optional.of(ItemId.of(envelope.item())), checked.outcome(), FederationMessages.reasonsJson(checked.reasons()), receiptId, jws, sha, now);
    InboxRecord kept = store.transfers().receive(row, checked.received(), node);
    return FederationMessages.receiptBody(kept.receiptJws());
  }

  private static byte[] repeat(InboxRecord stored, PartyCode peer) {
    if (!stored.sender().equals(peer)) {
      throw ServiceException.conflict("KEY_IN_USE", "Idempotency key in use", "this key was used by another sender");
    }
    return FederationMessages.receiptBody(stored.receiptJws());
  }

  /** What the checks and the decision came to: the outcome, its reasons, and what to store. */
  private record Checked(String outcome, List<TransferReason> reasons, JdbcTransfers.Received received, boolean alreadyHeld) {
    static Checked refused(String code, String message) {
      return new Checked("REFUSED", List.of(new TransferReason(code, message)), null, false);
    }
  }

  private Checked check(FederationMessages.Envelope envelope, byte[] archiveBytes, String sha, Instant now) {
    if (!sha.equals(envelope.archiveSha256())) {
      return Checked.refused(ARCHIVE_ALTERED, "the archive's SHA-256 is not the one the sender signed");
    }
    PublicKey assertionKey;
    try {
      assertionKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(envelope.assertionKey())));
    } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
      return Checked.refused(ARCHIVE_INVALID, "the envelope's assertion key is not an RSA public key");
    }
    String kas = store.kasUrl().orElseThrow(() -> ServiceException.badInput("NO_KAS_URL", "this node has no KAS URL recorded"));
    try (TdfArchive archive = TdfArchive.open(new BytesChannel(archiveBytes), TdfLimits.DEFAULT)) {
      TdfPolicy policy = archive.policy();
      Optional<PolicyLabel> label = policy.label();
      if (label.isEmpty() || policy.item().filter(envelope.item()::equals).isEmpty()) {
        return Checked.refused(ARCHIVE_INVALID, "the archive's policy carries no Pactbridge label naming item " + envelope.item());
      }
      ItemArchives.Resolved resolved;
      try {
        resolved = archives.resolve(label.get());
      } catch (InvalidInputException e) {
        return Checked.refused("UNKNOWN_PARTY", "the archive's label names a party or level unknown to this node's registry");
      }
      Consented consented = consents(envelope, resolved, now);
      if (consented.refusal() != null) {
        return consented.refusal();
      }
      byte[] key = archive.payloadKey(new KasUnwrap(kas, keyring::kasPrivateKey)::unwrap);
      try {
        archive.verifyAssertions((id, kid) -> Optional.of(assertionKey), key);
        ReleaseRequest request = new ReleaseRequest(Set.copyOf(resolved.originators()), consented.level(resolved.level(), items),
            label.get().releasability(), label.get().orcon(), label.get().topics(), null, envelope.sender(), party, null, consented.originators(),
            now);
        Decision decision = items.engine().decide(request);
        List<TransferReason> reasons = new ArrayList<>(FederationMessages.reasons(decision));
        if (decision.outcome() != Outcome.PERMIT) {
          return new Checked("REFUSED", reasons, null, false);
        }
        ItemTitle title = archive.title(key);
        ByteArrayOutputStream plain = new ByteArrayOutputStream((int) Math.min(archive.plaintextSize(), Integer.MAX_VALUE - 16));
        archive.decrypt(key, plain);
        byte[] content = plain.toByteArray();
        if (store.items().find(ItemId.of(envelope.item())).isPresent()) {
          reasons.add(new TransferReason("ALREADY_HELD", "this node holds item " + envelope.item() + " already; no second copy is stored"));
          return new Checked("DELIVERED", reasons, null, true);
        }
        Item item = store.items().build(ItemId.of(envelope.item()), new JdbcItemRepository.Draft(resolved.originators(), resolved.level(),
            label.get().releasability(), label.get().orcon(), label.get().topics(), null, ""), content, now);
        Optional<AlternativeLabel> alternative = archive.findAlternativeLabel().filter(alt -> alt.recipient().equals(party));
        String marking = decision.recipientLevel().map(Level::qualified).orElse(alternative.map(alt -> alt.level().toString()).orElse(""));
        List<PartyCode> route = envelope.route().isEmpty() || !envelope.route().get(envelope.route().size() - 1).equals(party)
            ? List.of(envelope.sender(), party) : envelope.route();
        List<org.pactbridge.core.agreement.AgreementId> agreements = decision.agreements();
        org.pactbridge.core.agreement.AgreementId under = agreements.isEmpty() ? null : agreements.get(agreements.size() - 1);
        Holding holding = item.originators().contains(party) ? null : new Holding(item.id(), party, item.created(), route, marking, under);
        List<AssertionCheck> checks = new ArrayList<>();
        archive.assertions().forEach(assertion -> checks.add(new AssertionCheck(assertion.id(), "VERIFIED")));
        Optional<AlternativeLabel> any = archive.findAlternativeLabel();
        ArchiveRecord record = new ArchiveRecord(item.id(), policy.uuid(), archive.form().name(), item.created(), ItemArchives.signerKid(archive),
            archive.findStatement(TdfWriter.ORIGINATOR_LABEL_ID).orElse(""), archive.findStatement(TdfWriter.ALTERNATIVE_LABEL_ID),
            any.map(alt -> alt.recipient().value()), any.map(alt -> alt.level().toString()), any.map(alt -> alt.agreement().value()),
            any.map(AlternativeLabel::decidedAt), checks);
        if (!consented.originators().isEmpty()) {
          reasons.add(new TransferReason("CONSENTS_VERIFIED", "consent signed by the node of " + String.join(", ",
              consented.originators().stream().map(PartyCode::value).sorted().toList())));
        }
        return new Checked("DELIVERED", reasons, new JdbcTransfers.Received(item, content, title, holding, record), false);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    } catch (TdfException e) {
      return Checked.refused(ARCHIVE_INVALID, "the archive failed its checks: " + e.reason().name());
    }
  }

  /** The consents an envelope carries, verified: whose, the downgrade they allow, or the refusal of a bad one. */
  private record Consented(Set<PartyCode> originators, List<ConsentCondition> conditions, Checked refusal) {
    Level level(Level itemLevel, Items items) {
      Level level = itemLevel;
      for (ConsentCondition condition : conditions) {
        if (condition instanceof ConsentCondition.Downgrade downgrade) {
          Level lower = items.levelOf(downgrade.level());
          if (lower.party().equals(level.party()) && lower.rank() < level.rank()) {
            level = lower;
          }
        }
      }
      return level;
    }
  }

  private Consented consents(FederationMessages.Envelope envelope, ItemArchives.Resolved resolved, Instant now) {
    Set<PartyCode> originators = new LinkedHashSet<>();
    List<ConsentCondition> conditions = new ArrayList<>();
    for (String jws : envelope.consents()) {
      FederationMessages.ConsentPayload consent;
      try {
        PartyCode claimed = FederationMessages.peekOriginator(jws);
        consent = FederationMessages.readConsent(signatures.verify(jws, claimed));
        if (!consent.originator().equals(claimed)) {
          throw ServiceException.badInput("MESSAGE_INVALID", "the consent's originator changed");
        }
      } catch (ServiceException e) {
        return new Consented(Set.of(), List.of(), Checked.refused(CONSENT_SIGNATURE_INVALID,
            "an attached consent is not signed by the node of the originator it names (" + e.code() + ")"));
      }
      boolean fits = consent.item().equals(envelope.item()) && consent.holder().equals(envelope.sender()) && consent.recipient().equals(party)
          && resolved.originators().contains(consent.originator());
      if (!fits) {
        return new Consented(Set.of(), List.of(), Checked.refused("CONSENT_MISMATCH",
            "an attached consent of " + consent.originator() + " is for another item, holder or recipient"));
      }
      if (consent.answer().permitsAt(now)) {
        originators.add(consent.originator());
        conditions.addAll(consent.answer().conditions());
      }
    }
    return new Consented(originators, conditions, null);
  }

  // ---- consents between nodes -----------------------------------------------------------------------

  /**
   * A holder's node asks this node (an originator's) for consent: recorded as a consent request that this
   * node's disclosure officers see in their queue, marked with the asking node. A repeat is accepted and
   * changes nothing. Returns the answer body.
   */
  public byte[] receiveConsentRequest(PartyCode peer, byte[] body) {
    FederationMessages.ConsentAsk ask = FederationMessages.readConsentAsk(body);
    if (!ask.holder().equals(peer)) {
      throw ServiceException.forbidden("SENDER_MISMATCH", "Sender is not the peer",
          "the request names " + ask.holder() + " as the holder but the client certificate names " + peer);
    }
    if (!ask.originator().equals(party)) {
      throw ServiceException.badInput("NOT_ORIGINATOR", "the request is addressed to " + ask.originator() + ", this node is " + party);
    }
    Item item;
    try {
      item = store.items().find(ItemId.of(ask.item())).filter(found -> found.originators().contains(party))
          .orElseThrow(() -> ServiceException.notFound("no item '" + ask.item() + "' originated by " + party));
    } catch (InvalidInputException e) {
      throw ServiceException.notFound("no item '" + ask.item() + "'");
    }
    try {
      items.engine().registry().requireParty(ask.recipient().value());
    } catch (IllegalArgumentException e) {
      throw ServiceException.badInput("UNKNOWN_PARTY", "no party '" + ask.recipient() + "' in this node's registry");
    }
    ConsentRequest request = new ConsentRequest(ask.request(), item.id(), party, peer, ask.recipient(), items.clock().instant());
    boolean recorded = store.transfers().askedBy(peer, request, AuditActor.node(peer));
    return FederationMessages.consentAnswerBody(recorded ? "RECORDED" : "KNOWN");
  }

  /**
   * The originator's node answers a request this node asked: the answer must be signed by that node and
   * match the request; it is recorded with its signature (once; a repeat changes nothing), and the
   * transfer waiting on it moves on when all its answers are in.
   */
  public byte[] receiveConsentAnswer(PartyCode peer, byte[] body) {
    String jws = FederationMessages.readConsentAnswerBody(body);
    PartyCode named = FederationMessages.peekOriginator(jws);
    if (!named.equals(peer)) {
      throw ServiceException.forbidden("SENDER_MISMATCH", "Sender is not the peer",
          "the answer names " + named + " as the originator but the client certificate names " + peer);
    }
    FederationMessages.ConsentPayload consent = FederationMessages.readConsent(signatures.verify(jws, peer));
    ConsentRequest request = store.consents().findRequest(consent.request())
        .orElseThrow(() -> ServiceException.notFound("no consent request '" + consent.request() + "'"));
    Federated federated = store.transfers().federated(request.id()).filter(found -> found.direction().equals("OUT") && found.peer().equals(peer))
        .orElseThrow(() -> ServiceException.notFound("no consent request '" + consent.request() + "' asked of " + peer));
    boolean fits = request.item().value().equals(consent.item()) && request.originator().equals(peer) && request.requester().equals(party)
        && consent.holder().equals(party) && request.recipient().equals(consent.recipient());
    if (!fits) {
      throw ServiceException.badInput("CONSENT_MISMATCH", "the answer does not match consent request " + request.id());
    }
    store.transfers().answer(consent.answer(), jws, null, AuditActor.node(peer));
    federated.transferId().ifPresent(id -> proceedAwaiting());
    return FederationMessages.consentAnswerBody("RECORDED");
  }

  /**
   * This node's disclosure officer answered a request a peer's node asked: the answer is signed by this
   * node and recorded with the message that carries it back, in one transaction. Called by {@link Consents}.
   */
  void answerRemote(ConsentRequest request, Federated federated, ConsentAnswer answer, AuditActor actor) {
    byte[] payload = FederationMessages.consent(new FederationMessages.ConsentPayload(request.id(), request.item().value(), request.originator(),
        request.requester(), request.recipient(), answer));
    String jws = signatures.sign(payload);
    OutboxMessage message = OutboxMessage.fresh("answer-" + request.id(), federated.peer(), Kind.CONSENT_ANSWER, request.id(),
        FederationMessages.CONSENT_ANSWERS_PATH, FederationMessages.JSON, FederationMessages.consentAnswerBody(jws), realClock.instant());
    if (!store.transfers().answer(answer, jws, message, actor)) {
      throw ServiceException.conflict("ALREADY_ANSWERED", "Conflict", "consent request " + request.id() + " has been answered already");
    }
    onQueued.run();
  }

  /** A read-only channel over an archive held in memory. */
  private static final class BytesChannel implements SeekableByteChannel {
    private final byte[] bytes;
    private long position;
    private boolean open = true;

    BytesChannel(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public int read(ByteBuffer dst) {
      if (position >= bytes.length) {
        return -1;
      }
      int n = (int) Math.min(dst.remaining(), bytes.length - position);
      dst.put(bytes, (int) position, n);
      position += n;
      return n;
    }

    @Override
    public int write(ByteBuffer src) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
      position = newPosition;
      return this;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
      throw new java.nio.channels.NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
