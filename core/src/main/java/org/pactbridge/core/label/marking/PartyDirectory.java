package org.pactbridge.core.label.marking;

import java.util.List;
import java.util.Optional;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * What a marking reader needs to know about the world: the parties with their classification schemes,
 * and the communities named in releasability lists. A {@link Registry} satisfies it through
 * {@link #of(Registry)}.
 */
public interface PartyDirectory {

  Optional<Party> findParty(PartyCode code);

  Optional<Community> findCommunity(String name);

  /** The parties whose native-script markings ({@code 極秘}, {@code 군사 Ⅱ급비밀}) are read. */
  default List<PartyCode> nativeMarkingParties() {
    return List.of(PartyCode.of("KOR"), PartyCode.of("JPN"));
  }

  static PartyDirectory of(Registry registry) {
    return new PartyDirectory() {
      @Override
      public Optional<Party> findParty(PartyCode code) {
        return registry.findParty(code);
      }

      @Override
      public Optional<Community> findCommunity(String name) {
        return registry.findCommunity(name);
      }
    };
  }
}
