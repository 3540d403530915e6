package org.pactbridge.core.consent;

import java.time.Instant;
import java.util.Objects;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;

/** {@code requester} (a holder) asks {@code originator} to release {@code item} to {@code recipient}. */
public record ConsentRequest(String id, ItemId item, PartyCode originator, PartyCode requester, PartyCode recipient, Instant requestedAt) {
  public ConsentRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }
}
