package org.pactbridge.core.release;

import java.util.List;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/** One lawful hop of a route: the agreement relied on and the level the receiver protects the item at. */
public record Hop(PartyCode from, PartyCode to, AgreementId agreement, Level level, boolean assumed, List<String> sources) {
  public Hop {
    sources = List.copyOf(sources);
  }
}
