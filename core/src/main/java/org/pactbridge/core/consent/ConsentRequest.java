package org.pactbridge.core.consent;

import java.time.Instant;
import java.util.Objects;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;

/**
 * {@code requester} (a holder) asks {@code originator} to release {@code item} to {@code recipient}.
 * {@code requestedBy} is the user of the requester's nation who asked; null for a request stored before
 * the store kept it (schema version 14), when only the nation is known.
 */
public record ConsentRequest(String id, ItemId item, PartyCode originator, PartyCode requester, PartyCode recipient, Instant requestedAt,
    Asker requestedBy) {

  /** The user who asked: their id and their name as they were when asking. */
  public record Asker(String id, String name) {
    public Asker {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
    }
  }

  public ConsentRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(requestedAt, "requestedAt");
  }

  /** A request whose asking user is not known (as stored before schema version 14). */
  public ConsentRequest(String id, ItemId item, PartyCode originator, PartyCode requester, PartyCode recipient, Instant requestedAt) {
    this(id, item, originator, requester, recipient, requestedAt, null);
  }

  /** Whether the user with this id asked it. */
  public boolean askedBy(String userId) {
    return requestedBy != null && requestedBy.id().equals(userId);
  }
}
