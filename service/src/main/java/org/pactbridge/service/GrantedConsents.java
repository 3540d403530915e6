package org.pactbridge.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.Store;

/**
 * The consents recorded for an item that a release from {@code holder} to {@code recipient} may rely on at an
 * instant: the originators whose answer to that holder's request for that recipient permits at that instant,
 * and those answers' conditions in the order they were recorded.
 */
record GrantedConsents(Set<PartyCode> originators, List<ConsentCondition> conditions) {
  static GrantedConsents of(Store store, ItemId item, PartyCode holder, PartyCode recipient, Instant at) {
    Set<PartyCode> originators = new LinkedHashSet<>();
    List<ConsentCondition> conditions = new ArrayList<>();
    for (ConsentRequest request : store.consents().requestsFor(item)) {
      if (!request.requester().equals(holder) || !request.recipient().equals(recipient)) {
        continue;
      }
      Optional<ConsentAnswer> answer = store.consents().answerTo(request.id());
      if (answer.isPresent() && answer.get().permitsAt(at)) {
        originators.add(request.originator());
        conditions.addAll(answer.get().conditions());
      }
    }
    return new GrantedConsents(originators, conditions);
  }
}
