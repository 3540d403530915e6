package org.pactbridge.core.release;

import java.util.List;

/** Rule 1: a recipient that is an originator of the item may always have it; no other rule is asked. */
public final class OriginatorRule implements ReleaseRule {
  public OriginatorRule() {}

  @Override
  public RuleId id() {
    return RuleId.ORIGINATOR;
  }

  public boolean holds(ReleaseRequest request) {
    return request.originators().contains(request.recipient());
  }

  @Override
  public List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops) {
    return holds(request) ? List.of(Reason.originator(request.recipient())) : List.of();
  }
}
