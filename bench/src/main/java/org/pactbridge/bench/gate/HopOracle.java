package org.pactbridge.bench.gate;

import java.time.Instant;
import java.util.Set;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/** Rule 4 for one hop, as one engine evaluates it over the agreements it was loaded with. */
public interface HopOracle {
  HopAnswer hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at);
}
