package org.pactbridge.core.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The differential check between the compiled engine and {@link ReferenceEvaluator}: for one request,
 * the same decision (outcome, instant, recipient level, agreements, reasons in order, consents needed)
 * and the same routes. Used by the differential tests of core, world and bench.
 *
 * <p>One documented difference: the compiled route search stops collecting at four times the limit and
 * ranks what it has (bounded work on dense worlds), while the reference ranks every chain. Where more
 * chains of the fewest hops exist than that, the compiled routes are checked to be lawful chains of
 * that length (found by the reference) and as many as the limit, not to be the reference's first ones.
 */
public final class Differential {
  private static final int COLLECTED = ReleaseDecider.DEFAULT_LIMIT * 4;

  private Differential() {}

  /** Asserts that both give the same answer to the request, with routes; returns the decision. */
  public static Decision check(ReleaseDecider fast, ReferenceEvaluator reference, ReleaseRequest request) {
    return check(fast, reference, request, true);
  }

  /** As {@link #check(ReleaseDecider, ReferenceEvaluator, ReleaseRequest)}; without routes when {@code withRoutes} is false. */
  public static Decision check(ReleaseDecider fast, ReferenceEvaluator reference, ReleaseRequest request, boolean withRoutes) {
    Decision expected = reference.decide(request, withRoutes);
    Decision actual = fast.decide(request, withRoutes);
    String context = "request " + request + "\n reference " + expected + "\n compiled  " + actual;
    assertThat(actual.outcome()).as(context).isEqualTo(expected.outcome());
    assertThat(actual.at()).as(context).isEqualTo(expected.at());
    assertThat(actual.recipientLevel()).as(context).isEqualTo(expected.recipientLevel());
    assertThat(actual.agreements()).as(context).containsExactlyElementsOf(expected.agreements());
    assertThat(actual.reasons()).as(context).containsExactlyElementsOf(expected.reasons());
    if (expected instanceof Decision.ConsentRequired consent) {
      assertThat(((Decision.ConsentRequired) actual).needed()).as(context).containsExactlyElementsOf(consent.needed());
    }
    List<Route> all = !withRoutes || expected.routes().size() < ReleaseDecider.DEFAULT_LIMIT
        ? expected.routes()
        : reference.routes(request, ReleaseDecider.DEFAULT_MAX_HOPS, Integer.MAX_VALUE);
    if (all.size() > COLLECTED) {
      assertThat(actual.routes()).as(context).hasSize(ReleaseDecider.DEFAULT_LIMIT);
      assertThat(all).as(context).containsAll(actual.routes());
    } else {
      assertThat(actual.routes()).as(context).containsExactlyElementsOf(expected.routes());
    }
    return expected;
  }
}
