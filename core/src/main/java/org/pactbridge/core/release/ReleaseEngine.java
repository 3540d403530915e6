package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.route.Route;
import org.pactbridge.core.route.RouteFinder;

/**
 * The release-decision engine (rules 1–6 of the design). Every rule is evaluated and every failing
 * rule reported; the outcome is PERMIT if rule 1 holds, else DENY if any rule denies, else
 * CONSENT_REQUIRED if a consent is missing, else PERMIT. When the outcome is not a permit, the routes
 * that would lawfully reach the recipient are attached.
 *
 * <p>Built once per registry snapshot; thread-safe. A direct decision is a handful of hash look-ups and
 * a binary search per candidate agreement, and never touches I/O.
 */
public final class ReleaseEngine {
  private final Registry registry;
  private final HopCheck hops;
  private final RouteFinder routeFinder;

  public ReleaseEngine(Registry registry) {
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
    PartyCode recipient = request.recipient();
    List<Reason> reasons = new ArrayList<>(4);

    // Rule 1: the recipient is an originator.
    if (request.originators().contains(recipient)) {
      reasons.add(new Reason(ReasonCode.ORIGINATOR, Effect.PERMIT, 1, null, null, recipient, null, null));
      Optional<Level> own = request.level().party().equals(recipient) ? Optional.of(request.level()) : Optional.empty();
      return new Decision.Permit(request.at(), own, List.of(), reasons);
    }

    boolean deny = false;
    // Rule 2: unclassified or declassified.
    boolean unclassified =
        request.level().isUnclassified() || (request.declassifyOn() != null && !request.at().isBefore(request.declassifyOn()));
    if (unclassified) {
      reasons.add(new Reason(ReasonCode.UNCLASSIFIED, Effect.INFO, 2, null, null, recipient, null, request.level()));
    }

    // Rule 3: releasability.
    if (request.releasability().isNoforn()) {
      reasons.add(new Reason(ReasonCode.NOFORN, Effect.DENY, 3, null, null, recipient, null, null));
      deny = true;
    } else if (!request.releasability().permits(recipient, registry.communities())) {
      reasons.add(new Reason(ReasonCode.NOT_RELEASABLE_TO, Effect.DENY, 3, null, null, recipient, null, null));
      deny = true;
    }

    // the agreements relied on (originator → holder, holder → recipient), listed at the end
    AgreementId receivedBy = null;
    AgreementId directBy = null;
    Level recipientLevel = null;
    List<ConsentNeed> needed = List.of();
    if (!unclassified) {
      PartyCode holder = request.holder();
      int holderIndex = registry.indexOf(holder);
      HopCheck.Topics topics = hops.topics(request.topics());
      boolean holderIsOriginator = request.originators().contains(holder);
      ThirdPartyRule rule = ThirdPartyRule.ORIGINATOR_CONSENT;
      Level holderLevel = request.level();
      if (!holder.equals(request.level().party())) {
        // The holder protects the item at the level the originator–holder agreement gives it.
        HopCheck.Result received = hops.check(registry.indexOf(request.level().party()), request.level(), holderIndex, topics, request.at());
        if (received.lawful()) {
          holderLevel = received.level();
          receivedBy = received.id();
          rule = received.thirdPartyRule();
          reasons.add(Reason.hop(ReasonCode.AGREEMENT_IN_FORCE, Effect.INFO, receivedBy, request.level().party(), holder, request.level()));
          addCautions(reasons, received);
        } else {
          addHopFailure(reasons, received, request.level().party(), holder, request.level());
          holderLevel = null;
          deny = true;
        }
      }

      // Rule 4: the direct hop.
      if (holderLevel != null) {
        HopCheck.Result direct = hops.check(holderIndex, holderLevel, registry.indexOf(recipient), topics, request.at());
        if (direct.lawful()) {
          recipientLevel = direct.level();
          directBy = direct.id();
          reasons.add(Reason.hop(ReasonCode.AGREEMENT_IN_FORCE, Effect.INFO, directBy, holder, recipient, holderLevel));
          addCautions(reasons, direct);
        } else {
          addHopFailure(reasons, direct, holder, recipient, holderLevel);
          deny = true;
        }
      }

      // Rule 5: third-party rule and ORCON.
      boolean consentNeeded = request.orcon() || rule == ThirdPartyRule.ORIGINATOR_CONSENT;
      if (!holderIsOriginator && consentNeeded) {
        for (PartyCode originator : sorted(request.originators())) {
          if (request.consents().contains(originator)) {
            reasons.add(new Reason(ReasonCode.CONSENT_RECORDED, Effect.INFO, 5, null, holder, recipient, originator, null));
          } else {
            ReasonCode code = request.orcon() ? ReasonCode.ORCON_CONSENT_REQUIRED : ReasonCode.THIRD_PARTY_CONSENT_REQUIRED;
            reasons.add(new Reason(code, Effect.CONSENT, 5, null, holder, recipient, originator, null));
            if (needed.isEmpty()) {
              needed = new ArrayList<>(1); // only when a consent is missing
            }
            needed.add(new ConsentNeed(originator, holder, recipient, request.orcon()));
          }
        }
      }

      // Rule 6: the recipient user.
      UserContext user = request.user();
      if (user != null) {
        if (!user.nationality().equals(recipient)) {
          reasons.add(new Reason(ReasonCode.USER_NATIONALITY, Effect.DENY, 6, null, null, recipient, user.nationality(), null));
          deny = true;
        }
        if (recipientLevel != null
            && (!user.clearance().party().equals(recipient) || user.clearance().rank() < recipientLevel.rank())) {
          reasons.add(new Reason(ReasonCode.USER_CLEARANCE, Effect.DENY, 6, null, null, recipient, null, recipientLevel));
          deny = true;
        }
        if (!user.needToKnow().containsAll(request.topics())) {
          reasons.add(new Reason(ReasonCode.USER_NEED_TO_KNOW, Effect.DENY, 6, null, null, recipient, null, null));
          deny = true;
        }
      }
    }

    Optional<Level> level = recipientLevel == null ? Optional.empty() : recipientLevel.asOptional();
    List<AgreementId> agreements = receivedBy == null
        ? (directBy == null ? List.of() : List.of(directBy))
        : (directBy == null ? List.of(receivedBy) : List.of(receivedBy, directBy));
    if (!deny && needed.isEmpty()) {
      return new Decision.Permit(request.at(), level, agreements, reasons);
    }
    List<Route> routes = withRoutes && !unclassified ? routeFinder.find(request) : List.of();
    if (deny) {
      return new Decision.Deny(request.at(), level, agreements, reasons, routes);
    }
    return new Decision.ConsentRequired(request.at(), level, agreements, reasons, needed, routes);
  }

