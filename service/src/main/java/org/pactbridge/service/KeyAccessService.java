package org.pactbridge.service;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Effect;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.RuleId;
import org.pactbridge.core.release.UserContext;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;
import org.pactbridge.tdf.KasUnwrap;
import org.pactbridge.tdf.KeyAccess;
import org.pactbridge.tdf.PolicyLabel;
import org.pactbridge.tdf.ReplayCache;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfException;
import org.pactbridge.tdf.TdfPolicy;

/**
 * The node's key access service (KAS): every rewrap is a release decision. A request's key access object
 * is checked by {@link KasUnwrap} with the node's KAS keys (it names this service, a key held here, it
 * unwraps, the policy binding verifies); the label is read from the policy's attributes and resolved in
 * the registry; the engine decides, at the instant of the request, on releasing from this node's party to
 * the requester's party, for the requester (clearance, need to know); {@code dissem}, when not empty,
 * must name the requester; and the decision is appended to the audit log ({@code KAS_REWRAP}: outcome,
 * reason codes, kid, policy uuid, never the key or the label beyond its markings). Only a permit returns
 * the key share.
 *
 * <p><b>Agreements over time.</b> When the policy names an item ({@code item} attribute) that the
 * requester's party holds under an agreement (recorded with the holding), and today's decision fails
 * only on the agreement rule (the agreement has ended), the item is decided again at the holding's
 * receipt: a permit then is a permit now, with the code {@code HELD_UNDER_AGREEMENT}, because protection
 * duties survive termination and the holder keeps what it received. A new release after termination has
 * no holding and stays refused. A running termination notice shows as the engine's {@code
 * TERMINATION_PENDING}.
 *
 * <p>Thread-safe: the replay cache is one bounded, synchronised map.
 */
public final class KeyAccessService {
  /** The code of a permit that rests on a holding received under an agreement since ended. */
  public static final String HELD_UNDER_AGREEMENT = "HELD_UNDER_AGREEMENT";
  /** The audit kind of each rewrap. */
  public static final String AUDIT_KIND = "KAS_REWRAP";

  private final Items items;
  private final Store store;
  private final NodeKeyring keyring;
  private final PartyCode party;
  private final ReplayCache replays;
  /** The KAS URL once read from the store (the server records it at start, before the first request). */
  private volatile String url;

  /** Who asks: their party, their user context (null: the node's own operator), how the audit names them, and the names dissem may list. */
  public record Requester(PartyCode party, UserContext user, AuditActor actor, Set<String> identities) {
    /** A Pactbridge user: the names dissem may list are the user's name, {@code user:<name>}, id and nationality. */
    public static Requester of(User user) {
      return new Requester(user.nationality(), user.context(), AuditActors.of(user),
          Set.of(user.name(), "user:" + user.name(), user.id(), user.nationality().value()));
    }

    /** The node's own operator on its own store (the command line without {@code --kas}): the node's party, no user rule, no dissem check. */
    public static Requester operator(PartyCode party, String osUser) {
      return new Requester(party, null, AuditActor.localOperator(osUser), null);
    }
  }

  /**
   * What a request was decided: the outcome, the decision the engine gave (at receipt, for a held item),
   * the reason codes the answer lists, and, for a permit resting on a holding, the agreement it came under
   * and when.
   */
  public record Verdict(Outcome outcome, Decision decision, List<String> reasons, Optional<Holding> heldUnder, String kid, String policyUuid,
      Optional<ItemId> item) {}

  /** An opened key access object: the share (the caller clears it when done) and the verdict. */
  public record Opened(byte[] share, Verdict verdict) {}

  /** A rewrap's answer: the share wrapped to the client's key (Base64), and the verdict. */
  public record Rewrapped(String entityWrappedKey, Verdict verdict) {}

  public KeyAccessService(Items items, NodeKeyring keyring, PartyCode party, int replayCapacity) {
    this.items = items;
    this.store = items.store();
    this.keyring = keyring;
    this.party = party;
    this.replays = new ReplayCache(replayCapacity);
  }

