package org.pactbridge.core.release.compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ConsentNeed;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.release.UserContext;

/**
 * The compiled release decision (rules 1–6 of the design), the fast twin of
 * {@link org.pactbridge.core.release.ReferenceEvaluator}, which states the same rules one by one; a
 * differential test keeps the two equal. Every rule is evaluated and every failing
 * rule reported; the outcome is PERMIT if rule 1 holds, else DENY if any rule denies, else
 * CONSENT_REQUIRED if a consent is missing, else PERMIT. When the outcome is not a permit, the routes
 * that would lawfully reach the recipient are attached.
 *
 * <p>Built once per registry snapshot; thread-safe. A direct decision is a handful of hash look-ups and
 * a binary search per candidate agreement, and never touches I/O.
 */
public final class CompiledEngine {
  private final Registry registry;
  private final HopCheck hops;
  private final RouteFinder routeFinder;

  public CompiledEngine(Registry registry) {
    this.registry = registry;
    this.hops = new HopCheck(registry);
    this.routeFinder = new RouteFinder(registry, hops);
  }

  public Registry registry() {
    return registry;
  }

  public RouteFinder routeFinder() {
    return routeFinder;
  }

  /** Decides and, when the answer is not a permit, searches for routes. */
  public Decision decide(ReleaseRequest request) {
    return decide(request, true);
  }

  /** Decides; with {@code withRoutes == false} the route search is skipped (batch and filtering paths). */
  public Decision decide(ReleaseRequest request, boolean withRoutes) {
    // Kept compact on purpose: the compiler inlines a method's callees only up to a budget of nodes, and
    // past it every small constructor and look-up becomes a call of its own. So one list that never
    // grows, one call site for both hop checks, and the rare cases in methods apart.
    PartyCode recipient = request.recipient();

    // Rule 1: the recipient is an originator.
    if (request.originators().contains(recipient)) {
      return originatorPermit(request);
    }

    ReasonList reasons = ReasonList.forDecision(request.originators().size(), hops.unknownPerHop());
    boolean deny = false;
    // Rule 2: unclassified or declassified.
    boolean unclassified =
        request.level().isUnclassified() || (request.declassifyOn() != null && !request.at().isBefore(request.declassifyOn()));
    if (unclassified) {
      reasons.append(Reason.unclassified(recipient, request.level()));
    }

    // Rule 3: releasability.
    if (request.releasability().isNoforn()) {
      reasons.append(Reason.noforn(recipient));
      deny = true;
    } else if (!request.releasability().permits(recipient, registry.communities())) {
      reasons.append(Reason.notReleasableTo(recipient));
      deny = true;
    }

    // the agreements relied on (originator → holder, holder → recipient), listed at the end
    HopResult received = null;
    HopResult direct = null;
    List<ConsentNeed> needed = List.of();
    if (!unclassified) {
      PartyCode holder = request.holder();
      int holderIndex = registry.indexOf(holder);
      TopicMask topics = hops.topics(request.topics());
      PartyCode originator = request.level().party();

      // The hops, in one loop so that the hop check is inlined once: when the holder is not the
      // originator, first originator → holder, which gives the level the holder protects the item at
      // (and the third-party rule); then rule 4, holder → recipient.
      boolean relayed = !holder.equals(originator);
      PartyCode from = relayed ? originator : holder;
      int fromIndex = relayed ? registry.indexOf(originator) : holderIndex;
      Level sent = request.level();
      for (int hop = relayed ? 0 : 1; hop < 2; hop++) {
        PartyCode to = hop == 0 ? holder : recipient;
        int toIndex = hop == 0 ? holderIndex : registry.indexOf(recipient);
        HopResult result = hops.check(fromIndex, sent, toIndex, topics, request.at());
        if (!result.lawful()) {
          addHopFailure(reasons, result, from, to, sent);
          hops.appendUnknown(fromIndex, toIndex, request.at(), reasons);
          deny = true;
          break;
        }
        reasons.appendAll(result.reasons());
        hops.appendUnknown(fromIndex, toIndex, request.at(), reasons);
        if (hop == 0) {
          received = result;
        } else {
          direct = result;
        }
        from = holder;
        fromIndex = holderIndex;
        sent = result.level();
      }

      // Rule 5: third-party rule and ORCON.
      ThirdPartyRule rule = received != null ? received.thirdPartyRule() : ThirdPartyRule.ORIGINATOR_CONSENT;
      if ((request.orcon() || rule == ThirdPartyRule.ORIGINATOR_CONSENT) && !request.originators().contains(holder)) {
        needed = consents(request, reasons);
      }

      // Rule 6: the recipient user.
      if (request.user() != null) {
        deny |= userFails(request, direct == null ? null : direct.level(), reasons);
      }
    }

    Level recipientLevel = direct == null ? null : direct.level();
    Optional<Level> level = recipientLevel == null ? Optional.empty() : recipientLevel.asOptional();
    List<AgreementId> agreements = received == null
        ? (direct == null ? List.of() : direct.ids())
        : (direct == null ? received.ids() : List.of(received.id(), direct.id()));
    if (!deny && needed.isEmpty()) {
      return new Decision.Permit(request.at(), level, agreements, reasons);
    }
    List<Route> routes = withRoutes && !unclassified ? routeFinder.find(request) : List.of();
    if (deny) {
      return new Decision.Deny(request.at(), level, agreements, reasons, routes);
    }
    return new Decision.ConsentRequired(request.at(), level, agreements, reasons, needed, routes);
  }

