package org.pactbridge.core.consent;

import java.util.List;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.item.ItemId;

/**
 * Consent requests and their answers. A request is answered at most once; answering an unknown or an
 * already answered request fails and stores nothing. Each request and answer is audited as done by the
 * acting user.
 */
public interface ConsentRepository {

  void request(ConsentRequest request, AuditActor actor);

  void answer(ConsentAnswer answer, AuditActor actor);

  Optional<ConsentRequest> findRequest(String id);

  Optional<ConsentAnswer> answerTo(String requestId);

  /** Requests of an item, oldest first. */
  List<ConsentRequest> requestsFor(ItemId item);

  /** Requests with no answer yet, oldest first. */
  List<ConsentRequest> pending();
}
