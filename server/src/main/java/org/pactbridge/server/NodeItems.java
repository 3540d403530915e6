package org.pactbridge.server;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.ClearanceEquivalence;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.RuleId;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.JdbcItemRepository;
import org.pactbridge.store.Store;

/**
 * The use cases over stored items: register, see, decide and release, and the consent workflow. The
 * store audits every step in the transaction that records it (item added, decision recorded, released,
 * consent requested, consent answered), naming the user who acted.
 *
 * <p>Visibility: a user sees an item only when their nation holds it (the originator's nation always
 * does; another nation once a release to it was recorded) and rule 6 passes for them at the level
 * their nation protects it at: nationality, clearance, need-to-know. Everything else answers as if the
 * item did not exist. Thread-safe; the cost of listing is one visibility check per stored item.
 */
final class NodeItems {
  private final Store store;
  private final ReleaseEngine engine;
  private final Clock clock;

  /** A decision about a stored item, with the consent conditions it relies on. */
  record ItemDecision(Decision decision, List<ConsentCondition> conditions, Level level) {}

  NodeItems(Store store, ReleaseEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    store.items().resolveLevelsWith(qualified -> {
      int colon = qualified.indexOf(':');
      Party party = engine.registry().requireParty(qualified.substring(0, colon));
      return party.findLevelInAnyVersion(qualified.substring(colon + 1))
          .orElseThrow(() -> new ServerException("stored level " + qualified + " is not in " + party.code() + "'s scheme"));
    });
  }

  Store store() {
    return store;
  }

  Item register(User caller, ReleaseRequest label, String marking, Instant declassifyOn, byte[] content, ItemTitle title) {
    if (!label.originators().contains(caller.nationality())) {
      throw new ApiProblem(403, "NOT_ORIGINATOR", "Not an originator",
          "a user of " + caller.nationality() + " registers items that " + caller.nationality() + " originates");
    }
    List<PartyCode> originators = new ArrayList<>();
    originators.add(label.level().party());
    label.originators().stream().sorted().filter(party -> !party.equals(label.level().party())).forEach(originators::add);
    JdbcItemRepository.Draft draft = new JdbcItemRepository.Draft(originators, label.level(), label.releasability(), label.orcon(), label.topics(),
        declassifyOn, marking);
    Instant now = clock.instant();
    Item item = store.items().build(draft, content, now);
    // The other co-originators a user names must confirm before their users see it: named first, so a
    // crash before the item is stored restricts nothing that exists.
    List<PartyCode> named = originators.stream().filter(party -> !party.equals(caller.nationality())).toList();
    store.coOriginators().name(item.id(), named, now);
    store.items().add(item, content, title, AuditActors.of(caller));
    return item;
  }

  /** JOINT items that name the caller's nation as co-originator and await its confirmation, which the caller is cleared for. */
  List<Item> awaitingConfirmation(User caller) {
    List<Item> awaiting = new ArrayList<>();
    for (ItemId id : store.coOriginators().awaiting(caller.nationality())) {
      store.items().find(id).filter(item -> clearedAsOriginator(caller, item)).ifPresent(awaiting::add);
    }
    return awaiting;
  }

  /**
   * An originator or disclosure officer of a named co-originator nation confirms that it co-originated
   * the item; from then on that nation's users see it as its originators. Not found when the nation was
   * not awaiting confirmation of the item or the caller is not cleared for it.
   */
  Item confirmCoOriginator(User caller, String id) {
    ItemId itemId = idOrNotFound(id, "no item '" + id + "' awaiting confirmation");
    Item item = store.items().find(itemId).filter(found -> clearedAsOriginator(caller, found))
        .orElseThrow(() -> ApiProblem.notFound("no item '" + id + "' awaiting " + caller.nationality() + "'s confirmation"));
    if (!store.coOriginators().confirm(itemId, caller.nationality(), AuditActors.of(caller), clock.instant())) {
      throw ApiProblem.notFound("no item '" + id + "' awaiting " + caller.nationality() + "'s confirmation");
    }
    return item;
  }

  /** Clearance and need-to-know of an originator's national, through the equivalence that applies (rule 1 needs no agreement). */
  private boolean clearedAsOriginator(User caller, Item item) {
    return item.originators().contains(caller.nationality())
        && ClearanceEquivalence.cleared(engine.registry(), caller.clearance(), item.level(), clock.instant())
        && caller.needToKnow().containsAll(item.topics());
  }

