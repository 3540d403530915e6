package org.pactbridge.core.release;

import java.util.List;

/**
 * Rule 2: an item unclassified, or declassified at the instant, needs no agreement: rules 4 to 6 do not
 * apply to it (its releasability, rule 3, still does).
 */
public final class UnclassifiedRule implements ReleaseRule {
  public UnclassifiedRule() {}

  @Override
  public RuleId id() {
    return RuleId.UNCLASSIFIED;
  }

  public boolean holds(ReleaseRequest request) {
    return request.level().isUnclassified() || (request.declassifyOn() != null && !request.at().isBefore(request.declassifyOn()));
  }

  @Override
  public List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops) {
    return holds(request) ? List.of(Reason.unclassified(request.recipient(), request.level())) : List.of();
  }
}
