package org.pactbridge.core.logistics;

import java.time.Instant;
import java.util.List;
import org.pactbridge.core.agreement.AgreementId;

/**
 * The answer to a support request: allowed or denied, at which instant, the agreements relied on (or
 * examined, when denied), and every reason in order. A value, never an exception.
 */
public record SupportDecision(Outcome outcome, Instant at, List<AgreementId> agreements, List<SupportReason> reasons) {

  /** The two answers. */
  public enum Outcome {
    ALLOWED,
    DENIED
  }

  public SupportDecision {
    agreements = List.copyOf(agreements);
    reasons = List.copyOf(reasons);
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOWED;
  }

  /** Whether any reason carries this code. */
  public boolean has(SupportReasonCode code) {
    for (SupportReason reason : reasons) {
      if (reason.code() == code) {
        return true;
      }
    }
    return false;
  }

  /** The codes of the reasons, in order. */
  public List<SupportReasonCode> codes() {
    return reasons.stream().map(SupportReason::code).toList();
  }
}
