package org.pactbridge.core.release;

import java.util.Objects;
import java.util.Set;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/** The recipient user of rule 6: nationality, clearance in their nation's scheme, need-to-know topics. */
public record UserContext(String id, PartyCode nationality, Level clearance, Set<Topic> needToKnow) {
  public UserContext {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nationality, "nationality");
    Objects.requireNonNull(clearance, "clearance");
    needToKnow = TopicSet.copyOf(needToKnow); // a set whose look-ups need no division: rule 6 asks it per topic
  }
}
