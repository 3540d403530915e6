package org.pactbridge.core.item;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.PartyCode;

/**
 * A copy of an item held by a party: received at {@code received} by {@code route} (the parties it
 * passed through, originator first, holder last; just the holder for the originator's own copy), and
 * protected under {@code nationalMarking}, the holder's own marking of it. {@code agreement} is the
 * agreement the release relied on for the last hop to the holder, or null (the originator's own copy, a
 * holding recorded before agreements were kept): a holder keeps the right to open what it received
 * under an agreement after that agreement ends, because protection duties survive termination.
 */
public record Holding(ItemId item, PartyCode holder, Instant received, List<PartyCode> route, String nationalMarking, AgreementId agreement) {
  public Holding {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(received, "received");
    route = List.copyOf(route);
    nationalMarking = nationalMarking == null ? "" : nationalMarking;
  }

  /** A holding that records no agreement: the originator's own copy, or one received before agreements were recorded. */
  public Holding(ItemId item, PartyCode holder, Instant received, List<PartyCode> route, String nationalMarking) {
    this(item, holder, received, route, nationalMarking, null);
  }

  /** The agreement the holder received the item under, when one was recorded. */
  public Optional<AgreementId> underAgreement() {
    return Optional.ofNullable(agreement);
  }
}
