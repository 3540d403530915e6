package org.pactbridge.core.party;

import java.util.List;
import java.util.Set;

/**
 * A named group used in releasability lists ({@code NATO}, {@code FVEY}, {@code ISAF}). Members may be
 * unknown or partly known ({@code membersKnown == false}): releasing to such a community then releases
 * only to its listed members.
 */
public record Community(String name, Set<PartyCode> members, boolean membersKnown, List<String> sources) {
  public Community {
    members = Set.copyOf(members);
    sources = List.copyOf(sources);
  }

  public boolean includes(PartyCode party) {
    return members.contains(party);
  }
}
