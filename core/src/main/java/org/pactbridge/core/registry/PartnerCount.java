package org.pactbridge.core.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * A count of a party's partners that the record gives, as a fact of the world: "21 countries" as of
 * 2011-01-04 (S31). The count is text because the record's counts are not all numbers ("30-odd
 * countries plus NATO"); {@code basis} says what was counted. It is shown beside the named agreements,
 * never used to invent unnamed parties.
 *
 * @param asOf the instant the count is dated (the start of its day, or of its period when {@code
 *     precision} is the month or the year)
 */
public record PartnerCount(
    PartyCode party, Instant asOf, Precision precision, String count, String basis, List<String> sources, String confidence, String note) {
  public PartnerCount {
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(precision, "precision");
    Objects.requireNonNull(count, "count");
    basis = basis == null ? "" : basis;
    sources = List.copyOf(sources);
    confidence = confidence == null ? "" : confidence;
    note = note == null ? "" : note;
  }

  /** The date as the record gives it: {@code 2011-01-04}, {@code 2010-11 (month only)}. */
  public String date() {
    return DateSpec.display(asOf, precision);
  }
}