  // Reasons are made here rather than kept with the hop's result: a fresh object is in cache, one kept
  // beside each of 5,000 agreements is a likely cache miss.
  private static void addCautions(List<Reason> reasons, HopCheck.Result hop) {
    if (hop.assumed()) {
      reasons.add(new Reason(ReasonCode.ASSUMED_PROVISION, Effect.INFO, 4, hop.id(), null, null, null, null));
    }
    if (hop.terminationTakesEffect() != null) {
      reasons.add(new Reason(ReasonCode.TERMINATION_PENDING, Effect.INFO, 4, hop.id(), null, null, null, null, hop.terminationTakesEffect()));
    }
  }

  private static void addHopFailure(List<Reason> reasons, HopCheck.Result hop, PartyCode from, PartyCode to, Level level) {
    if (hop.failure() == ReasonCode.NO_AGREEMENT_IN_FORCE) {
      reasons.add(Reason.hop(ReasonCode.NO_AGREEMENT_IN_FORCE, Effect.DENY, null, from, to, level));
      return;
    }
    AgreementId id = hop.id();
    if (hop.scopeFails()) {
      reasons.add(Reason.hop(ReasonCode.TOPIC_OUT_OF_SCOPE, Effect.DENY, id, from, to, level));
    }
    if (hop.levelFails()) {
      reasons.add(Reason.hop(ReasonCode.LEVEL_NOT_COVERED, Effect.DENY, id, from, to, level));
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
