package org.pactbridge.core.logistics;

import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.PartyCode;

/**
 * One rule outcome of a support decision: a stable code, whether it denies, and safe parameters
 * (identifiers, slugs and zone names). The message is built on demand.
 */
public record SupportReason(
    SupportReasonCode code,
    boolean denies,
    AgreementId agreement,
    PartyCode supplier,
    PartyCode receiver,
    Category category,
    Activity activity,
    String detail) {

  /** A human-readable sentence naming the parties, agreement, category, activity or zone involved. */
  public String message() {
    return switch (code) {
      case NO_AGREEMENT_IN_FORCE -> agreement == null
          ? "no logistics agreement between " + supplier + " and " + receiver + " is in force"
          : agreement + " is not in force" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case CATEGORY_EXCLUDED -> detail.isEmpty()
          ? agreement + " excludes " + category
          : agreement + " allows " + category + " only in " + detail + ", not in " + activity;
      case CATEGORY_NOT_COVERED -> agreement + " does not cover " + category;
      case ACTIVITY_NOT_COVERED -> agreement + " does not cover support in " + activity;
      case AREA_RESTRICTED -> agreement + ": " + supplier + " forces " + detail;
      case ASSUMED_PROVISION -> agreement + " is relied on with " + detail + " that no source gives (modelled, marked assumed)";
      case AGREEMENT_IN_FORCE -> agreement + " is in force and covers " + category + " in " + activity + " (" + supplier + " to " + receiver + ")";
      case AREA_NOT_CHECKED -> agreement + " restricts where " + supplier + " forces may give support; no location was given, so the area was not checked";
    };
  }
}
