package org.pactbridge.core.release;

import java.time.Instant;
import java.util.Objects;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;

/**
 * One rule outcome: a stable code, and safe parameters (identifiers, levels and instants only, never
 * item content). The code fixes the rule and the effect. Made by one named factory per code, so that a
 * reason says what it is where it is made; the message is built on demand so the hot path does not
 * format strings. Immutable; equal when every field is.
 */
public final class Reason {
  private final ReasonCode code;
  private final AgreementId agreement;
  private final PartyCode from;
  private final PartyCode to;
  private final PartyCode party;
  private final Level level;
  private final Instant instant;

  private Reason(ReasonCode code, AgreementId agreement, PartyCode from, PartyCode to, PartyCode party, Level level, Instant instant) {
    this.code = Objects.requireNonNull(code, "code");
    this.agreement = agreement;
    this.from = from;
    this.to = to;
    this.party = party;
    this.level = level;
    this.instant = instant;
  }

  /** Rule 1: the recipient is an originator of the item. */
  public static Reason originator(PartyCode recipient) {
    return new Reason(ReasonCode.ORIGINATOR, null, null, recipient, null, null, null);
  }

  /** Rule 2: the item, at this level, is unclassified or declassified at the instant. */
  public static Reason unclassified(PartyCode recipient, Level level) {
    return new Reason(ReasonCode.UNCLASSIFIED, null, null, recipient, null, level, null);
  }

  /** Rule 3: the item is NOFORN. */
  public static Reason noforn(PartyCode recipient) {
    return new Reason(ReasonCode.NOFORN, null, null, recipient, null, null, null);
  }

  /** Rule 3: the item's REL TO does not release it to the recipient. */
  public static Reason notReleasableTo(PartyCode recipient) {
    return new Reason(ReasonCode.NOT_RELEASABLE_TO, null, null, recipient, null, null, null);
  }

  /** Rule 4: no information agreement joins the hop's parties in force. */
  public static Reason noAgreementInForce(PartyCode from, PartyCode to, Level levelAtSender) {
    return new Reason(ReasonCode.NO_AGREEMENT_IN_FORCE, null, from, to, null, levelAtSender, null);
  }

  /** Rule 4: the agreement in force does not carry the sender's level to the receiver. */
  public static Reason levelNotCovered(AgreementId agreement, PartyCode from, PartyCode to, Level levelAtSender) {
    return new Reason(ReasonCode.LEVEL_NOT_COVERED, agreement, from, to, null, levelAtSender, null);
  }

  /** Rule 4: the agreement in force does not cover the item's topics. */
  public static Reason topicOutOfScope(AgreementId agreement, PartyCode from, PartyCode to, Level levelAtSender) {
    return new Reason(ReasonCode.TOPIC_OUT_OF_SCOPE, agreement, from, to, null, levelAtSender, null);
  }

  /** Rule 4 holds for the hop: the agreement is in force and covers the sender's level and the topics. */
  public static Reason agreementInForce(AgreementId agreement, PartyCode from, PartyCode to, Level levelAtSender) {
    return new Reason(ReasonCode.AGREEMENT_IN_FORCE, agreement, from, to, null, levelAtSender, null);
  }

  /** A caution of rule 4: the agreement relied on has provisions no source gives. */
  public static Reason assumedProvision(AgreementId agreement) {
    return new Reason(ReasonCode.ASSUMED_PROVISION, agreement, null, null, null, null, null);
  }

  /** A caution of rule 4: the agreement relied on has a termination notice running, effective at the instant (null if unknown). */
  public static Reason terminationPending(AgreementId agreement, Instant takesEffect) {
    return new Reason(ReasonCode.TERMINATION_PENDING, agreement, null, null, null, null, takesEffect);
  }

  /**
   * A caution of rule 4: an information agreement between the hop's parties has a status the record does
   * not know at the instant (signed, entry into force not found); it is not relied on, as if not in force.
   */
  public static Reason statusUnknown(AgreementId agreement, PartyCode from, PartyCode to) {
    return new Reason(ReasonCode.STATUS_UNKNOWN, agreement, from, to, null, null, null);
  }

  /** Rule 5: the holder is not the originator, and the originator's consent is missing. */
  public static Reason thirdPartyConsentRequired(PartyCode holder, PartyCode recipient, PartyCode originator) {
    return new Reason(ReasonCode.THIRD_PARTY_CONSENT_REQUIRED, null, holder, recipient, originator, null, null);
  }

  /** Rule 5: the item is ORCON, and the originator's consent to this release is missing. */
  public static Reason orconConsentRequired(PartyCode holder, PartyCode recipient, PartyCode originator) {
    return new Reason(ReasonCode.ORCON_CONSENT_REQUIRED, null, holder, recipient, originator, null, null);
  }

  /** Rule 5: the request carries the originator's consent. */
  public static Reason consentRecorded(PartyCode holder, PartyCode recipient, PartyCode originator) {
    return new Reason(ReasonCode.CONSENT_RECORDED, null, holder, recipient, originator, null, null);
  }

  /** Rule 6: the recipient user is a national of another party. */
  public static Reason userNationality(PartyCode recipient, PartyCode nationality) {
    return new Reason(ReasonCode.USER_NATIONALITY, null, null, recipient, nationality, null, null);
  }

  /** Rule 6: the recipient user is not cleared to the level the recipient protects the item at. */
  public static Reason userClearance(PartyCode recipient, Level recipientLevel) {
    return new Reason(ReasonCode.USER_CLEARANCE, null, null, recipient, null, recipientLevel, null);
  }

  /** Rule 6: the recipient user lacks need-to-know for a topic of the item. */
  public static Reason userNeedToKnow(PartyCode recipient) {
    return new Reason(ReasonCode.USER_NEED_TO_KNOW, null, null, recipient, null, null, null);
  }

  public ReasonCode code() {
    return code;
  }

  public Effect effect() {
    return code.effect();
  }

  /** The rule's number in the design (as decisions' JSON shows it); to test which rule, compare {@code code().rule()}. */
  public int rule() {
    return code.rule().number();
  }

  /** The agreement the reason is about, or null. */
  public AgreementId agreement() {
    return agreement;
  }

  /** The hop's sender (rule 4) or the holder (rule 5), or null. */
  public PartyCode from() {
    return from;
  }

  /** The hop's receiver or the recipient, or null. */
  public PartyCode to() {
    return to;
  }

  /** The originator whose consent is meant (rule 5) or the user's nationality (rule 6), or null. */
  public PartyCode party() {
    return party;
  }

  /** The level the reason is about, or null. */
  public Level level() {
    return level;
  }

  /** When a pending termination takes effect, or null. */
  public Instant instant() {
    return instant;
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
      case STATUS_UNKNOWN -> "the status of " + agreement + " (" + from + " to " + to + ") at this instant is unknown to the record:"
          + " it is not relied on";
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Reason that
        && code == that.code
        && Objects.equals(agreement, that.agreement)
        && Objects.equals(from, that.from)
        && Objects.equals(to, that.to)
        && Objects.equals(party, that.party)
        && Objects.equals(level, that.level)
        && Objects.equals(instant, that.instant);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, agreement, from, to, party, level, instant);
  }

  @Override
  public String toString() {
    return "Reason[code=" + code + ", effect=" + effect() + ", rule=" + rule() + ", agreement=" + agreement + ", from=" + from + ", to=" + to
        + ", party=" + party + ", level=" + level + ", instant=" + instant + "]";
  }
}
