package org.pactbridge.bench.gate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * Rule 4 answered by scanning the {@link HopWindows} of the pair in plain Java, first-applicable as the
 * peers' policies are written. Not a peer: it checks that the windows carry the engine's facts, so a
 * peer's disagreement can be blamed on the peer.
 */
public final class WindowScanOracle implements HopOracle {
  private final Map<String, List<HopWindows.Window>> windows;

  public WindowScanOracle(Map<String, List<HopWindows.Window>> windows) {
    this.windows = windows;
  }

  @Override
  public HopAnswer hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    List<HopWindows.Window> pair = windows.get(HopWindows.key(from, to));
    if (pair == null) {
      return HopAnswer.NO_AGREEMENT;
    }
    long now = at.getEpochSecond();
    String level = levelAtSender.qualified();
    for (HopWindows.Window window : pair) {
      if (window.start() <= now && now < window.end() && covers(window.scope(), topics) && window.translations().containsKey(level)) {
        return HopAnswer.lawful(window.translations().get(level), window.agreement(), window.rule(), window.assumed(), window.terminationPending());
      }
    }
    for (HopWindows.Window window : pair) {
      if (window.start() <= now && now < window.end()) {
        return HopAnswer.failing(window.agreement(), !covers(window.scope(), topics), !window.translations().containsKey(level));
      }
    }
    return HopAnswer.NO_AGREEMENT;
  }

  static boolean covers(List<String> scope, Set<Topic> topics) {
    if (scope == null) {
      return true;
    }
    if (topics.isEmpty()) {
      return false;
    }
    for (Topic topic : topics) {
      if (!scope.contains(topic.slug())) {
        return false;
      }
    }
    return true;
  }
}
