package org.pactbridge.tdf;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * The label fields the policy carries as data attributes, which the policy binding protects and the key
 * access service decides on: the originators (JOINT items list several), the classification, the
 * releasability (open, {@code NOFORN} or {@code REL TO}), the {@code ORCON} caveat and the topics.
 * Immutable; topics sorted.
 */
public record PolicyLabel(
    List<PartyCode> originators, LevelRef classification, Releasability releasability, boolean orcon, Set<Topic> topics) {

  public PolicyLabel {
    originators = List.copyOf(originators);
    if (originators.isEmpty() || Set.copyOf(originators).size() != originators.size()) {
      throw new IllegalArgumentException("a policy label needs one or more distinct originators");
    }
    Objects.requireNonNull(classification, "classification");
    if (!originators.contains(classification.party())) {
      throw new IllegalArgumentException("the classification " + classification + " is in no originator's scheme");
    }
    releasability = Objects.requireNonNull(releasability, "releasability").canonical();
    if (releasability.hasRelTo() && releasability.relToEntries().isEmpty()) {
      throw new IllegalArgumentException("an empty REL TO list has no form in the policy");
    }
    topics = java.util.Collections.unmodifiableSet(new TreeSet<>(topics));
  }

  public static PolicyLabel of(Item item) {
    return new PolicyLabel(item.originators(), LevelRef.of(item.level()), item.releasability(), item.orcon(), item.topics());
  }

  public static PolicyLabel of(SecurityLabel label) {
    return new PolicyLabel(label.originators(), LevelRef.of(label.level()), label.releasability(), label.orcon(), label.topics());
  }
}