  /** A path's item id; a malformed one answers as an unknown item would (404), not as bad input. */
  private static ItemId idOrNotFound(String id, String notFound) {
    try {
      return ItemId.of(id);
    } catch (InvalidInputException e) {
      throw ApiProblem.notFound(notFound);
    }
  }

  /** The item if the caller may see it; empty otherwise, whether or not it exists. */
  Optional<Item> findVisible(User caller, ItemId id) {
    return store.items().find(id).filter(item -> visible(caller, item));
  }

  Item requireVisible(User caller, String id) {
    ItemId itemId = idOrNotFound(id, "no item '" + id + "'");
    return findVisible(caller, itemId).orElseThrow(() -> ApiProblem.notFound("no item '" + id + "'"));
  }

  /** An item the caller may see, with its title. */
  record Titled(Item item, ItemTitle title) {}

  /**
   * A page of the items the caller may see whose title contains {@code query} (ignoring case; blank: every
   * item), in registration order, with their titles. Titles are sealed, so a search opens the titles of the
   * visible items, page by page, until the page is full: its cost grows with the number of items scanned.
   */
  List<Titled> searchVisible(User caller, String query, int offset, int limit) {
    List<Titled> found = new ArrayList<>();
    int skipped = 0;
    int page = 500;
    for (int from = 0; found.size() < limit; from += page) {
      List<Item> batch = store.items().list(from, page);
      List<Item> visible = batch.stream().filter(item -> visible(caller, item)).toList();
      Map<ItemId, ItemTitle> titles = store.items().titles(visible.stream().map(Item::id).toList());
      for (Item item : visible) {
        ItemTitle title = titles.getOrDefault(item.id(), ItemTitle.NONE);
        if (!title.matches(query)) {
          continue;
        }
        if (skipped < offset) {
          skipped++;
        } else if (found.size() < limit) {
          found.add(new Titled(item, title));
        }
      }
      if (batch.size() < page) {
        break;
      }
    }
    return found;
  }

  /** The item's title; call only for an item the caller may see. */
  ItemTitle title(Item item) {
    return store.items().title(item.id());
  }

  List<Item> listVisible(User caller, int offset, int limit) {
    List<Item> visible = new ArrayList<>();
    int skipped = 0;
    int page = 500;
    for (int from = 0; visible.size() < limit; from += page) {
      List<Item> batch = store.items().list(from, page);
      for (Item item : batch) {
        if (visible(caller, item)) {
          if (skipped < offset) {
            skipped++;
          } else if (visible.size() < limit) {
            visible.add(item);
          }
        }
      }
      if (batch.size() < page) {
        break;
      }
    }
    return visible;
  }

  String content(Item item) {
    return new String(store.items().content(item.id()), StandardCharsets.UTF_8);
  }

  boolean visible(User caller, Item item) {
    PartyCode nation = caller.nationality();
    Instant now = clock.instant();
    if (item.originators().contains(nation)) {
      // An originator's own nationals: clearance and need-to-know. A JOINT item's level may be written
      // in another co-originator's scheme: it is then compared through the equivalence of the agreement
      // in force between that party and the user's nation, and with no way to compare, the item stays
      // invisible. A co-originator named by another nation sees nothing until it has confirmed.
      return clearedAsOriginator(caller, item)
          && (item.originators().size() == 1 || !store.coOriginators().unconfirmed(item.id()).contains(nation));
    }
    Optional<Holding> holding = holdingOf(item, nation);
    if (holding.isEmpty()) {
      return false;
    }
    // The last hop of the route that brought it, re-decided at receipt with the user: rule 6 at the level
    // the nation protects it at. Consents are taken as given: the release was recorded.
    List<PartyCode> route = holding.get().route();
    PartyCode from = route.size() >= 2 ? route.get(route.size() - 2) : item.originators().get(0);
    ReleaseRequest request = new ReleaseRequest(Set.copyOf(item.originators()), item.level(), item.releasability(), item.orcon(), item.topics(),
        item.declassifyOn(), from, nation, caller.context(), Set.copyOf(item.originators()), holding.get().received());
    Decision decision = engine.decide(request, false);
    return decision.outcome() == Outcome.PERMIT && decision.reasons().stream().noneMatch(reason -> reason.code().rule() == RuleId.USER && isDeny(reason))
        && !now.isBefore(holding.get().received());
  }