  private static Decision originatorPermit(ReleaseRequest request) {
    PartyCode recipient = request.recipient();
    Optional<Level> own = request.level().party().equals(recipient) ? request.level().asOptional() : Optional.empty();
    return new Decision.Permit(request.at(), own, List.of(),
        ReasonList.of(Reason.originator(recipient)));
  }

  /** Rule 5: each originator's consent, recorded or missing (in code order); the missing ones returned. */
  private static List<ConsentNeed> consents(ReleaseRequest request, ReasonList reasons) {
    PartyCode holder = request.holder();
    PartyCode recipient = request.recipient();
    List<ConsentNeed> needed = List.of();
    for (PartyCode originator : sorted(request.originators())) {
      if (request.consents().contains(originator)) {
        reasons.append(Reason.consentRecorded(holder, recipient, originator));
      } else {
        reasons.append(request.orcon()
            ? Reason.orconConsentRequired(holder, recipient, originator)
            : Reason.thirdPartyConsentRequired(holder, recipient, originator));
        if (needed.isEmpty()) {
          needed = new ArrayList<>(1); // only when a consent is missing
        }
        needed.add(new ConsentNeed(originator, holder, recipient, request.orcon()));
      }
    }
    return needed;
  }

  /** Rule 6: whether the recipient user fails nationality, clearance (when a level was determined) or need-to-know. */
  private static boolean userFails(ReleaseRequest request, Level recipientLevel, ReasonList reasons) {
    UserContext user = request.user();
    PartyCode recipient = request.recipient();
    boolean fails = false;
    if (!user.nationality().equals(recipient)) {
      reasons.append(Reason.userNationality(recipient, user.nationality()));
      fails = true;
    }
    if (recipientLevel != null && (!user.clearance().party().equals(recipient) || user.clearance().rank() < recipientLevel.rank())) {
      reasons.append(Reason.userClearance(recipient, recipientLevel));
      fails = true;
    }
    if (!user.needToKnow().containsAll(request.topics())) {
      reasons.append(Reason.userNeedToKnow(recipient));
      fails = true;
    }
    return fails;
  }

  private static void addHopFailure(ReasonList reasons, HopResult hop, PartyCode from, PartyCode to, Level level) {
    if (hop.failure() == ReasonCode.NO_AGREEMENT_IN_FORCE) {
      reasons.append(Reason.noAgreementInForce(from, to, level));
      return;
    }
    AgreementId id = hop.id();
    if (hop.scopeFails()) {
      reasons.append(Reason.topicOutOfScope(id, from, to, level));
    }
    if (hop.levelFails()) {
      reasons.append(Reason.levelNotCovered(id, from, to, level));
    }
  }

  private static Iterable<PartyCode> sorted(java.util.Set<PartyCode> parties) {
    if (parties.size() <= 1) {
      return parties; // already in order; no copy on the common path
    }
    List<PartyCode> list = new ArrayList<>(parties);
    list.sort(null);
    return list;
  }
}
