package org.pactbridge.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.ItemId;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.ClearanceEquivalence;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.RuleId;
import org.pactbridge.core.user.User;
import org.pactbridge.store.JdbcItemRepository;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreException;

/**
 * The use cases over stored items: register, see, list and confirm a co-origination. The store audits
 * every step in the transaction that records it (item added, co-origination confirmed), naming the user
 * who acted. Deciding about an item and releasing it are {@link ItemReleases}; consent is {@link Consents}.
 *
 * <p>Visibility: a user sees an item only when their nation holds it (the originator's nation always
 * does; another nation once a release to it was recorded) and rule 6 passes for them at the level
 * their nation protects it at: nationality, clearance, need-to-know. Everything else answers as if the
 * item did not exist. Thread-safe; the cost of listing is one visibility check per stored item.
 */
public final class Items {
  private final Store store;
  private final ReleaseEngine engine;
  private final Clock clock;

  /** Items of {@code store}, decided by {@code engine}; stored levels must be in the engine's registry. */
  public Items(Store store, ReleaseEngine engine, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    store.items().resolveLevelsWith(qualified -> {
      int colon = qualified.indexOf(':');
      Party party = engine.registry().requireParty(qualified.substring(0, colon));
      return party.findLevelInAnyVersion(qualified.substring(colon + 1))
          .orElseThrow(() -> new IllegalStateException("stored level " + qualified + " is not in " + party.code() + "'s scheme"));
    });
  }

  Store store() {
    return store;
  }

  ReleaseEngine engine() {
    return engine;
  }

  Clock clock() {
    return clock;
  }

  /** A user registers an item their nation originates; the other co-originators named must confirm before their users see it. */
  public Item register(User caller, ReleaseRequest label, String marking, Instant declassifyOn, byte[] content, ItemTitle title) {
    if (!label.originators().contains(caller.nationality())) {
      throw ServiceException.forbidden("NOT_ORIGINATOR", "Not an originator",
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

  /**
   * The node's operator registers an item (the command line's {@code item add}): no user, so no
   * originator check and no co-originator to confirm; audited as done by {@code operator}. A label the
   * store refuses is bad input.
   */
  public static Item registerAsOperator(Store store, List<PartyCode> originators, Level level, Releasability releasability, boolean orcon,
      Set<Topic> topics, Instant declassifyOn, String marking, byte[] content, ItemTitle title, Instant now, AuditActor operator) {
    try {
      return store.items().register(new JdbcItemRepository.Draft(originators, level, releasability, orcon, topics, declassifyOn, marking), content,
          title, now, operator);
    } catch (StoreException e) {
      throw ServiceException.badInput(e.code(), e.getMessage());
    }
  }

  /** JOINT items that name the caller's nation as co-originator and await its confirmation, which the caller is cleared for. */
  public List<Item> awaitingConfirmation(User caller) {
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
  public Item confirmCoOriginator(User caller, String id) {
    ItemId itemId = idOrNotFound(id, "no item '" + id + "' awaiting confirmation");
    Item item = store.items().find(itemId).filter(found -> clearedAsOriginator(caller, found))
        .orElseThrow(() -> ServiceException.notFound("no item '" + id + "' awaiting " + caller.nationality() + "'s confirmation"));
    if (!store.coOriginators().confirm(itemId, caller.nationality(), AuditActors.of(caller), clock.instant())) {
      throw ServiceException.notFound("no item '" + id + "' awaiting " + caller.nationality() + "'s confirmation");
    }
    return item;
  }

  /** Clearance and need-to-know of an originator's national, through the equivalence that applies (rule 1 needs no agreement). */
  private boolean clearedAsOriginator(User caller, Item item) {
    return item.originators().contains(caller.nationality())
        && ClearanceEquivalence.cleared(engine.registry(), caller.clearance(), item.level(), clock.instant())
        && caller.needToKnow().containsAll(item.topics());
  }

  /** A path's item id; a malformed one answers as an unknown item would (not found), not as bad input. */
  private static ItemId idOrNotFound(String id, String notFound) {
    try {
      return ItemId.of(id);
    } catch (InvalidInputException e) {
      throw ServiceException.notFound(notFound);
    }
  }

  /** The item if the caller may see it; empty otherwise, whether or not it exists. */
  public Optional<Item> findVisible(User caller, ItemId id) {
    return store.items().find(id).filter(item -> visible(caller, item));
  }

  public Item requireVisible(User caller, String id) {
    ItemId itemId = idOrNotFound(id, "no item '" + id + "'");
    return findVisible(caller, itemId).orElseThrow(() -> ServiceException.notFound("no item '" + id + "'"));
  }

  /** An item the caller may see, with its title. */
  public record Titled(Item item, ItemTitle title) {}

  /**
   * A page of the items the caller may see whose title contains {@code query} (ignoring case; blank: every
   * item), in registration order, with their titles. Titles are sealed, so a search opens the titles of the
   * visible items, page by page, until the page is full: its cost grows with the number of items scanned.
   */
  public List<Titled> searchVisible(User caller, String query, int offset, int limit) {
    return pageOfVisible(caller, offset, limit, visible -> {
      Map<ItemId, ItemTitle> titles = store.items().titles(visible.stream().map(Item::id).toList());
      List<Titled> matching = new ArrayList<>();
      for (Item item : visible) {
        ItemTitle title = titles.getOrDefault(item.id(), ItemTitle.NONE);
        if (title.matches(query)) {
          matching.add(new Titled(item, title));
        }
      }
      return matching;
    });
  }

  /** The item's title; call only for an item the caller may see. */
  public ItemTitle title(Item item) {
    return store.items().title(item.id());
  }

  public List<Item> listVisible(User caller, int offset, int limit) {
    return pageOfVisible(caller, offset, limit, visible -> visible);
  }

  /**
   * Scans the stored items in registration order, 500 at a time, and keeps a page ({@code offset},
   * {@code limit}) of what {@code select} makes of each batch's items that the caller may see.
   */
  private <T> List<T> pageOfVisible(User caller, int offset, int limit, Function<List<Item>, List<T>> select) {
    List<T> page = new ArrayList<>();
    int skipped = 0;
    int batchSize = 500;
    for (int from = 0; page.size() < limit; from += batchSize) {
      List<Item> batch = store.items().list(from, batchSize);
      for (T candidate : select.apply(batch.stream().filter(item -> visible(caller, item)).toList())) {
        if (skipped < offset) {
          skipped++;
        } else if (page.size() < limit) {
          page.add(candidate);
        }
      }
      if (batch.size() < batchSize) {
        break;
      }
    }
    return page;
  }

  public String content(Item item) {
    return new String(store.items().content(item.id()), StandardCharsets.UTF_8);
  }

  public boolean visible(User caller, Item item) {
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
    return requireHolder(caller.nationality(), item);
  }

  /** The nation must hold the item (as an originator or by a recorded holding); not found otherwise. */
  PartyCode requireHolder(PartyCode nation, Item item) {
    if (!item.originators().contains(nation) && holdingOf(item, nation).isEmpty()) {
      throw ServiceException.notFound("no item '" + item.id() + "'");
    }
    return nation;
  }

  /** A level written {@code PARTY:CODE}, in any version of the party's scheme. */
  public Level levelOf(String qualified) {
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
