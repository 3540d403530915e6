package org.pactbridge.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.consent.ConsentAnswer;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.consent.ConsentRequest;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;

/**
 * Decide and record: the decision on releasing a stored item from the caller's nation, with the consents
 * recorded for it, and the release itself. Each decision asked about an item is recorded and audited
 * one by one (unlike the tallied {@link Decisions}); a permitted release records the recipient's holding
 * in the same transaction, under the agreement the permit relied on for the last hop. Thread-safe.
 */
public final class ItemReleases {
  private final Items items;
  private final Store store;

  /** A decision about a stored item, with the consent conditions it relies on and the level it was decided at. */
  public record ItemDecision(Decision decision, List<ConsentCondition> conditions, Level level) {}

  public ItemReleases(Items items) {
    this.items = items;
    this.store = items.store();
  }

  /**
   * The decision on releasing the item from the caller's nation to {@code to} at {@code at}, with the
   * consents granted for this item, holder and recipient that hold at {@code at}; a granted downgrade
   * decides at the downgraded level. Recorded (and audited) when {@code record}.
   */
  public ItemDecision decide(User caller, Item item, PartyCode to, Instant at, boolean record) {
    PartyCode holder = items.requireHolder(caller, item);
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
            Level lower = items.levelOf(downgrade.level());
            if (lower.party().equals(level.party()) && lower.rank() < level.rank()) {
              level = lower;
            }
          }
        }
      }
    }
    ReleaseRequest request = new ReleaseRequest(Set.copyOf(item.originators()), level, item.releasability(), item.orcon(), item.topics(),
        item.declassifyOn(), holder, to, null, consents, at);
    Decision decision = items.engine().decide(request);
    if (record) {
      store.releases().record(release(item, holder, to, at, decision, false), null, AuditActors.of(caller));
    }
    return new ItemDecision(decision, conditions, level);
  }

  /** Decides now and, on a permit, records the release and the recipient's holding in one transaction. */
  public ItemDecision release(User caller, Item item, PartyCode to) {
    Instant now = items.clock().instant();
    ItemDecision decided = decide(caller, item, to, now, false);
    boolean permit = decided.decision().outcome() == Outcome.PERMIT;
    Holding holding = null;
    if (permit) {
      PartyCode holder = caller.nationality();
      List<PartyCode> route = new ArrayList<>(items.holdingOf(item, holder).map(Holding::route).orElse(List.of(holder)));
      route.add(to);
      StringBuilder marking = new StringBuilder(decided.decision().recipientLevel().map(Level::qualified).orElse(""));
      for (ConsentCondition condition : decided.conditions()) {
        if (condition instanceof ConsentCondition.AddedCaveat caveat) {
          marking.append("//").append(caveat.caveat());
        }
      }
      // the agreement the permit relied on for the last hop, holder → recipient: the decision lists it last
      List<AgreementId> agreements = decided.decision().agreements();
      AgreementId under = agreements.isEmpty() ? null : agreements.get(agreements.size() - 1);
      holding = new Holding(item.id(), to, now, route, marking.toString(), under);
    }
    store.releases().record(release(item, caller.nationality(), to, now, decided.decision(), permit), holding, AuditActors.of(caller));
    return decided;
  }

  private static Release release(Item item, PartyCode holder, PartyCode to, Instant at, Decision decision, boolean released) {
    return new Release(UUID.randomUUID().toString(), item.id(), holder, to, at, decision.outcome(),
        decision.reasons().stream().map(reason -> reason.code().name()).toList(), decision.agreements(),
        decision.recipientLevel().map(Level::qualified).orElse(""), released);
  }
}
