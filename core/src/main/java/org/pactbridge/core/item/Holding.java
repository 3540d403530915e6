package org.pactbridge.core.item;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.party.PartyCode;

/**
 * A copy of an item held by a party: received at {@code received} by {@code route} (the parties it
 * passed through, originator first, holder last; just the holder for the originator's own copy), and
 * protected under {@code nationalMarking}, the holder's own marking of it.
 */
public record Holding(ItemId item, PartyCode holder, Instant received, List<PartyCode> route, String nationalMarking) {
  public Holding {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(received, "received");
    route = List.copyOf(route);
    nationalMarking = nationalMarking == null ? "" : nationalMarking;
  }
}
