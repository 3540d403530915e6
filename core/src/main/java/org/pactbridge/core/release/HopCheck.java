package org.pactbridge.core.release;

import java.time.Instant;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;

/**
 * Rule 4 for one hop: an information agreement between sender and receiver in force at the instant,
 * whose scope covers every topic and whose table covers the sender's level. The result names the
 * agreement relied on and the receiver's level, or why the hop fails. Thread-safe; allocates one
 * result object.
 */
public final class HopCheck {
  private final Registry registry;

  public HopCheck(Registry registry) {
    this.registry = registry;
  }

  /** Outcome of one hop check. {@code failure} is null when the hop is lawful. */
  public record Result(
      ReasonCode failure, boolean scopeFails, boolean levelFails, Agreement agreement, Level level, boolean assumed, Instant terminationTakesEffect) {
    public boolean lawful() {
      return failure == null;
    }
  }

  public Result check(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    // the lawful path is kept small (so that it inlines into its callers); a failing hop is explained
    // by a second pass over the same candidates
    Agreement[] candidates = registry.between(from, to, AgreementKind.INFORMATION);
    for (Agreement agreement : candidates) {
      AgreementStatus status = agreement.statusAt(at);
      if (!status.inForce()) {
        continue;
      }
      Provisions provisions = agreement.provisionsAt(at);
      if (!provisions.scope().covers(topics)) {
        continue;
      }
      EquivalenceTable table = provisions.equivalence();
      Level translated = table == null ? null : table.translateOrNull(levelAtSender, to);
      if (translated != null) {
        boolean assumed = status.assumed() || provisions.anyAssumed();
        return new Result(null, false, false, agreement, translated, assumed, status.terminationTakesEffect());
      }
    }
    return failure(candidates, levelAtSender, to, topics, at);
  }

  /** Why no candidate is lawful: the first agreement in force and what it fails, or none in force. */
  private static Result failure(Agreement[] candidates, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    for (Agreement agreement : candidates) {
      if (!agreement.statusAt(at).inForce()) {
        continue;
      }
      Provisions provisions = agreement.provisionsAt(at);
      boolean scopeFails = !provisions.scope().covers(topics);
      EquivalenceTable table = provisions.equivalence();
      boolean levelFails = table == null || table.translateOrNull(levelAtSender, to) == null;
      ReasonCode first = scopeFails ? ReasonCode.TOPIC_OUT_OF_SCOPE : ReasonCode.LEVEL_NOT_COVERED;
      return new Result(first, scopeFails, levelFails, agreement, null, false, null);
    }
    return new Result(ReasonCode.NO_AGREEMENT_IN_FORCE, false, false, null, null, false, null);
  }
}
