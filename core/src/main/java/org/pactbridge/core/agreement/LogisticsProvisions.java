package org.pactbridge.core.agreement;

import java.util.Objects;
import java.util.Optional;
import org.pactbridge.core.logistics.terms.LogisticsTerms;

/**
 * The provisions of a {@link AgreementKind#LOGISTICS} agreement (an ACSA or MLSA): the general terms
 * and the logistics terms (categories, activities, area restrictions, reimbursement, settlement).
 * Without logistics terms the agreement supports nothing.
 */
public record LogisticsProvisions(GeneralTerms general, Optional<LogisticsTerms> logistics) implements Provisions {
  public LogisticsProvisions {
    Objects.requireNonNull(general, "general");
    Objects.requireNonNull(logistics, "logistics");
  }

  public LogisticsProvisions(GeneralTerms general, LogisticsTerms logistics) {
    this(general, Optional.of(logistics));
  }

  @Override
  public AgreementKind kind() {
    return AgreementKind.LOGISTICS;
  }

  @Override
  public boolean anyAssumed() {
    return general.assumed() || logistics.map(LogisticsTerms::anyAssumed).orElse(false);
  }
}