  /** This node's KAS URL as recorded by the server at start ({@code serve --public-url} + {@code /kas}). */
  public String kasUrl() {
    String known = url;
    if (known != null) {
      return known;
    }
    known = store.kasUrl().orElseThrow(() -> new KasRefusal(KasRefusal.Kind.BUSY, "KAS_NOT_CONFIGURED", List.of("KAS_NOT_CONFIGURED"), null,
        "this node has not recorded its KAS URL: start it once with serve (and --public-url)"));
    url = known;
    return known;
  }

  /**
   * The HTTP rewrap: verifies the token and refuses a replay by the real clock (a client signs its token with
   * the real time, also on an exercise-clock node), then opens at the node's decision instant and wraps the
   * share to the client's key.
   */
  public Rewrapped rewrap(User caller, String signedRequestToken) {
    Instant now = items.clock().instant();
    Instant realNow = ExerciseClock.real(items.clock()).instant();
    Requester requester = Requester.of(caller);
    RewrapToken.Request request;
    try {
      request = RewrapToken.verify(signedRequestToken, realNow);
      replays.admit(request.jti(), request.issuedAt(), realNow);
    } catch (TdfException e) {
      audit(requester, now, null, null, null, "ERROR", List.of(e.reason().name()));
      throw refusal(e);
    }
    Opened opened = open(requester, request.keyAccess(), request.policy(), now);
    try {
      return new Rewrapped(RewrapToken.wrapForClient(request.clientPublicKey(), opened.share()), opened.verdict());
    } finally {
      Arrays.fill(opened.share(), (byte) 0);
    }
  }

  /**
   * Opens a key access object for {@code requester} at {@code now}: the format's checks, the decision and
   * its audit entry; the share only on a permit, {@link KasRefusal} otherwise.
   */
  public Opened open(Requester requester, KeyAccess keyAccess, String policyText, Instant now) {
    String kid = keyAccess.kid();
    byte[] share;
    TdfPolicy policy;
    try {
      share = new KasUnwrap(kasUrl(), this::privateKey).unwrap(keyAccess, policyText);
      policy = TdfPolicy.parse(policyText);
    } catch (TdfException e) {
      audit(requester, now, kid, null, null, "ERROR", List.of(e.reason().name()));
      throw refusal(e);
    }
    Optional<ItemId> itemId = policy.item().map(ItemId::of);
    Verdict verdict;
    try {
      verdict = decide(requester, policy, itemId, kid, now);
    } catch (KasRefusal e) {
      Arrays.fill(share, (byte) 0);
      audit(requester, now, kid, policy.uuid(), itemId.orElse(null), "ERROR", e.reasons());
      throw e;
    }
    audit(requester, now, kid, policy.uuid(), itemId.orElse(null), verdict.outcome().name(), verdict.reasons());
    if (verdict.outcome() != Outcome.PERMIT) {
      Arrays.fill(share, (byte) 0);
      throw new KasRefusal(KasRefusal.Kind.REFUSED, firstRefusing(verdict.decision()), verdict.reasons(), verdict.decision(),
          "the release to " + requester.party() + " is " + verdict.outcome() + ": " + String.join(", ", verdict.reasons()));
    }
    return new Opened(share, verdict);
  }

  private Optional<PrivateKey> privateKey(String kid) {
    return kid == null ? Optional.empty() : keyring.kasPrivateKey(kid);
  }

