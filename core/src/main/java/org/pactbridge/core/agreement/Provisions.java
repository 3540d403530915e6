package org.pactbridge.core.agreement;

import java.util.List;
import java.util.Objects;
import org.pactbridge.core.logistics.terms.LogisticsTerms;

/**
 * The terms of one version of an agreement. {@code equivalence} is null for agreements that exchange
 * no classified information; {@code channel} is null unless the agreement is an arrangement with a hub.
 * {@code assumed} marks terms that no source gives and that are modelled (see the data's notes).
 * {@code logistics} is null unless the agreement is a logistics (ACSA) agreement.
 */
public record Provisions(
    EquivalenceTable equivalence,
    Scope scope,
    ThirdPartyRule thirdPartyRule,
    Channel channel,
    boolean assumed,
    List<String> sources,
    String note,
    LogisticsTerms logistics) {

  public Provisions {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(thirdPartyRule, "thirdPartyRule");
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
  }

  /** Provisions without logistics terms. */
  public Provisions(
      EquivalenceTable equivalence, Scope scope, ThirdPartyRule thirdPartyRule, Channel channel, boolean assumed, List<String> sources, String note) {
    this(equivalence, scope, thirdPartyRule, channel, assumed, sources, note, null);
  }

  /** Whether anything this version says rests on an assumption. */
  public boolean anyAssumed() {
    return assumed || (equivalence != null && equivalence.assumed()) || (logistics != null && logistics.anyAssumed());
  }
}
