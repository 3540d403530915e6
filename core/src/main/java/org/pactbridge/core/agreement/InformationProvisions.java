package org.pactbridge.core.agreement;

import java.util.Objects;
import java.util.Optional;

/**
 * The provisions of an {@link AgreementKind#INFORMATION} agreement (a GSOMIA, GSOIA or ISA): the
 * general terms and the classification equivalence table. Without a table no level is covered, so
 * the agreement permits no release.
 */
public record InformationProvisions(GeneralTerms general, Optional<EquivalenceTable> equivalence) implements Provisions {
  public InformationProvisions {
    Objects.requireNonNull(general, "general");
    Objects.requireNonNull(equivalence, "equivalence");
  }

  public InformationProvisions(GeneralTerms general, EquivalenceTable equivalence) {
    this(general, Optional.of(equivalence));
  }

  @Override
  public AgreementKind kind() {
    return AgreementKind.INFORMATION;
  }

  @Override
  public boolean anyAssumed() {
    return general.assumed() || equivalence.map(EquivalenceTable::assumed).orElse(false);
  }
}
