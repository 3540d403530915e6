package org.pactbridge.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEvent;
import org.pactbridge.core.consent.ConsentCondition;
import org.pactbridge.core.item.Holding;
import org.pactbridge.core.item.Item;
import org.pactbridge.core.item.Release;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;

/**
 * Decide and record: the decision on releasing a stored item from the caller's nation, with the consents
 * recorded for it, and the release itself. A decision asked about an item is either recorded
 * ({@code DECISION_RECORDED}, a release record and its audit entry) or only shown
 * ({@code DECISION_SHOWN}, one audit entry naming who saw which answer, and no release record), one by
 * one, unlike the tallied {@link Decisions}; a permitted release records the recipient's holding in the
 * same transaction, under the agreement the permit relied on for the last hop. Thread-safe.
 */
public final class ItemReleases {
  private final Items items;
  private final Store store;

  /**
   * A decision about a stored item, with the consent conditions it relies on, the level it was decided at,
   * and the marking the recipient would hold its copy under (empty unless the decision names a recipient level).
   */
  public record ItemDecision(Decision decision, List<ConsentCondition> conditions, Level level, String recipientMarking) {}

  /** What becomes of a decision asked about an item. */
  public enum Keeping {
    /** Recorded as a decision: a release record and {@code DECISION_RECORDED}. */
    RECORD,
    /** Shown only: one {@code DECISION_SHOWN} audit entry (who saw which answer), no release record. */
    SHOW,
    /** Nothing written: a step inside a use case that records the outcome itself. */
    NONE
  }

  public ItemReleases(Items items) {
    this.items = items;
    this.store = items.store();
  }

  /**
   * The decision on releasing the item from the caller's nation to {@code to} at {@code at}, with the
   * consents granted for this item, holder and recipient that hold at {@code at}; a granted downgrade
   * decides at the downgraded level. {@code keeping} says whether it is recorded as a decision, audited as
   * shown, or neither.
   */
  public ItemDecision decide(User caller, Item item, PartyCode to, Instant at, Keeping keeping) {
    return decideAs(items.requireHolder(caller, item), AuditActors.of(caller), item, to, at, keeping);
  }

  /** As {@link #decide}, for the nation {@code holder} (which must hold the item), written as done by {@code actor}. */
  ItemDecision decideAs(PartyCode holder, AuditActor actor, Item item, PartyCode to, Instant at, Keeping keeping) {
    GrantedConsents granted = GrantedConsents.of(store, item.id(), holder, to, at);
    List<ConsentCondition> conditions = granted.conditions();
    Level level = item.level();
    for (ConsentCondition condition : conditions) {
      if (condition instanceof ConsentCondition.Downgrade downgrade) {
        Level lower = items.levelOf(downgrade.level());
        if (lower.party().equals(level.party()) && lower.rank() < level.rank()) {
          level = lower;
        }
      }
    }
    ReleaseRequest request = new ReleaseRequest(Set.copyOf(item.originators()), level, item.releasability(), item.orcon(), item.topics(),
        item.declassifyOn(), holder, to, null, granted.originators(), at);
    Decision decision = items.engine().decide(request);
    if (keeping == Keeping.RECORD) {
      store.releases().record(release(item, holder, to, at, decision, false), null, actor);
    } else if (keeping == Keeping.SHOW) {
      store.audit().append(AuditEvent.of(items.clock().instant(), "DECISION_SHOWN", actor, item.id().value(),
          "holder", holder.value(), "recipient", to.value(), "decided-at", DateSpec.format(at), "outcome", decision.outcome().name(),
          "reasons", String.join(",", decision.reasons().stream().map(reason -> reason.code().name()).distinct().toList()),
          "agreements", String.join(",", decision.agreements().stream().map(AgreementId::value).toList())));
    }
    return new ItemDecision(decision, conditions, level, recipientMarking(decision, conditions));
  }

  /**
   * The marking the recipient's copy is recorded under on release: the recipient's level, then each caveat
   * a consent added, joined by {@code //}. Empty when the decision names no recipient level.
   */
  static String recipientMarking(Decision decision, List<ConsentCondition> conditions) {
    StringBuilder marking = new StringBuilder(decision.recipientLevel().map(Level::qualified).orElse(""));
    if (marking.isEmpty()) {
      return "";
    }
    for (ConsentCondition condition : conditions) {
      if (condition instanceof ConsentCondition.AddedCaveat caveat) {
        marking.append("//").append(caveat.caveat());
      }
    }
    return marking.toString();
  }

  /** Decides now and, on a permit, records the release and the recipient's holding in one transaction. */
  public ItemDecision release(User caller, Item item, PartyCode to) {
    return releaseAs(items.requireHolder(caller, item), AuditActors.of(caller), item, to);
  }

  /**
   * As {@link #release}, from the nation {@code holder} (which must hold the item), recorded as done by
   * {@code actor}: the node's operator exporting an archive acts for the node's nation.
   */
  ItemDecision releaseAs(PartyCode holder, AuditActor actor, Item item, PartyCode to) {
    Prepared prepared = prepare(holder, actor, item, to, items.clock().instant());
    store.releases().record(prepared.release(), prepared.holding(), actor);
    return prepared.decided();
  }

  /** A decision about releasing an item now, with the release record and holding it would write, not yet written. */
  record Prepared(ItemDecision decided, Release release, Holding holding) {}

  /**
   * Decides at {@code now} as {@link #releaseAs} does, and gives what it would record without recording it:
   * a transfer writes the release in the transaction that queues it.
   */
  Prepared prepare(PartyCode holder, AuditActor actor, Item item, PartyCode to, Instant now) {
    ItemDecision decided = decideAs(holder, actor, item, to, now, Keeping.NONE);
    boolean permit = decided.decision().outcome() == Outcome.PERMIT;
    Holding holding = null;
    if (permit) {
      List<PartyCode> route = new ArrayList<>(items.holdingOf(item, holder).map(Holding::route).orElse(List.of(holder)));
      route.add(to);
      // the agreement the permit relied on for the last hop, holder → recipient: the decision lists it last
      List<AgreementId> agreements = decided.decision().agreements();
      AgreementId under = agreements.isEmpty() ? null : agreements.get(agreements.size() - 1);
      holding = new Holding(item.id(), to, now, route, decided.recipientMarking(), under);
    }
    return new Prepared(decided, release(item, holder, to, now, decided.decision(), permit), holding);
  }

  private static Release release(Item item, PartyCode holder, PartyCode to, Instant at, Decision decision, boolean released) {
    return new Release(UUID.randomUUID().toString(), item.id(), holder, to, at, decision.outcome(),
        decision.reasons().stream().map(reason -> reason.code().name()).toList(), decision.agreements(),
        decision.recipientLevel().map(Level::qualified).orElse(""), released);
  }
}
