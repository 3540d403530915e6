package org.pactbridge.core.release;

import java.time.Instant;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * One rule outcome: a stable code, its effect, the rule number of the design, and safe parameters
 * (identifiers, levels and instants only, never item content). The message is built on demand so the hot path
 * does not format strings.
 */
public record Reason(
    ReasonCode code, Effect effect, int rule, AgreementId agreement, PartyCode from, PartyCode to, PartyCode party, Level level,
    Instant instant) {

  public Reason(ReasonCode code, Effect effect, int rule, AgreementId agreement, PartyCode from, PartyCode to, PartyCode party, Level level) {
    this(code, effect, rule, agreement, from, to, party, level, null);
  }

  static Reason hop(ReasonCode code, Effect effect, AgreementId agreement, PartyCode from, PartyCode to, Level level) {
    return new Reason(code, effect, 4, agreement, from, to, null, level);
  }

  /** A human-readable sentence naming the parties, levels and agreement involved. */
  public String message() {
    return switch (code) {
      case ORIGINATOR -> "the recipient " + to + " is an originator of the item";
      case UNCLASSIFIED -> "the item is unclassified or declassified at this instant: no agreement is needed";
      case NOFORN -> "the item is NOFORN: not releasable to " + to;
      case NOT_RELEASABLE_TO -> "the item's REL TO list does not include " + to;
      case NO_AGREEMENT_IN_FORCE -> "no information agreement between " + from + " and " + to + " is in force";
      case LEVEL_NOT_COVERED -> agreement + " does not cover " + level + " (" + from + " to " + to + ")";
      case TOPIC_OUT_OF_SCOPE -> "the item's topics are outside the scope of " + agreement;
      case THIRD_PARTY_CONSENT_REQUIRED ->
          from + " is not the originator: " + party + "'s prior written consent is required to release to " + to;
      case ORCON_CONSENT_REQUIRED -> "the item is ORCON: " + party + " must approve this release to " + to;
      case USER_NATIONALITY -> "the recipient user is not a national of " + to;
      case USER_CLEARANCE -> "the recipient user is not cleared to " + level;
      case USER_NEED_TO_KNOW -> "the recipient user has no need-to-know for the item's topics";
      case ASSUMED_PROVISION -> agreement + " is relied on with provisions that no source gives (modelled, marked assumed)";
      case TERMINATION_PENDING -> agreement + " has a termination notice running"
          + (instant == null ? "" : ": it would take effect at " + java.time.format.DateTimeFormatter.ISO_INSTANT.format(instant));
      case AGREEMENT_IN_FORCE -> agreement + " is in force and covers " + level + " (" + from + " to " + to + ")";
      case CONSENT_RECORDED -> party + " has consented to this release to " + to;
    };
  }
}
