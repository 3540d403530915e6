package org.pactbridge.core.logistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.logistics.SupportDecision.Outcome;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.registry.Registry;

/**
 * Decides support requests against a registry snapshot. A request is allowed when a logistics
 * agreement between the supplier and the receiver is in force at its instant, covers its category
 * (not excluded, and allowed in its activity where the category carries a condition) and its
 * activity, and its location satisfies every area restriction that applies to the supplier. Every
 * failing rule is reported, not only the first; when several agreements are in force, the first that
 * allows the request is relied on, otherwise the reasons of all of them are given.
 *
 * <p>Immutable and thread-safe if the {@link AreaTest} is. Cost: a few enum-set look-ups per
 * agreement plus one point-in-polygon test per zone named by an applicable restriction.
 */
public final class SupportEngine {
  private final Registry registry;
  private final AreaTest areas;

  public SupportEngine(Registry registry, AreaTest areas) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.areas = Objects.requireNonNull(areas, "areas");
  }

  /**
   * The decision on one request. Throws {@link InvalidInputException} for an unknown party or
   * agreement, an agreement that is not a logistics agreement between the two parties, or an area
   * restriction that names a zone the area test does not know.
   */
  public SupportDecision decide(SupportRequest request) {
    registry.requireParty(request.supplier());
    registry.requireParty(request.receiver());
    Agreement[] candidates;
    if (request.agreement() != null) {
      Agreement named = registry.requireAgreement(request.agreement());
      if (named.kind() != AgreementKind.LOGISTICS) {
        throw InvalidInputException.contradiction(
            named.id().value(), named.id() + " is not a logistics agreement (it is " + named.kind() + ")");
      }
      if (!named.hasParty(request.supplier()) || !named.hasParty(request.receiver())) {
        throw InvalidInputException.contradiction(
            named.id().value(), named.id() + " is not an agreement between " + request.supplier() + " and " + request.receiver());
      }
      candidates = new Agreement[] {named};
    } else {
      candidates = registry.between(request.supplier(), request.receiver(), AgreementKind.LOGISTICS);
    }

    List<Agreement> examined = new ArrayList<>();
    List<SupportReason> denials = new ArrayList<>();
    for (Agreement agreement : candidates) {
      AgreementStatus status = agreement.statusAt(request.at());
      if (!status.inForce()) {
        continue;
      }
      examined.add(agreement);
      List<SupportReason> reasons = evaluate(agreement, status, request);
      boolean denied = reasons.stream().anyMatch(SupportReason::denies);
      if (!denied) {
        return new SupportDecision(Outcome.ALLOWED, request.at(), List.of(agreement.id()), reasons);
      }
      denials.addAll(reasons);
    }
    if (examined.isEmpty()) {
      SupportReason none = request.agreement() == null
          ? reason(SupportReasonCode.NO_AGREEMENT_IN_FORCE, true, null, request, "")
          : reason(
              SupportReasonCode.NO_AGREEMENT_IN_FORCE, true, candidates[0], request,
              candidates[0].statusAt(request.at()).display().toLowerCase(Locale.ROOT).replace('_', ' '));
      List<AgreementId> named =
          request.agreement() == null ? List.of() : List.of(request.agreement());
      return new SupportDecision(Outcome.DENIED, request.at(), named, List.of(none));
    }
    return new SupportDecision(Outcome.DENIED, request.at(), examined.stream().map(Agreement::id).toList(), denials);
  }

  private List<SupportReason> evaluate(Agreement agreement, AgreementStatus status, SupportRequest request) {
    List<SupportReason> reasons = new ArrayList<>();
    LogisticsTerms terms = agreement.provisionsAt(request.at(), LogisticsProvisions.class).logistics().orElse(null);
    Category category = request.category();
    Activity activity = request.activity();
    StringJoiner assumed = new StringJoiner(", ");
    if (status.assumed()) {
      assumed.add("an assumed date of entry into force");
    }
    if (terms == null) {
      reasons.add(reason(SupportReasonCode.CATEGORY_NOT_COVERED, true, agreement, request, ""));
      reasons.add(reason(SupportReasonCode.ACTIVITY_NOT_COVERED, true, agreement, request, ""));
      return reasons;
    }
    if (terms.assumed()) {
      assumed.add("categories and activities");
    }
    boolean categoryHolds = false;
    if (terms.excludes(category)) {
      reasons.add(reason(SupportReasonCode.CATEGORY_EXCLUDED, true, agreement, request, ""));
    } else if (!terms.covers(category)) {
      reasons.add(reason(SupportReasonCode.CATEGORY_NOT_COVERED, true, agreement, request, ""));
    } else {
      if (terms.isConditional(category) && terms.conditionsAssumed()) {
        assumed.add("the conditions on " + category);
      }
      if (!terms.allowsIn(category, activity)) {
        StringJoiner allowedIn = new StringJoiner(", ");
        terms.conditions().get(category).forEach(allowed -> allowedIn.add(allowed.slug()));
        reasons.add(reason(SupportReasonCode.CATEGORY_EXCLUDED, true, agreement, request, allowedIn.toString()));
      } else {
        categoryHolds = true;
      }
    }
    boolean activityHolds = terms.permits(activity);
    if (!activityHolds) {
      reasons.add(reason(SupportReasonCode.ACTIVITY_NOT_COVERED, true, agreement, request, ""));
    }
    boolean unchecked = false;
    for (AreaRestriction restriction : terms.areaRestrictions()) {
      if (!restriction.appliesTo(request.supplier(), request.receiver(), request.at())) {
        continue;
      }
      for (String zone : restriction.zones()) {
        if (!areas.zones().contains(zone)) {
          throw InvalidInputException.invalid(
              "UNKNOWN_ZONE", zone, agreement.id() + " names zone '" + zone + "', which no shipped shape defines (known: " + areas.zones() + ")");
        }
      }
      if (restriction.assumed()) {
        assumed.add("an area restriction");
      }
      if (request.location() == null) {
        unchecked = true;
        continue;
      }
      String failure = areaFailure(restriction, request.location());
      if (failure != null) {
        reasons.add(reason(SupportReasonCode.AREA_RESTRICTED, true, agreement, request, failure));
      }
    }
    if (categoryHolds && activityHolds) {
      reasons.add(0, reason(SupportReasonCode.AGREEMENT_IN_FORCE, false, agreement, request, ""));
    }
    if (unchecked) {
      reasons.add(reason(SupportReasonCode.AREA_NOT_CHECKED, false, agreement, request, ""));
    }
    if (assumed.length() > 0) {
      reasons.add(reason(SupportReasonCode.ASSUMED_PROVISION, false, agreement, request, assumed.toString()));
    }
    return reasons;
  }

  /** Null when the location satisfies the restriction, otherwise what it breaks. */
  private String areaFailure(AreaRestriction restriction, Location location) {
    String target = restriction.supporting() == null ? "" : " when supporting " + restriction.supporting();
    if (restriction.rule() == AreaRestriction.Rule.OUTSIDE) {
      for (String zone : restriction.zones()) {
        if (areas.contains(zone, location)) {
          return "must stay outside " + zone + target + "; " + location + " lies in it";
        }
      }
      return null;
    }
    for (String zone : restriction.zones()) {
      if (areas.contains(zone, location)) {
        return null;
      }
    }
    return "must stay inside " + String.join(" or ", restriction.zones()) + target + "; " + location + " lies outside";
  }

  private static SupportReason reason(SupportReasonCode code, boolean denies, Agreement agreement, SupportRequest request, String detail) {
    return new SupportReason(
        code, denies, agreement == null ? null : agreement.id(), request.supplier(), request.receiver(), request.category(),
        request.activity(), detail);
  }
}
