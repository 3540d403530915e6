package org.pactbridge.core.label;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A compartment or control system a reader must be briefed into: an SCI control with its
 * compartments ({@code SI-G ABCD}, {@code HCS-O-P}), a special access program ({@code BP-J12}), or an
 * atomic-energy or NATO special category ({@code RD}, {@code ATOMAL}). {@code value} is the canonical
 * text without the block prefix; {@code longForm} records a SAR written as
 * {@code SPECIAL ACCESS REQUIRED-} rather than {@code SAR-}.
 */
public record Compartment(Kind kind, String value, boolean longForm) {

  /** The control block a compartment belongs to, in marking order. */
  public enum Kind {
    SCI,
    SAR,
    AEA
  }

  public Compartment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("empty compartment");
    }
  }

  public static Compartment of(Kind kind, String value) {
    return new Compartment(kind, value, false);
  }

  /** The head of the control system ({@code SI} for {@code SI-G ABCD}, {@code BP} for a SAR). */
  public String system() {
    int end = 0;
    while (end < value.length() && value.charAt(end) != '-' && value.charAt(end) != ' ') {
      end++;
    }
    return value.substring(0, end);
  }

  /** The access token used in access expressions: {@code SI-G ABCD}, {@code SAR-BP}, {@code RD}. */
  public String accessToken() {
    return kind == Kind.SAR ? "SAR-" + value : value;
  }

  private static final List<String> AEA_ORDER =
      List.of("RD", "RD-CNWDI", "RD-SIGMA", "FRD", "FRD-SIGMA", "DOD UCNI", "DOE UCNI", "TFNI", "ATOMAL", "BALK", "BOHEMIA");

  /**
   * Canonical order within a label: by block (SCI, SAR, AEA); SCI and SAR alphabetically; AEA in
   * register order (RD, RD-CNWDI, RD-SIGMA, FRD, …, then the NATO categories).
   */
  public static final Comparator<Compartment> CANONICAL_ORDER = Comparator
      .comparing(Compartment::kind)
      .thenComparingInt(compartment -> compartment.kind == Kind.AEA ? aeaRank(compartment.value) : 0)
      .thenComparing(Compartment::value);

  /** The register position of an AEA marking or NATO category given in banner form. */
  public static int aeaRank(String value) {
    String head = value.startsWith("RD-SIGMA") ? "RD-SIGMA" : value.startsWith("FRD-SIGMA") ? "FRD-SIGMA" : value;
    int rank = AEA_ORDER.indexOf(head);
    return rank < 0 ? AEA_ORDER.size() : rank;
  }

  @Override
  public String toString() {
    return accessToken();
  }
}
