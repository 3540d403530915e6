package org.pactbridge.core.release;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;

/**
 * A release decision: a value, never an exception. Every variant carries the reasons in rule order,
 * the agreements relied on, the recipient's national level when one was determined, and the routes
 * that would work when the direct release is not a permit.
 */
public sealed interface Decision permits Decision.Permit, Decision.ConsentRequired, Decision.Deny {

  Outcome outcome();

  Instant at();

  Optional<Level> recipientLevel();

  List<AgreementId> agreements();

  List<Reason> reasons();

  List<Route> routes();

  /** Whether any reason carries this code. */
  default boolean has(ReasonCode code) {
    for (Reason reason : reasons()) {
      if (reason.code() == code) {
        return true;
      }
    }
    return false;
  }

  /** The release may go ahead. */
  record Permit(Instant at, Optional<Level> recipientLevel, List<AgreementId> agreements, List<Reason> reasons) implements Decision {
    @Override
    public Outcome outcome() {
      return Outcome.PERMIT;
    }

    @Override
    public List<Route> routes() {
      return List.of();
    }
  }

  /** Every rule holds but consents are missing. */
  record ConsentRequired(
      Instant at, Optional<Level> recipientLevel, List<AgreementId> agreements, List<Reason> reasons, List<ConsentNeed> needed, List<Route> routes)
      implements Decision {
    @Override
    public Outcome outcome() {
      return Outcome.CONSENT_REQUIRED;
    }
  }

  /** At least one rule fails. */
  record Deny(Instant at, Optional<Level> recipientLevel, List<AgreementId> agreements, List<Reason> reasons, List<Route> routes) implements Decision {
    @Override
    public Outcome outcome() {
      return Outcome.DENY;
    }
  }
}