  private Verdict decide(Requester requester, TdfPolicy policy, Optional<ItemId> itemId, String kid, Instant now) {
    PolicyLabel label = policy.label().orElseThrow(() -> malformed("POLICY_INVALID", "the policy carries no Pactbridge label"));
    if (requester.identities() != null && !policy.dissem().isEmpty() && policy.dissem().stream().noneMatch(requester.identities()::contains)) {
      throw new KasRefusal(KasRefusal.Kind.REFUSED, "NOT_IN_DISSEM", List.of("NOT_IN_DISSEM"), null,
          "the policy's dissem does not list the requester");
    }
    Level level;
    try {
      Party owner = items.engine().registry().requireParty(label.classification().party().value());
      level = owner.findLevelInAnyVersion(label.classification().code())
          .orElseThrow(() -> malformed("POLICY_INVALID", "the policy's classification is not a level of " + owner.code()));
      for (PartyCode originator : label.originators()) {
        items.engine().registry().requireParty(originator.value());
      }
    } catch (IllegalArgumentException e) {
      throw malformed("POLICY_INVALID", "the policy's label names a party this node's registry does not know");
    }
    Optional<Item> item = itemId.flatMap(id -> store.items().find(id));
    // Who releases: this node's party; when the requester is of the node's own party and the node did not
    // originate the item, the question is whether the originator's item may be with that party at all.
    PartyCode recipient = requester.party();
    PartyCode holder = recipient.equals(party) && !label.originators().contains(party) ? level.party() : party;
    ReleaseRequest request = new ReleaseRequest(Set.copyOf(label.originators()), level, label.releasability(), label.orcon(), label.topics(),
        item.map(Item::declassifyOn).orElse(null), holder, recipient, requester.user(),
        item.map(found -> GrantedConsents.of(store, found.id(), holder, recipient, now).originators()).orElse(Set.of()), now);
    Decision decision = items.engine().decide(request, false);
    List<String> reasons = codes(decision);
    if (decision.outcome() != Outcome.PERMIT && item.isPresent() && failsOnlyOnAgreement(decision)) {
      Optional<Holding> held = store.holdings().holdingsOf(item.get().id()).stream()
          .filter(holding -> holding.holder().equals(recipient) && holding.agreement() != null && !holding.received().isAfter(now))
          .findFirst();
      if (held.isPresent()) {
        Decision atReceipt = items.engine().decide(request.at(held.get().received()), false);
        if (atReceipt.outcome() == Outcome.PERMIT) {
          List<String> heldReasons = new ArrayList<>(codes(atReceipt));
          heldReasons.add(HELD_UNDER_AGREEMENT);
          return new Verdict(Outcome.PERMIT, atReceipt, heldReasons, held, kid, policy.uuid(), itemId);
        }
      }
    }
    return new Verdict(decision.outcome(), decision, reasons, Optional.empty(), kid, policy.uuid(), itemId);
  }

  /** Every reason that keeps the decision from a permit is the agreement rule's (the agreement is no longer in force). */
  private static boolean failsOnlyOnAgreement(Decision decision) {
    boolean any = false;
    for (Reason reason : decision.reasons()) {
      if (reason.code().effect() == Effect.DENY || reason.code().effect() == Effect.CONSENT) {
        if (reason.code().rule() != RuleId.AGREEMENT) {
          return false;
        }
        any = true;
      }
    }
    return any;
  }

  private static String firstRefusing(Decision decision) {
    for (Reason reason : decision.reasons()) {
      if (reason.code().effect() == Effect.DENY) {
        return reason.code().name();
      }
    }
    for (Reason reason : decision.reasons()) {
      if (reason.code().effect() == Effect.CONSENT) {
        return reason.code().name();
      }
    }
    return decision.outcome().name();
  }

  private static List<String> codes(Decision decision) {
    return decision.reasons().stream().map(reason -> reason.code().name()).distinct().toList();
  }

  private void audit(Requester requester, Instant now, String kid, String policyUuid, ItemId item, String outcome, List<String> reasons) {
    String subject = item != null ? item.value() : policyUuid != null ? "policy:" + policyUuid : "kas";
    store.audit().append(AuditEvent.of(now, AUDIT_KIND, requester.actor(), subject, "requester", requester.party().value(),
        "outcome", outcome, "reasons", String.join(",", reasons), "kid", kid == null ? "" : kid,
        "policy", policyUuid == null ? "" : policyUuid));
  }

  private static KasRefusal refusal(TdfException e) {
    KasRefusal.Kind kind = switch (e.reason()) {
      case REWRAP_TOKEN_INVALID, POLICY_INVALID, MANIFEST_INVALID -> KasRefusal.Kind.MALFORMED;
      case REWRAP_BUSY -> KasRefusal.Kind.BUSY;
      case POLICY_BINDING, UNWRAP_FAILED -> KasRefusal.Kind.INTEGRITY;
      default -> KasRefusal.Kind.REFUSED;
    };
    return new KasRefusal(kind, e.reason().name(), List.of(e.reason().name()), null, e.getMessage());
  }

  private static KasRefusal malformed(String code, String detail) {
    return new KasRefusal(KasRefusal.Kind.MALFORMED, code, List.of(code), null, detail);
  }
}