  private static boolean isDeny(Reason reason) {
    return reason.effect() == org.pactbridge.core.release.Effect.DENY;
  }

  Optional<Holding> holdingOf(Item item, PartyCode nation) {
    return store.holdings().holdingsOf(item.id()).stream().filter(holding -> holding.holder().equals(nation)).findFirst();
  }

  /** The caller's nation must hold the item to release it or ask about releasing it. */
  PartyCode requireHolder(User caller, Item item) {
    PartyCode nation = caller.nationality();
    if (!item.originators().contains(nation) && holdingOf(item, nation).isEmpty()) {
      throw ApiProblem.notFound("no item '" + item.id() + "'");
    }
    return nation;
  }

  /**
   * The decision on releasing the item from the caller's nation to {@code to} at {@code at}, with the
   * consents granted for this item, holder and recipient that hold at {@code at}; a granted downgrade
   * decides at the downgraded level. Recorded (and audited) when {@code record}.
   */
  ItemDecision decide(User caller, Item item, PartyCode to, Instant at, boolean record) {
    PartyCode holder = requireHolder(caller, item);
    Set<PartyCode> consents = new LinkedHashSet<>();
    List<ConsentCondition> conditions = new ArrayList<>();
    Level level = item.level();
    for (ConsentRequest request : store.consents().requestsFor(item.id())) {
      if (!request.requester().equals(holder) || !request.recipient().equals(to)) {
        continue;
      }
      Optional<ConsentAnswer> answer = store.consents().answerTo(request.id());
      if (answer.isPresent() && answer.get().permitsAt(at)) {
        consents.add(request.originator());
        for (ConsentCondition condition : answer.get().conditions()) {
          conditions.add(condition);
          if (condition instanceof ConsentCondition.Downgrade downgrade) {
            Level lower = levelOf(downgrade.level());
            if (lower.party().equals(level.party()) && lower.rank() < level.rank()) {
              level = lower;
            }
          }
        }
      }
    }
    ReleaseRequest request = new ReleaseRequest(Set.copyOf(item.originators()), level, item.releasability(), item.orcon(), item.topics(),
        item.declassifyOn(), holder, to, null, consents, at);
    Decision decision = engine.decide(request);
    if (record) {
      store.releases().record(release(item, holder, to, at, decision, false), null, AuditActors.of(caller));
    }
    return new ItemDecision(decision, conditions, level);
  }

  /** Decides now and, on a permit, records the release and the recipient's holding in one transaction. */
  ItemDecision release(User caller, Item item, PartyCode to) {
    Instant now = clock.instant();
    ItemDecision decided = decide(caller, item, to, now, false);
    boolean permit = decided.decision().outcome() == Outcome.PERMIT;
    Holding holding = null;
    if (permit) {
      PartyCode holder = caller.nationality();
      List<PartyCode> route = new ArrayList<>(holdingOf(item, holder).map(Holding::route).orElse(List.of(holder)));
      route.add(to);
      StringBuilder marking = new StringBuilder(decided.decision().recipientLevel().map(Level::qualified).orElse(""));
      for (ConsentCondition condition : decided.conditions()) {
        if (condition instanceof ConsentCondition.AddedCaveat caveat) {
          marking.append("//").append(caveat.caveat());
        }
      }
      holding = new Holding(item.id(), to, now, route, marking.toString());
    }
    store.releases().record(release(item, caller.nationality(), to, now, decided.decision(), permit), holding, AuditActors.of(caller));
    return decided;
  }

  private static Release release(Item item, PartyCode holder, PartyCode to, Instant at, Decision decision, boolean released) {
    return new Release(UUID.randomUUID().toString(), item.id(), holder, to, at, decision.outcome(),
        decision.reasons().stream().map(reason -> reason.code().name()).toList(), decision.agreements(),
        decision.recipientLevel().map(Level::qualified).orElse(""), released);
  }

