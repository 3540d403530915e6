package org.pactbridge.core.release;

import java.util.List;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/** Rule 3: a NOFORN item goes to no foreign party; a REL TO list must release it to the recipient. */
public final class ReleasabilityRule implements ReleaseRule {
  private final Registry registry;

  public ReleasabilityRule(Registry registry) {
    this.registry = registry;
  }

  @Override
  public RuleId id() {
    return RuleId.RELEASABILITY;
  }

  /** Whether the item's releasability lets it go to the party (the recipient, or a relay's receiver). */
  public boolean permits(ReleaseRequest request, PartyCode party) {
    return !request.releasability().isNoforn() && request.releasability().permits(party, registry.communities());
  }

  @Override
  public List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops) {
    if (request.releasability().isNoforn()) {
      return List.of(Reason.noforn(request.recipient()));
    }
    return permits(request, request.recipient()) ? List.of() : List.of(Reason.notReleasableTo(request.recipient()));
  }
}
