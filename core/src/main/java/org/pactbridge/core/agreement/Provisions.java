package org.pactbridge.core.agreement;

import java.util.List;
import java.util.Optional;

/**
 * The terms of one version of an agreement: one record per {@link AgreementKind}, so that a reader
 * gets exactly the parts its kind has and no field stands for "not this kind". Every kind carries the
 * {@link GeneralTerms} (scope, third-party rule, what is assumed, sources, note); an
 * {@link InformationProvisions} adds the equivalence table, an {@link ArrangementProvisions} its
 * channel, a {@link LogisticsProvisions} its logistics terms. The kind-specific part may be absent
 * when no source gives it (an arrangement recorded only for its timeline), which each record states
 * with an {@code Optional}.
 *
 * <p>Adding a kind: a record here, listed in {@code permits}, its constant in {@link AgreementKind}
 * with its empty provisions in {@link #none}, and its codec in each format's table of kinds (see
 * docs/architecture.md, "Adding an agreement kind"). Immutable and thread-safe.
 */
public sealed interface Provisions permits InformationProvisions, ArrangementProvisions, LogisticsProvisions {

  /** The kind these provisions belong to; an {@link Agreement} holds only provisions of its own kind. */
  AgreementKind kind();

  GeneralTerms general();

  /** Whether anything this version says rests on an assumption, its kind-specific part included. */
  boolean anyAssumed();

  default Scope scope() {
    return general().scope();
  }

  default ThirdPartyRule thirdPartyRule() {
    return general().thirdPartyRule();
  }

  /** Whether the version's general terms are modelled rather than sourced (see the data's notes). */
  default boolean assumed() {
    return general().assumed();
  }

  default List<String> sources() {
    return general().sources();
  }

  default String note() {
    return general().note();
  }

  /**
   * The provisions an agreement of {@code kind} has when its source lists none: the default general
   * terms and no kind-specific part.
   */
  static Provisions none(AgreementKind kind) {
    return switch (kind) {
      case INFORMATION -> new InformationProvisions(GeneralTerms.DEFAULT, Optional.empty());
      case ARRANGEMENT -> new ArrangementProvisions(GeneralTerms.DEFAULT, Optional.empty());
      case LOGISTICS -> new LogisticsProvisions(GeneralTerms.DEFAULT, Optional.empty());
    };
  }
}
