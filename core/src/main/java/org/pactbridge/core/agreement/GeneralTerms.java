package org.pactbridge.core.agreement;

import java.util.List;
import java.util.Objects;

/**
 * The terms every kind of agreement states in each provisions version: the topics covered, the rule
 * for onward release to a third party, whether the version is modelled rather than sourced, its
 * sources and a note.
 */
public record GeneralTerms(Scope scope, ThirdPartyRule thirdPartyRule, boolean assumed, List<String> sources, String note) {
  /** What a version says when its source gives nothing: all topics, the originator's consent, nothing assumed. */
  public static final GeneralTerms DEFAULT = new GeneralTerms(Scope.all(), ThirdPartyRule.ORIGINATOR_CONSENT, false, List.of(), "");

  public GeneralTerms {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(thirdPartyRule, "thirdPartyRule");
    sources = List.copyOf(sources);
    note = note == null ? "" : note;
  }
}