  /** A holder asks each originator that has not yet granted for leave to release the item to {@code to}. */
  List<ConsentRequest> requestConsent(User caller, Item item, PartyCode to) {
    PartyCode holder = requireHolder(caller, item);
    if (item.originators().contains(holder)) {
      throw new ApiProblem(409, "ORIGINATOR_NEEDS_NO_CONSENT", "No consent needed",
          holder + " originates item " + item.id() + " and needs no one's consent to release it");
    }
    if (to.equals(holder)) {
      throw new ApiProblem(400, "RECIPIENT_IS_HOLDER", "Bad input", "the recipient " + to + " already holds item " + item.id());
    }
    engine.registry().requireParty(to);
    List<ConsentRequest> created = new ArrayList<>();
    for (PartyCode originator : item.originators()) {
      ConsentRequest request = new ConsentRequest(UUID.randomUUID().toString(), item.id(), originator, holder, to, clock.instant());
      store.consents().request(request, AuditActors.of(caller));
      created.add(request);
    }
    return created;
  }

  /** Requests a user may see: those their nation asked, and (disclosure officers) those addressed to their nation. */
  List<ConsentRequest> consentsFor(User caller, boolean pendingOnly) {
    List<ConsentRequest> all = pendingOnly ? store.consents().pending() : allRequests();
    List<ConsentRequest> mine = new ArrayList<>();
    for (ConsentRequest request : all) {
      boolean asked = request.requester().equals(caller.nationality());
      boolean addressed = request.originator().equals(caller.nationality()) && caller.has(Role.DISCLOSURE_OFFICER);
      if (asked || addressed) {
        mine.add(request);
      }
    }
    return mine;
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

  ConsentRequest requireRequest(User caller, String id) {
    return store.consents().findRequest(id)
        .filter(request -> request.requester().equals(caller.nationality())
            || (request.originator().equals(caller.nationality()) && caller.has(Role.DISCLOSURE_OFFICER)))
        .orElseThrow(() -> ApiProblem.notFound("no consent request '" + id + "'"));
  }

  /** The originator's disclosure officer answers; a downgrade must name a lower level of the item's scheme. */
  ConsentAnswer answer(User caller, ConsentRequest request, ConsentAnswer.Verdict verdict, List<ConsentCondition> conditions) {
    if (!request.originator().equals(caller.nationality()) || !caller.has(Role.DISCLOSURE_OFFICER)) {
      throw new ApiProblem(403, "NOT_ORIGINATOR_OFFICER", "Not the originator's disclosure officer",
          "only a disclosure officer of " + request.originator() + " answers this request");
    }
    if (store.consents().answerTo(request.id()).isPresent()) {
      throw ApiProblem.conflict("ALREADY_ANSWERED", "consent request " + request.id() + " has been answered already");
    }
    Item item = store.items().require(request.item());
    for (ConsentCondition condition : conditions) {
      if (condition instanceof ConsentCondition.Downgrade downgrade) {
        Level lower = levelOf(downgrade.level());
        if (!lower.party().equals(item.level().party()) || lower.rank() >= item.level().rank()) {
          throw InvalidInputException.invalid("BAD_DOWNGRADE", downgrade.level(),
              "a downgrade names a level of " + item.level().party() + " below the item's " + item.level().qualified() + ", not " + downgrade.level());
        }
      }
      if (condition instanceof ConsentCondition.Expiry expiry && !expiry.until().isAfter(clock.instant())) {
        throw InvalidInputException.invalid("EXPIRY_IN_PAST", expiry.until().toString(), "a consent cannot expire before it is given");
      }
    }
    ConsentAnswer answer = new ConsentAnswer(request.id(), caller.nationality(), verdict, clock.instant(), conditions);
    store.consents().answer(answer, AuditActors.of(caller));
    return answer;
  }

  Level levelOf(String qualified) {
    int colon = qualified.indexOf(':');
    if (colon < 0) {
      throw InvalidInputException.invalid("MALFORMED_LEVEL", qualified, "a level is written PARTY:CODE, not '" + qualified + "'");
    }
    Party party = engine.registry().requireParty(qualified.substring(0, colon));
    String code = qualified.substring(colon + 1);
    return party.findLevelInAnyVersion(code).orElseThrow(() -> InvalidInputException.unknownLevel(party.code().value(), code,
        party.schemeAt(clock.instant()).codesForMessage()));
  }
}
