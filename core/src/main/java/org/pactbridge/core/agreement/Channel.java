package org.pactbridge.core.agreement;

import java.util.List;
import org.pactbridge.core.party.PartyCode;

/**
 * The channel an arrangement defines: a hub party and the paths it sanctions, each a list of parties
 * from the first sender to the last recipient ({@code [KOR, USA, JPN]}).
 */
public record Channel(PartyCode hub, List<List<PartyCode>> paths) {
  public Channel {
    paths = paths.stream().map(List::copyOf).toList();
  }

  /** Whether the chain of parties is one of the sanctioned paths. */
  public boolean sanctions(List<PartyCode> chain) {
    for (List<PartyCode> path : paths) {
      if (path.equals(chain)) {
        return true;
      }
    }
    return false;
  }
}
