package org.pactbridge.core.consent;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.party.PartyCode;

/** The originator's answer to a request: a grant (possibly with conditions) or a refusal. */
public record ConsentAnswer(String requestId, PartyCode by, Verdict verdict, Instant answeredAt, List<ConsentCondition> conditions) {

  /** Granted or refused. */
  public enum Verdict {
    GRANTED,
    REFUSED
  }

  public ConsentAnswer {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(answeredAt, "answeredAt");
    conditions = List.copyOf(conditions);
    if (verdict == Verdict.REFUSED && !conditions.isEmpty()) {
      throw new IllegalArgumentException("a refusal carries no conditions");
    }
  }

  /** Whether this answer lets the release go ahead at {@code at}: granted and not expired. */
  public boolean permitsAt(Instant at) {
    if (verdict != Verdict.GRANTED) {
      return false;
    }
    for (ConsentCondition condition : conditions) {
      if (condition instanceof ConsentCondition.Expiry expiry && !at.isBefore(expiry.until())) {
        return false;
      }
    }
    return true;
  }
}
