package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.party.Level;

/**
 * Rule 6: a recipient user must be a national of the recipient, cleared at or above the level the
 * recipient protects the item at (when rule 4 determined one), and have need-to-know for every topic.
 */
public final class UserRule implements ReleaseRule {
  public UserRule() {}

  @Override
  public RuleId id() {
    return RuleId.USER;
  }

  @Override
  public List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops) {
    UserContext user = request.user();
    if (user == null) {
      return List.of();
    }
    List<Reason> reasons = new ArrayList<>();
    if (!user.nationality().equals(request.recipient())) {
      reasons.add(Reason.userNationality(request.recipient(), user.nationality()));
    }
    Level recipientLevel = hops.recipientLevel();
    if (recipientLevel != null
        && (!user.clearance().party().equals(request.recipient()) || user.clearance().rank() < recipientLevel.rank())) {
      reasons.add(Reason.userClearance(request.recipient(), recipientLevel));
    }
    if (!user.needToKnow().containsAll(request.topics())) {
      reasons.add(Reason.userNeedToKnow(request.recipient()));
    }
    return reasons;
  }
}
