package org.pactbridge.service;

import java.util.List;
import java.util.Optional;
import org.pactbridge.core.release.Decision;

/**
 * A key access request refused: the stable {@code code} (a format or token code such as {@code
 * POLICY_BINDING}, {@code WRONG_KAS}, {@code REWRAP_TOKEN_REPLAYED}, or, for a decision, its first
 * deny or consent reason), the {@code reasons} (the decision's reason codes in order; the code alone
 * when nothing was decided), the decision when the engine ran, and whether the request was malformed
 * rather than refused. The detail names parts and codes only, never the label's content or a key.
 */
public final class KasRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal, for the front doors: a malformed request, a refusal, an integrity failure, or a busy service. */
  public enum Kind { MALFORMED, REFUSED, INTEGRITY, BUSY }

  private final Kind kind;
  private final String code;
  private final List<String> reasons;
  private final transient Decision decision;

  KasRefusal(Kind kind, String code, List<String> reasons, Decision decision, String detail) {
    super(detail, null, false, false);
    this.kind = kind;
    this.code = code;
    this.reasons = List.copyOf(reasons);
    this.decision = decision;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public List<String> reasons() {
    return reasons;
  }

  /** The release decision that refused, when the engine ran. */
  public Optional<Decision> decision() {
    return Optional.ofNullable(decision);
  }
}
