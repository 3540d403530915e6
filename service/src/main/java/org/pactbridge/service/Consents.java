package org.pactbridge.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;

/**
 * The consent workflow: a holder that is not an originator asks each originator for leave to release an
 * item onwards; the originator's disclosure officer grants (with an expiry, a downgrade or an added
 * caveat) or refuses. Requests and answers are audited in the transaction that stores them. A request is
 * seen by the nation that asked and by the disclosure officers of the nation it is addressed to; to
 * anyone else it does not exist. Thread-safe.
 */
public final class Consents {
  private final Items items;
  private final Store store;
  /** The node's transfers, when it federates: answers to requests from peers' nodes are signed and sent back. */
  private final Transfers transfers;

  public Consents(Items items) {
    this(items, null);
  }

  /** Consents of a federating node: an answer to a request a peer's node asked goes back to it, signed by this node. */
  public Consents(Items items, Transfers transfers) {
    this.items = items;
    this.store = items.store();
    this.transfers = transfers;
  }

  /** A holder asks each originator that has not yet granted for leave to release the item to {@code to}. */
  public List<ConsentRequest> request(User caller, Item item, PartyCode to) {
    PartyCode holder = items.requireHolder(caller, item);
    if (item.originators().contains(holder)) {
      throw ServiceException.conflict("ORIGINATOR_NEEDS_NO_CONSENT", "No consent needed",
          holder + " originates item " + item.id() + " and needs no one's consent to release it");
    }
    if (to.equals(holder)) {
      throw ServiceException.badInput("RECIPIENT_IS_HOLDER", "the recipient " + to + " already holds item " + item.id());
    }
    items.engine().registry().requireParty(to);
    List<ConsentRequest> created = new ArrayList<>();
    for (PartyCode originator : item.originators()) {
      ConsentRequest request = new ConsentRequest(UUID.randomUUID().toString(), item.id(), originator, holder, to, items.clock().instant(),
          new ConsentRequest.Asker(caller.id(), caller.name()));
      store.consents().request(request, AuditActors.of(caller));
      created.add(request);
    }
    return created;
  }

  /** Requests a user may see: those their nation asked, and (disclosure officers) those addressed to their nation. */
  public List<ConsentRequest> visibleTo(User caller, boolean pendingOnly) {
    List<ConsentRequest> all = pendingOnly ? store.consents().pending() : allRequests();
    List<ConsentRequest> mine = new ArrayList<>();
    for (ConsentRequest request : all) {
      if (sees(caller, request)) {
        mine.add(request);
      }
    }
    return mine;
  }

  private static boolean sees(User caller, ConsentRequest request) {
    boolean asked = request.requester().equals(caller.nationality());
    boolean addressed = request.originator().equals(caller.nationality()) && caller.has(Role.DISCLOSURE_OFFICER);
    return asked || addressed;
  }

  private List<ConsentRequest> allRequests() {
    List<ConsentRequest> all = new ArrayList<>();
    for (int from = 0;; from += 500) {
      List<Item> batch = store.items().list(from, 500);
      for (Item item : batch) {
        all.addAll(store.consents().requestsFor(item.id()));
      }
      if (batch.size() < 500) {
        return all;
      }
    }
  }

  /** The request if the caller may see it; not found otherwise, whether or not it exists. */
  public ConsentRequest require(User caller, String id) {
    return store.consents().findRequest(id).filter(request -> sees(caller, request))
        .orElseThrow(() -> ServiceException.notFound("no consent request '" + id + "'"));
  }

  /**
   * The node on the other side of a request that crossed nodes: {@code IN} with the asking (holder's) node,
   * {@code OUT} with the originator's node asked; empty for a request asked and answered here.
   */
  public Optional<CrossNode> crossNode(ConsentRequest request) {
    return store.transfers().federated(request.id()).map(federated -> new CrossNode(federated.direction(), federated.peer()));
  }

  /** Which way a request crossed nodes, and the peer's party. */
  public record CrossNode(String direction, PartyCode peer) {}

  /** The answer recorded to a request, if any. */
  public Optional<ConsentAnswer> answerTo(ConsentRequest request) {
    return store.consents().answerTo(request.id());
  }

  /** The originator's disclosure officer answers; a downgrade must name a lower level of the item's scheme. */
  public ConsentAnswer answer(User caller, ConsentRequest request, ConsentAnswer.Verdict verdict, List<ConsentCondition> conditions) {
    if (!request.originator().equals(caller.nationality()) || !caller.has(Role.DISCLOSURE_OFFICER)) {
      throw ServiceException.forbidden("NOT_ORIGINATOR_OFFICER", "Not the originator's disclosure officer",
          "only a disclosure officer of " + request.originator() + " answers this request");
    }
    if (store.consents().answerTo(request.id()).isPresent()) {
      throw ServiceException.conflict("ALREADY_ANSWERED", "Conflict", "consent request " + request.id() + " has been answered already");
    }
    Item item = store.items().require(request.item());
    for (ConsentCondition condition : conditions) {
      if (condition instanceof ConsentCondition.Downgrade downgrade) {
        Level lower = items.levelOf(downgrade.level());
        if (!lower.party().equals(item.level().party()) || lower.rank() >= item.level().rank()) {
          throw InvalidInputException.invalid("BAD_DOWNGRADE", downgrade.level(),
              "a downgrade names a level of " + item.level().party() + " below the item's " + item.level().qualified() + ", not " + downgrade.level());
        }
      }
      if (condition instanceof ConsentCondition.Expiry expiry && !expiry.until().isAfter(items.clock().instant())) {
        throw InvalidInputException.invalid("EXPIRY_IN_PAST", expiry.until().toString(), "a consent cannot expire before it is given");
      }
    }
    ConsentAnswer answer = new ConsentAnswer(request.id(), caller.nationality(), verdict, items.clock().instant(), conditions);
    var federated = transfers == null ? java.util.Optional.<org.pactbridge.store.JdbcTransfers.Federated>empty()
        : store.transfers().federated(request.id()).filter(found -> found.direction().equals("IN"));
    if (federated.isPresent()) {
      transfers.answerRemote(request, federated.get(), answer, AuditActors.of(caller));
      return answer;
    }
    store.consents().answer(answer, AuditActors.of(caller));
    return answer;
  }
}
