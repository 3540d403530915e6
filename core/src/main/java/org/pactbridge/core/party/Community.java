package org.pactbridge.core.party;

import java.util.List;
import java.util.Set;

/**
 * A named group used in releasability lists ({@code NATO}, {@code FVEY}, {@code ISAF}). Members may be
 * unknown or partly known ({@code membersKnown == false}): releasing to such a community then releases
 * only to its listed members. {@code assumed} marks a membership no source gives (publicly known, not
 * in the record).
 */
public record Community(String name, Set<PartyCode> members, boolean membersKnown, List<String> sources, boolean assumed) {
  public Community {
    members = Set.copyOf(members);
    sources = List.copyOf(sources);
  }

  /** A community whose membership is sourced (or, with no sources, not yet said to be assumed). */
  public Community(String name, Set<PartyCode> members, boolean membersKnown, List<String> sources) {
    this(name, members, membersKnown, sources, false);
  }

  public boolean includes(PartyCode party) {
    return members.contains(party);
  }
}
