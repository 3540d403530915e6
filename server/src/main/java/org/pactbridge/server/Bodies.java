package org.pactbridge.server;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.NumberOrText;

/** Request bodies that only the server reads. */
final class Bodies {
  private Bodies() {}

  /** {@code POST /api/v1/decisions} in batch form. */
  record BatchBody(List<DecisionBody> requests) {}

  /** {@code POST /api/v1/users}. {@code clearance} is a level of the nationality's scheme. */
  record UserBody(String name, String nationality, String clearance, List<String> needToKnow, List<String> compartments, List<String> roles) {}

  /**
   * {@code POST /api/v1/items}: the label as the decision fields give it (or a marking), and the content
   * as text. {@code declassifyOn} is a date or an instant; {@code title} is optional and protected like the content.
   */
  record ItemBody(List<String> originator, String level, List<String> topics, List<String> relTo, Boolean noforn, Boolean orcon, String marking,
      String declassifyOn, String content, String title) {}

  /**
   * {@code POST /api/v1/items/search}: the items the caller may see whose title contains {@code query}
   * (ignoring case), a page of them. A POST, so that the words searched for, which may say what an item
   * is about, stay out of URLs, browser histories and proxy logs.
   */
  record ItemSearchBody(String query, Integer offset, Integer limit) {}

  /**
   * {@code POST /api/v1/items/{id}/decisions} and {@code …/releases}: the recipient and, for a decision,
   * the instant and whether to record it ({@code record}, default true; false shows it only: audited as
   * {@code DECISION_SHOWN}, no release record).
   */
  record ReleaseBody(String to, String at, Boolean record) {}

  /** {@code POST /api/v1/consents}: the holder asks the originator for leave to release {@code item} to {@code to}. */
  record ConsentRequestBody(String item, String to) {}

  /** {@code POST /api/v1/transfers}: send {@code item} to the peer node of {@code to}. */
  record TransferBody(String item, String to) {}

  /** {@code POST /api/v1/consents/{id}/answer}: GRANTED or REFUSED; a grant may carry conditions. */
  record ConsentAnswerBody(String verdict, String expiresAt, String downgradeTo, String addCaveat) {}

  /** {@code POST /api/v1/users/{id}/tokens} and {@code POST /api/v1/me/tokens}. */
  record TokenBody(String label, String expiresAt) {}

  /**
   * {@code POST /api/v1/logistics/support-checks}: the flags of {@code support check} in camelCase.
   * {@code location} is {@code "LAT,LON"}; {@code quantity} and {@code value} are decimals (text or number).
   */
  record SupportCheckBody(String supplier, String receiver, String category, String activity, String agreement, String location,
      @JsonDeserialize(using = NumberOrText.class) String quantity, @JsonDeserialize(using = NumberOrText.class) String value, String currency,
      String at, String exercise) {}

  /**
   * {@code POST /api/v1/logistics/ledger/entries}: {@code type} provide or receive (with the flags of
   * {@code ledger provide}), reimburse ({@code entry}, {@code mode}, {@code value}, {@code currency}) or
   * reverse ({@code entry}); {@code at} defaults to now.
   */
  record LedgerEntryBody(String type, String agreement, String supplier, String receiver, String category,
      @JsonDeserialize(using = NumberOrText.class) String quantity, @JsonDeserialize(using = NumberOrText.class) String value, String currency,
      Long entry, String mode, String at) {}
}
