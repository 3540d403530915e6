package org.pactbridge.core.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.registry.Registry;

/**
 * Hypothetical changes: events added to existing agreements' timelines, and agreements that do not
 * exist. Immutable.
 */
public record Hypothesis(Map<AgreementId, List<TimelineEvent>> events, List<Agreement> agreements) {
  public Hypothesis {
    Map<AgreementId, List<TimelineEvent>> copy = new LinkedHashMap<>();
    events.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    events = java.util.Collections.unmodifiableMap(copy);
    agreements = List.copyOf(agreements);
  }

  /** The snapshot with the changes applied; unknown agreements or duplicate ids are bad input. */
  public Registry applyTo(Registry base) {
    for (Agreement agreement : agreements) {
      if (base.findAgreement(agreement.id()).isPresent()) {
        throw org.pactbridge.core.InvalidInputException.invalid("DUPLICATE_AGREEMENT", agreement.id().value(),
            "agreement '" + agreement.id() + "' already exists: add events to it instead of defining it again");
      }
    }
    for (AgreementId id : events.keySet()) {
      base.requireAgreement(id);
    }
    return base.withEvents(events, new ArrayList<>(agreements));
  }
}
