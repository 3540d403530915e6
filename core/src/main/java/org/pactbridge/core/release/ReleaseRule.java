package org.pactbridge.core.release;

import java.util.List;

/**
 * One rule of DESIGN.md's "The release decision", as a thing of its own. A rule reads the request
 * (and, when it needs them, the registry snapshot it was built on and what rule 4 found about the
 * hops) and returns its reasons in order: none when it has nothing to say. Rules never decide the
 * outcome: {@link ReferenceEvaluator} runs them one by one and derives the outcome from the reasons'
 * effects. Immutable and thread-safe.
 *
 * <p>Adding a rule: a new final class here, listed in {@code permits}, a {@link RuleId}, its
 * {@link ReasonCode}s with one {@link Reason} factory each, a call in {@link ReferenceEvaluator} and the
 * same check in the compiled engine; the differential test then holds the two together.
 */
public sealed interface ReleaseRule
    permits OriginatorRule, UnclassifiedRule, ReleasabilityRule, AgreementRule, ConsentRule, UserRule {

  RuleId id();

  /**
   * The rule's reasons for the request. {@code hops} is what rule 4 found ({@link AgreementRule.Hops#NONE}
   * when it did not apply); rules 1 to 4 do not read it.
   */
  List<Reason> check(ReleaseRequest request, AgreementRule.Hops hops);
}
