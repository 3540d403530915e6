package org.pactbridge.core.label.access;

import java.util.List;
import java.util.Objects;

/**
 * Decides whether an entity may see data guarded by an access expression. Built once per entity's
 * authorizations, then used for many expressions; immutable and thread-safe. With several
 * authorization sets (an entity acting through others), every set must satisfy the expression.
 */
public final class AccessEvaluator {
  private final List<Authorizations> sets;

  private AccessEvaluator(List<Authorizations> sets) {
    this.sets = List.copyOf(sets);
  }

  public static AccessEvaluator of(Authorizations authorizations) {
    return new AccessEvaluator(List.of(Objects.requireNonNull(authorizations)));
  }

  /** Every set must satisfy an expression for access; at least one set is required. */
  public static AccessEvaluator of(List<Authorizations> sets) {
    if (sets.isEmpty()) {
      throw new IllegalArgumentException("at least one authorization set is required");
    }
    return new AccessEvaluator(sets);
  }

  /** Cost: at most one hash look-up per token per set; no allocation. */
  public boolean canAccess(AccessExpression expression) {
    for (int i = 0, n = sets.size(); i < n; i++) {
      if (!expression.evaluate(sets.get(i)::contains)) {
        return false;
      }
    }
    return true;
  }

  /** Parses, then evaluates; throws {@link AccessExpressionException} for a malformed expression. */
  public boolean canAccess(String expression) {
    return canAccess(AccessExpression.parse(expression));
  }
}
