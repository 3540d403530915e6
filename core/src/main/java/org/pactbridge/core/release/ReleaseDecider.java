package org.pactbridge.core.release;

import java.util.List;

/**
 * What answers a release request: the decision of DESIGN.md's "The release decision" and the relay
 * routes. Two implementations give the same answers: {@link ReferenceEvaluator}, which runs the rules
 * one by one and is the readable specification, and the compiled engine behind
 * {@link org.pactbridge.core.engine.ReleaseEngine}, which is fast. Both are thread-safe.
 */
public interface ReleaseDecider {
  /** The longest chain a route search tries by default. */
  int DEFAULT_MAX_HOPS = 3;
  /** How many routes a search returns by default. */
  int DEFAULT_LIMIT = 10;

  /** Decides; with {@code withRoutes}, a decision that is not a permit carries the routes that would work. */
  Decision decide(ReleaseRequest request, boolean withRoutes);

  /**
   * The chains of at least two and at most {@code maxHops} hops that would lawfully reach the recipient,
   * only those of the fewest hops that exist, best first (sanctioned before ad-hoc, then by the parties'
   * codes), at most {@code limit} of them.
   */
  List<Route> routes(ReleaseRequest request, int maxHops, int limit);

  /** Decides, with routes when the answer is not a permit. */
  default Decision decide(ReleaseRequest request) {
    return decide(request, true);
  }

  /** The routes with the default bounds. */
  default List<Route> routes(ReleaseRequest request) {
    return routes(request, DEFAULT_MAX_HOPS, DEFAULT_LIMIT);
  }
}
