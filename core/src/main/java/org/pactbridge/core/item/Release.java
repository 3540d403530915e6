package org.pactbridge.core.item;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Outcome;

/**
 * A recorded release decision and, when it permitted, the release itself: item {@code item}, held by
 * {@code holder}, asked for {@code recipient} at {@code at}; the {@code outcome}, the reason codes in
 * order, the agreements relied on, and whether the item was actually {@code released} (which creates
 * the recipient's {@link Holding}). Reason codes only: messages are rebuilt from them, never stored.
 */
public record Release(
    String id,
    ItemId item,
    PartyCode holder,
    PartyCode recipient,
    Instant at,
    Outcome outcome,
    List<String> reasonCodes,
    List<AgreementId> agreements,
    String recipientLevel,
    boolean released) {

  public Release {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    reasonCodes = List.copyOf(reasonCodes);
    agreements = List.copyOf(agreements);
    recipientLevel = recipientLevel == null ? "" : recipientLevel;
    if (released && outcome != Outcome.PERMIT) {
      throw new IllegalArgumentException("release " + id + ": only a permit can be released, not " + outcome);
    }
  }
}
