package org.pactbridge.world;

import java.util.List;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.GeneralTerms;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.party.PartyCode;

/**
 * The part of a provisions version that only one kind of agreement has, in the world format: its
 * field ({@code equivalence:}, {@code channel:}, {@code logistics:}), how it is read into that kind's
 * {@link Provisions} and how it is written back. {@link #of} is the one place that says which section
 * belongs to which kind; a new kind adds its section there (docs/architecture.md, "Adding an agreement
 * kind").
 */
abstract class ProvisionsSection {
  private final String field;
  private final String misplaced;

  ProvisionsSection(String field, String misplaced) {
    this.field = field;
    this.misplaced = misplaced;
  }


  /** The section of each kind. A switch over every kind: a new kind does not compile until it has one. */
  static ProvisionsSection of(AgreementKind kind) {
    return switch (kind) {
      case INFORMATION -> EquivalenceSection.INSTANCE;
      case ARRANGEMENT -> ChannelSection.INSTANCE;
      case LOGISTICS -> LogisticsSection.INSTANCE;
    };
  }

  /**
   * Every kind's section, in the order a version's fields are checked (the order errors have always
   * been reported in); a test holds it to {@link #of} over every kind.
   */
  static List<ProvisionsSection> all() {
    return List.of(EquivalenceSection.INSTANCE, ChannelSection.INSTANCE, LogisticsSection.INSTANCE);
  }

  /** The field of a provisions version that holds this section. */
  final String field() {
    return field;
  }

  /** The error for this section's field on an agreement of another kind. */
  final String misplaced() {
    return misplaced;
  }

  /**
   * The provisions of this section's kind: {@code general} and the section read from {@code node}, or
   * none when {@code node} is null (the field is absent).
   */
  abstract Provisions read(GeneralTerms general, Yaml node, List<PartyCode> members, ReadContext context);

  /** Writes the section of {@code provisions} (of this section's kind) at {@code indent}, if it has one. */
  abstract void write(StringBuilder out, String indent, Provisions provisions);
}
