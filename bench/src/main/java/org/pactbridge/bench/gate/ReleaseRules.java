package org.pactbridge.bench.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.Phase;
import org.pactbridge.core.agreement.ThirdPartyRule;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReasonCode;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.UserContext;

/**
 * The glue every peer shares: rules 1, 2, 3, 5 and 6 of docs/design.md, which read only the request, in
 * plain Java; rule 4 (and the third-party rule and cautions of the agreement relied on), which reads
 * the agreements, asked of the peer's engine through a {@link HopOracle}. This is how an application
 * would drive a general-purpose policy engine: the engine holds the agreement data, the application
 * holds the request. The glue costs well under a microsecond; the peer's engine calls dominate.
 */
public final class ReleaseRules {
  private final Registry registry;
  private final HopOracle oracle;
  private final Map<String, Level> levels = new HashMap<>();

  public ReleaseRules(Registry registry, HopOracle oracle) {
    this.registry = registry;
    this.oracle = oracle;
    for (Party party : registry.parties()) {
      for (Level level : party.allLevelsByCode().values()) {
        levels.put(level.qualified(), level);
      }
    }
  }

  public Verdict decide(ReleaseRequest request) {
    PartyCode recipient = request.recipient();
    EnumSet<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    if (request.originators().contains(recipient)) {
      codes.add(ReasonCode.ORIGINATOR);
      String own = request.level().party().equals(recipient) ? request.level().qualified() : null;
      return new Verdict(Outcome.PERMIT, own, codes);
    }
    boolean deny = false;
    Instant at = request.at();
    boolean unclassified = request.level().isUnclassified() || (request.declassifyOn() != null && !at.isBefore(request.declassifyOn()));
    if (unclassified) {
      codes.add(ReasonCode.UNCLASSIFIED);
    }
    if (request.releasability().isNoforn()) {
      codes.add(ReasonCode.NOFORN);
      deny = true;
    } else if (!request.releasability().permits(recipient, registry.communities())) {
      codes.add(ReasonCode.NOT_RELEASABLE_TO);
      deny = true;
    }
    Level recipientLevel = null;
    boolean consentMissing = false;
    if (!unclassified) {
      PartyCode holder = request.holder();
      ThirdPartyRule rule = ThirdPartyRule.ORIGINATOR_CONSENT;
      Level holderLevel = request.level();
      if (!holder.equals(request.level().party())) {
        HopAnswer received = oracle.hop(request.level().party(), request.level(), holder, request.topics(), at);
        unknown(codes, request.level().party(), holder, at);
        if (received.lawful()) {
          holderLevel = level(received.level());
          rule = received.rule();
          codes.add(ReasonCode.AGREEMENT_IN_FORCE);
          cautions(codes, received);
        } else {
          failure(codes, received);
          holderLevel = null;
          deny = true;
        }
      }
      if (holderLevel != null) {
        HopAnswer direct = oracle.hop(holder, holderLevel, recipient, request.topics(), at);
        unknown(codes, holder, recipient, at);
        if (direct.lawful()) {
          recipientLevel = level(direct.level());
          codes.add(ReasonCode.AGREEMENT_IN_FORCE);
          cautions(codes, direct);
        } else {
          failure(codes, direct);
          deny = true;
        }
      }
      if (!request.originators().contains(holder) && (request.orcon() || rule == ThirdPartyRule.ORIGINATOR_CONSENT)) {
        List<PartyCode> originators = new ArrayList<>(request.originators());
        for (PartyCode originator : originators) {
          if (request.consents().contains(originator)) {
            codes.add(ReasonCode.CONSENT_RECORDED);
          } else {
            codes.add(request.orcon() ? ReasonCode.ORCON_CONSENT_REQUIRED : ReasonCode.THIRD_PARTY_CONSENT_REQUIRED);
            consentMissing = true;
          }
        }
      }
      UserContext user = request.user();
      if (user != null) {
        if (!user.nationality().equals(recipient)) {
          codes.add(ReasonCode.USER_NATIONALITY);
          deny = true;
        }
        if (recipientLevel != null && (!user.clearance().party().equals(recipient) || user.clearance().rank() < recipientLevel.rank())) {
          codes.add(ReasonCode.USER_CLEARANCE);
          deny = true;
        }
        if (!user.needToKnow().containsAll(request.topics())) {
          codes.add(ReasonCode.USER_NEED_TO_KNOW);
          deny = true;
        }
      }
    }
    String level = recipientLevel == null ? null : recipientLevel.qualified();
    Outcome outcome = deny ? Outcome.DENY : consentMissing ? Outcome.CONSENT_REQUIRED : Outcome.PERMIT;
    return new Verdict(outcome, level, codes);
  }

  /** Two hops through {@code via}: true when both are lawful for this request (rules 3 and 4 per hop). */
  public boolean relayThrough(ReleaseRequest request, PartyCode via) {
    if (via.equals(request.holder()) || via.equals(request.recipient()) || request.originators().contains(via)
        || request.releasability().isNoforn()
        || !request.releasability().permits(via, registry.communities())
        || !request.releasability().permits(request.recipient(), registry.communities())) {
      return false;
    }
    HopAnswer first = oracle.hop(request.holder(), request.level(), via, request.topics(), request.at());
    if (!first.lawful()) {
      return false;
    }
    return oracle.hop(via, level(first.level()), request.recipient(), request.topics(), request.at()).lawful();
  }

  private Level level(String qualified) {
    Level level = levels.get(qualified);
    if (level == null) {
      throw new IllegalStateException("the peer answered an unknown level " + qualified);
    }
    return level;
  }

  /** STATUS_UNKNOWN when an information agreement between the hop's parties has a status the timeline leaves unknown at the instant. */
  private void unknown(EnumSet<ReasonCode> codes, PartyCode from, PartyCode to, Instant at) {
    for (Agreement agreement : registry.between(from, to, AgreementKind.INFORMATION)) {
      if (agreement.statusAt(at).phase() == Phase.UNKNOWN) {
        codes.add(ReasonCode.STATUS_UNKNOWN);
      }
    }
  }

  private static void cautions(EnumSet<ReasonCode> codes, HopAnswer hop) {
    if (hop.assumed()) {
      codes.add(ReasonCode.ASSUMED_PROVISION);
    }
    if (hop.terminationPending()) {
      codes.add(ReasonCode.TERMINATION_PENDING);
    }
  }

  private static void failure(EnumSet<ReasonCode> codes, HopAnswer hop) {
    if (hop.noAgreement()) {
      codes.add(ReasonCode.NO_AGREEMENT_IN_FORCE);
      return;
    }
    if (hop.scopeFails()) {
      codes.add(ReasonCode.TOPIC_OUT_OF_SCOPE);
    }
    if (hop.levelFails()) {
      codes.add(ReasonCode.LEVEL_NOT_COVERED);
    }
  }
}
