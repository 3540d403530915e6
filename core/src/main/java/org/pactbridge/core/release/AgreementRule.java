package org.pactbridge.core.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.Phase;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;

/**
 * Rule 4, read straight from the agreements: a hop from sender to receiver is lawful when an
 * information agreement between them is in force at the instant, its scope covers every topic of the
 * item and its equivalence table carries the sender's level to a level of the receiver. Among several
 * candidates the first lawful one in registry order is relied on; when none is lawful, the first in
 * force says why (its scope, its table, or both), and with none in force there is no agreement.
 *
 * <p>For a decision there are one or two hops: when the holder is not the originator whose scheme the
 * level is in, first originator → holder, which gives the level the holder protects the item at; then
 * holder → recipient. A failing first hop leaves the second unasked. Cost: a scan of the pair's
 * agreements with their timelines per hop; the compiled engine does the same in a few array reads.
 */
public final class AgreementRule implements ReleaseRule {
  private final Registry registry;

  public AgreementRule(Registry registry) {
    this.registry = registry;
  }

  /**
   * One hop's outcome. Lawful: {@code agreement} relied on, its {@code provisions} at the instant and the
   * receiver's {@code level}. Failed: {@code level} is null, and {@code agreement} is the first in force
   * (null when none is). {@code reasons} are what a decision says about the hop.
   */
  public record HopOutcome(
      PartyCode from, PartyCode to, Agreement agreement, Provisions provisions, AgreementStatus status, Level level, List<Reason> reasons) {
    public HopOutcome {
      reasons = List.copyOf(reasons);
    }

    public boolean lawful() {
      return level != null;
    }

    public boolean assumed() {
      return status.assumed() || provisions.anyAssumed();
    }

    /** The hop as a route shows it, citing the equivalence table's sources when it names any, else the agreement's. */
    public Hop hop() {
      EquivalenceTable table = tableOf(provisions);
      List<String> sources = table != null && !table.sources().isEmpty() ? table.sources() : agreement.sources();
      return new Hop(from, to, agreement.id(), level, assumed(), sources);
    }
  }

  /** What rule 4 found for a decision: the originator → holder hop (null when the holder is that originator) and the direct one (null when unasked). */
  public record Hops(HopOutcome received, HopOutcome direct) {
    public static final Hops NONE = new Hops(null, null);

    /** The level the recipient protects the item at, or null when the direct hop was not lawful. */
    public Level recipientLevel() {
      return direct != null && direct.lawful() ? direct.level() : null;
    }

    /** The agreements relied on by the lawful hops, in hop order. */
    public List<AgreementId> agreements() {
      List<AgreementId> ids = new ArrayList<>(2);
      for (HopOutcome hop : new HopOutcome[] {received, direct}) {
        if (hop != null && hop.lawful()) {
          ids.add(hop.agreement().id());
        }
      }
      return ids;
    }
  }

  @Override
  public RuleId id() {
    return RuleId.AGREEMENT;
  }

  /** The decision's hops: originator → holder when the holder is not the level's originator, then holder → recipient. */
  public Hops hops(ReleaseRequest request) {
    PartyCode originator = request.level().party();
    Level atHolder = request.level();
    HopOutcome received = null;
    if (!request.holder().equals(originator)) {
      received = hop(originator, request.level(), request.holder(), request.topics(), request.at());
      if (!received.lawful()) {
        return new Hops(received, null);
      }
      atHolder = received.level();
    }
    return new Hops(received, hop(request.holder(), atHolder, request.recipient(), request.topics(), request.at()));
  }

  @Override
  public List<Reason> check(ReleaseRequest request, Hops hops) {
    List<Reason> reasons = new ArrayList<>();
    for (HopOutcome hop : new HopOutcome[] {hops.received(), hops.direct()}) {
      if (hop != null) {
        reasons.addAll(hop.reasons());
      }
    }
    return reasons;
  }

  /**
   * Rule 4 for one hop, the sender holding the item at {@code levelAtSender}. Every candidate whose status
   * is unknown at the instant is named after the hop's own reasons ({@code STATUS_UNKNOWN}).
   */
  public HopOutcome hop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    HopOutcome outcome = knownHop(from, levelAtSender, to, topics, at);
    List<Reason> unknown = null;
    for (Agreement agreement : registry.between(from, to, AgreementKind.INFORMATION)) {
      if (agreement.statusAt(at).phase() == Phase.UNKNOWN) {
        unknown = unknown == null ? new ArrayList<>(outcome.reasons()) : unknown;
        unknown.add(Reason.statusUnknown(agreement.id(), from, to));
      }
    }
    return unknown == null ? outcome
        : new HopOutcome(outcome.from(), outcome.to(), outcome.agreement(), outcome.provisions(), outcome.status(), outcome.level(), unknown);
  }

  private HopOutcome knownHop(PartyCode from, Level levelAtSender, PartyCode to, Set<Topic> topics, Instant at) {
    Agreement[] candidates = registry.between(from, to, AgreementKind.INFORMATION);
    for (Agreement agreement : candidates) {
      AgreementStatus status = agreement.statusAt(at);
      Provisions provisions = agreement.provisionsAt(at);
      Level translated = translate(provisions, levelAtSender, to);
      if (status.inForce() && provisions.scope().covers(topics) && translated != null) {
        AgreementId id = agreement.id();
        List<Reason> reasons = new ArrayList<>(3);
        reasons.add(Reason.agreementInForce(id, from, to, levelAtSender));
        if (status.assumed() || provisions.anyAssumed()) {
          reasons.add(Reason.assumedProvision(id));
        }
        if (status.terminationTakesEffect() != null) {
          reasons.add(Reason.terminationPending(id, status.terminationTakesEffect()));
        }
        return new HopOutcome(from, to, agreement, provisions, status, translated, reasons);
      }
    }
    for (Agreement agreement : candidates) {
      AgreementStatus status = agreement.statusAt(at);
      if (status.inForce()) {
        Provisions provisions = agreement.provisionsAt(at);
        List<Reason> reasons = new ArrayList<>(2);
        if (!provisions.scope().covers(topics)) {
          reasons.add(Reason.topicOutOfScope(agreement.id(), from, to, levelAtSender));
        }
        if (translate(provisions, levelAtSender, to) == null) {
          reasons.add(Reason.levelNotCovered(agreement.id(), from, to, levelAtSender));
        }
        return new HopOutcome(from, to, agreement, provisions, status, null, reasons);
      }
    }
    return new HopOutcome(from, to, null, null, null, null, List.of(Reason.noAgreementInForce(from, to, levelAtSender)));
  }

  private static Level translate(Provisions provisions, Level level, PartyCode to) {
    EquivalenceTable table = tableOf(provisions);
    return table == null ? null : table.translateOrNull(level, to);
  }

  /** An information agreement's equivalence table, or null when the provisions give none. */
  static EquivalenceTable tableOf(Provisions provisions) {
    return provisions instanceof InformationProvisions information ? information.equivalence().orElse(null) : null;
  }
}
