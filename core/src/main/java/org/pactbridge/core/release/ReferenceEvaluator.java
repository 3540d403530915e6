package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.registry.Registry;

/**
 * The release decision as DESIGN.md states it, rule by rule: the readable specification that the
 * compiled engine ({@link org.pactbridge.core.engine.ReleaseEngine}) is held to by a differential test.
 *
 * <ol>
 *   <li>{@link OriginatorRule}: a recipient that is an originator gets a permit, and nothing else is asked;
 *   <li>{@link UnclassifiedRule}: an unclassified or declassified item skips rules 4 to 6;
 *   <li>{@link ReleasabilityRule}: NOFORN and REL TO;
 *   <li>{@link AgreementRule}: the hops' agreements, which give the recipient's level;
 *   <li>{@link ConsentRule}: the third-party rule and ORCON;
 *   <li>{@link UserRule}: the recipient user.
 * </ol>
 *
 * <p>Every rule is asked and every reason kept, in that order. The outcome follows from the reasons'
 * effects: DENY if any denies, else CONSENT_REQUIRED if any consent is missing, else PERMIT. A decision
 * that is not a permit carries the routes of {@link #routes}. Immutable and thread-safe; slow (it reads
 * timelines and tables on every call): for tests and for reading, not for serving.
 */
public final class ReferenceEvaluator implements ReleaseDecider {
  private final OriginatorRule originator = new OriginatorRule();
  private final UnclassifiedRule unclassified = new UnclassifiedRule();
  private final ReleasabilityRule releasability;
  private final AgreementRule agreement;
  private final ConsentRule consent = new ConsentRule();
  private final UserRule user = new UserRule();
  private final ReferenceRoutes routes;

  public ReferenceEvaluator(Registry registry) {
    this.releasability = new ReleasabilityRule(registry);
    this.agreement = new AgreementRule(registry);
    this.routes = new ReferenceRoutes(registry, agreement, releasability);
  }

  /** The rules in the order they are asked and their reasons listed. */
  public List<ReleaseRule> rules() {
    return List.of(originator, unclassified, releasability, agreement, consent, user);
  }

  @Override
  public Decision decide(ReleaseRequest request, boolean withRoutes) {
    if (originator.holds(request)) {
      Optional<Level> own = request.level().party().equals(request.recipient()) ? Optional.of(request.level()) : Optional.empty();
      return new Decision.Permit(request.at(), own, List.of(), originator.check(request, AgreementRule.Hops.NONE));
    }
    boolean needsAgreement = !unclassified.holds(request);
    AgreementRule.Hops hops = needsAgreement ? agreement.hops(request) : AgreementRule.Hops.NONE;
    List<ReleaseRule> asked = needsAgreement ? List.of(unclassified, releasability, agreement, consent, user) : List.of(unclassified, releasability);
    List<Reason> reasons = new ArrayList<>();
    for (ReleaseRule rule : asked) {
      reasons.addAll(rule.check(request, hops));
    }
    Optional<Level> level = Optional.ofNullable(hops.recipientLevel());
    List<AgreementId> agreements = hops.agreements();
    List<ConsentNeed> needed = new ArrayList<>();
    boolean denied = false;
    for (Reason reason : reasons) {
      denied |= reason.effect() == Effect.DENY;
      if (reason.effect() == Effect.CONSENT) {
        needed.add(new ConsentNeed(reason.party(), request.holder(), request.recipient(), request.orcon()));
      }
    }
    if (!denied && needed.isEmpty()) {
      return new Decision.Permit(request.at(), level, agreements, List.copyOf(reasons));
    }
    List<Route> found = withRoutes && needsAgreement ? routes(request, DEFAULT_MAX_HOPS, DEFAULT_LIMIT) : List.of();
    if (denied) {
      return new Decision.Deny(request.at(), level, agreements, List.copyOf(reasons), found);
    }
    return new Decision.ConsentRequired(request.at(), level, agreements, List.copyOf(reasons), List.copyOf(needed), found);
  }

  @Override
  public List<Route> routes(ReleaseRequest request, int maxHops, int limit) {
    return routes.find(request, maxHops, limit);
  }
}
