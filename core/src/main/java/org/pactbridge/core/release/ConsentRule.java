package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.PartyCode;

/**
 * Rule 5: a holder that is not an originator needs each originator's consent (the third-party rule),
 * unless the originator–holder agreement in force waives it; an ORCON item needs it whatever that
 * agreement says. One reason per originator, in code order: the consent recorded, or missing.
 */
public final class ConsentRule implements ReleaseRule {
  public ConsentRule() {}

  @Override
  public RuleId id() {
    return RuleId.CONSENT;
  }

  @Override
  public List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops) {
    PartyCode holder = request.holder();
    if (request.originators().contains(holder)) {
      return List.of(); // an originator never needs consent to release its own item
    }
    ThirdPartyRule rule = hops.received() != null && hops.received().lawful()
        ? hops.received().provisions().thirdPartyRule()
        : ThirdPartyRule.ORIGINATOR_CONSENT;
    if (!request.orcon() && rule != ThirdPartyRule.ORIGINATOR_CONSENT) {
      return List.of();
    }
    List<PartyCode> originators = new ArrayList<>(request.originators());
    originators.sort(null);
    List<Reason> reasons = new ArrayList<>();
    for (PartyCode originator : originators) {
      if (request.consents().contains(originator)) {
        reasons.add(Reason.consentRecorded(holder, request.recipient(), originator));
      } else if (request.orcon()) {
        reasons.add(Reason.orconConsentRequired(holder, request.recipient(), originator));
      } else {
        reasons.add(Reason.thirdPartyConsentRequired(holder, request.recipient(), originator));
      }
    }
    return reasons;
  }
}
