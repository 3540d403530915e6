package org.pactbridge.core.release;

import java.util.ArrayList;
import java.util.List;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.PartyCode;

/**
 * A chain that would lawfully reach the recipient: its hops, the originators whose consent it needs,
 * and the arrangement that sanctions it (null for an ad-hoc chain).
 */
public record Route(List<Hop> hops, List<PartyCode> consents, AgreementId sanctionedBy) {
  public Route {
    hops = List.copyOf(hops);
    consents = List.copyOf(consents);
  }

  /** The parties along the chain, sender first. */
  public List<PartyCode> parties() {
    List<PartyCode> parties = new ArrayList<>(hops.size() + 1);
    parties.add(hops.get(0).from());
    for (Hop hop : hops) {
      parties.add(hop.to());
    }
    return parties;
  }

  public boolean sanctioned() {
    return sanctionedBy != null;
  }
}
