package org.pactbridge.core.logistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;

/**
 * The settlement ledger of logistics support: double-entry and append-only. Each command is
 * validated in full against the registry and the entries already appended, then written as one entry
 * in one {@link LedgerRepository#append} call, so bad input leaves the ledger exactly as it was.
 * Balances, outstanding obligations and statements are derived from the entries on every call and
 * never stored. Corrections are {@link #reverse reversals}.
 *
 * <p>Thread-safe: commands are serialised on this instance, and the repository refuses an append
 * whose sequence is stale, so two ledgers over one store cannot both write. Cost: every command and
 * query reads all entries (linear in the ledger's size).
 */
public final class Ledger {
  private final Registry registry;
  private final LedgerRepository repository;

  public Ledger(Registry registry, LedgerRepository repository) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.repository = Objects.requireNonNull(repository, "repository");
  }

  public List<LedgerEntry> entries() {
    return repository.entries();
  }

  /** Records the supplier's side of a transfer: the receiver now owes its value. */
  public synchronized LedgerEntry provide(Transfer transfer) {
    return record(EntryType.PROVIDE, transfer);
  }

  /** Records the receiver's side of a transfer: the receiver now owes its value. */
  public synchronized LedgerEntry receive(Transfer transfer) {
    return record(EntryType.RECEIVE, transfer);
  }

  private LedgerEntry record(EntryType type, Transfer transfer) {
    Agreement agreement = requireLogistics(transfer.agreement(), transfer.supplier(), transfer.receiver());
    if (!agreement.statusAt(transfer.at()).inForce()) {
      throw InvalidInputException.invalid(
          "AGREEMENT_NOT_IN_FORCE", agreement.id().value(), agreement.id() + " is not in force at " + transfer.at());
    }
    LogisticsTerms terms = agreement.provisionsAt(transfer.at(), LogisticsProvisions.class).logistics().orElse(null);
    if (terms == null || terms.excludes(transfer.category()) || !terms.covers(transfer.category())) {
      throw InvalidInputException.invalid(
          "CATEGORY_NOT_COVERED", transfer.category().slug(), agreement.id() + " does not cover " + transfer.category() + " at " + transfer.at());
    }
    Money value = transfer.value();
    List<Posting> postings = List.of(
        new Posting(transfer.supplier(), Posting.Account.RECEIVABLE, value),
        new Posting(transfer.receiver(), Posting.Account.PAYABLE, value.negate()));
    LedgerEntry entry = new LedgerEntry(
        repository.size() + 1, type, agreement.id(), transfer.supplier(), transfer.receiver(), transfer.category(),
        transfer.quantity(), value, null, null, transfer.at(), postings);
    repository.append(entry);
    return entry;
  }

  /**
   * Settles an obligation, in part or in full, in a mode the agreement accepts. The value must be in
   * the obligation's currency and no more than what is outstanding.
   */
  public synchronized LedgerEntry reimburse(long obligation, ReimbursementMode mode, Money value, Instant at) {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(at, "at");
    State state = state();
    LedgerEntry transfer = state.require(obligation);
    if (!transfer.type().createsObligation()) {
      throw InvalidInputException.invalid(
          "NOT_AN_OBLIGATION", Long.toString(obligation), "entry " + obligation + " is a " + transfer.type() + ", not a transfer that can be reimbursed");
    }
    if (state.reversedBy.containsKey(obligation)) {
      throw InvalidInputException.invalid("ENTRY_REVERSED", Long.toString(obligation), "entry " + obligation + " has been reversed");
    }
    if (!value.currency().equals(transfer.value().currency())) {
      throw Money.currencyMismatch(transfer.value().currency(), value.currency());
    }
    if (value.amount().signum() <= 0) {
      throw InvalidInputException.invalid(
          "NON_POSITIVE_VALUE", value.amount().toPlainString(), "a reimbursement must be positive: " + value.amount().toPlainString());
    }
    Money outstanding = state.outstanding(transfer);
    if (value.compareAmount(outstanding) > 0) {
      throw InvalidInputException.invalid(
          "OVER_REIMBURSEMENT", value.amount().toPlainString(),
          "reimbursement of " + value + " exceeds the " + outstanding + " outstanding on entry " + obligation);
    }
    requireNotBefore(at, transfer);
    Agreement agreement = registry.requireAgreement(transfer.agreement());
    LogisticsTerms terms = agreement.provisionsAt(transfer.at(), LogisticsProvisions.class).logistics().orElse(null);
    if (terms == null || !terms.accepts(mode)) {
      throw InvalidInputException.invalid(
          "MODE_NOT_ACCEPTED", mode.slug(), agreement.id() + " does not provide for reimbursement by " + mode);
    }
    List<Posting> postings = List.of(
        new Posting(transfer.receiver(), Posting.Account.PAYABLE, value),
        new Posting(transfer.supplier(), Posting.Account.RECEIVABLE, value.negate()));
    LedgerEntry entry = new LedgerEntry(
        state.entries.size() + 1L, EntryType.REIMBURSE, transfer.agreement(), transfer.supplier(), transfer.receiver(), null, null,
        value, mode, obligation, at, postings);
    repository.append(entry);
    return entry;
  }

  /**
   * Cancels an entry by appending its lines negated. A reversal cannot itself be reversed, an entry
   * is reversed at most once, and a transfer with live reimbursements needs those reversed first.
   */
  public synchronized LedgerEntry reverse(long sequence, Instant at) {
    Objects.requireNonNull(at, "at");
    State state = state();
    LedgerEntry target = state.require(sequence);
    if (target.type() == EntryType.REVERSE) {
      throw InvalidInputException.invalid(
          "CANNOT_REVERSE_REVERSAL", Long.toString(sequence), "entry " + sequence + " is a reversal; record the entry again instead");
    }
    if (state.reversedBy.containsKey(sequence)) {
      throw InvalidInputException.invalid(
          "ALREADY_REVERSED", Long.toString(sequence), "entry " + sequence + " is already reversed by entry " + state.reversedBy.get(sequence));
    }
    if (target.type().createsObligation() && !state.liveReimbursements(sequence).isEmpty()) {
      throw InvalidInputException.invalid(
          "REIMBURSEMENTS_OUTSTANDING", Long.toString(sequence),
          "entry " + sequence + " has reimbursements " + state.liveReimbursements(sequence) + "; reverse them first");
    }
    requireNotBefore(at, target);
    List<Posting> postings = target.postings().stream().map(Posting::negate).toList();
    LedgerEntry entry = new LedgerEntry(
        state.entries.size() + 1L, EntryType.REVERSE, target.agreement(), target.supplier(), target.receiver(), target.category(),
        target.quantity(), target.value(), target.mode(), sequence, at, postings);
    repository.append(entry);
    return entry;
  }

  /** Balances from every entry. */
  public List<Balance> balances() {
    return balances(repository.entries(), null);
  }

  /** Balances from the entries dated at or before {@code asOf}. */
  public List<Balance> balancesAt(Instant asOf) {
    return balances(repository.entries(), asOf);
  }

  /**
   * Non-zero balances per agreement, party and currency, sorted by those keys. Package-private so
   * properties can check it against any entry list.
   */
  static List<Balance> balances(List<LedgerEntry> entries, Instant asOf) {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, Balance> keys = new HashMap<>();
    for (LedgerEntry entry : entries) {
      if (asOf != null && entry.at().isAfter(asOf)) {
        continue;
      }
      for (Posting posting : entry.postings()) {
        String key = entry.agreement() + "\u0000" + posting.party() + "\u0000" + posting.amount().currency();
        keys.putIfAbsent(key, new Balance(entry.agreement(), posting.party(), posting.amount().currency(), null, null));
        BigDecimal zero = Money.zero(posting.amount().currency()).amount(); // in the currency's scale: 0.00 USD, 0 JPY
        BigDecimal[] pair = sums.computeIfAbsent(key, k -> new BigDecimal[] {zero, zero});
        int slot = posting.account() == Posting.Account.RECEIVABLE ? 0 : 1;
        pair[slot] = pair[slot].add(posting.amount().amount());
      }
    }
    List<Balance> out = new ArrayList<>();
    sums.forEach((key, pair) -> {
      if (pair[0].signum() != 0 || pair[1].signum() != 0) {
        Balance template = keys.get(key);
        out.add(new Balance(template.agreement(), template.party(), template.currency(), pair[0], pair[1]));
      }
    });
    return out;
  }

  /** Every obligation not reversed, settled or not, with its standing at {@code now}. */
  public List<Obligation> obligations(Instant now) {
    return state().obligations(now, null);
  }

  /** Obligations with something outstanding after their due instant, at {@code now}. */
  public List<Obligation> overdue(Instant now) {
    return state().obligations(now, null).stream().filter(Obligation::overdue).toList();
  }

  /** The monthly statement of {@code party}'s account with {@code partner}. */
  public Statement statement(PartyCode party, PartyCode partner, YearMonth month) {
    registry.requireParty(party);
    registry.requireParty(partner);
    if (party.equals(partner)) {
      throw InvalidInputException.contradiction(party.value(), "a statement is between two different parties, not " + party + " and itself");
    }
    Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    State state = state();
    List<LedgerEntry> between = state.entries.stream().filter(entry -> entry.involves(party) && entry.involves(partner)).toList();
    Map<String, BigDecimal> opening = new TreeMap<>();
    List<LedgerEntry> lines = new ArrayList<>();
    for (LedgerEntry entry : between) {
      if (entry.at().isBefore(start)) {
        opening.merge(entry.value().currency(), entry.effectOn(party), BigDecimal::add);
      } else if (entry.at().isBefore(end)) {
        lines.add(entry);
      }
    }
    lines.sort((x, y) -> x.at().equals(y.at()) ? Long.compare(x.sequence(), y.sequence()) : x.at().compareTo(y.at()));
    List<Obligation> overdue = state.obligations(end, entry -> entry.involves(party) && entry.involves(partner))
        .stream().filter(Obligation::overdue).toList();
    return new Statement(party, partner, month, opening, lines, overdue);
  }

  private Agreement requireLogistics(AgreementId id, PartyCode supplier, PartyCode receiver) {
    registry.requireParty(supplier);
    registry.requireParty(receiver);
    Agreement agreement = registry.requireAgreement(id);
    if (agreement.kind() != AgreementKind.LOGISTICS) {
      throw InvalidInputException.contradiction(id.value(), id + " is not a logistics agreement (it is " + agreement.kind() + ")");
    }
    if (!agreement.hasParty(supplier) || !agreement.hasParty(receiver)) {
      throw InvalidInputException.contradiction(id.value(), id + " is not an agreement between " + supplier + " and " + receiver);
    }
    return agreement;
  }

  private static void requireNotBefore(Instant at, LedgerEntry earlier) {
    if (at.isBefore(earlier.at())) {
      throw InvalidInputException.invalid(
          "BEFORE_REFERENCED_ENTRY", at.toString(), "this entry is dated " + at + ", before entry " + earlier.sequence() + " (" + earlier.at() + ") it refers to");
    }
  }

  private State state() {
    return new State(repository.entries());
  }

  /** The entries with their reversal and reimbursement indexes, read once per call. */
  private final class State {
    final List<LedgerEntry> entries;
    final Map<Long, Long> reversedBy = new HashMap<>();
    final Map<Long, List<Long>> reimbursedBy = new HashMap<>();

    State(List<LedgerEntry> entries) {
      this.entries = entries;
      for (LedgerEntry entry : entries) {
        if (entry.type() == EntryType.REVERSE) {
          reversedBy.put(entry.refers(), entry.sequence());
        } else if (entry.type() == EntryType.REIMBURSE) {
          reimbursedBy.computeIfAbsent(entry.refers(), k -> new ArrayList<>()).add(entry.sequence());
        }
      }
    }

    LedgerEntry require(long sequence) {
      if (sequence < 1 || sequence > entries.size()) {
        throw InvalidInputException.invalid("UNKNOWN_ENTRY", Long.toString(sequence), "no ledger entry " + sequence + " (the ledger has " + entries.size() + ")");
      }
      return entries.get((int) (sequence - 1));
    }

    List<Long> liveReimbursements(long obligation) {
      return reimbursedBy.getOrDefault(obligation, List.of()).stream().filter(seq -> !reversedBy.containsKey(seq)).toList();
    }

    Money outstanding(LedgerEntry transfer) {
      Money outstanding = transfer.value();
      for (long seq : liveReimbursements(transfer.sequence())) {
        outstanding = outstanding.minus(entries.get((int) (seq - 1)).value());
      }
      return outstanding;
    }

    List<Obligation> obligations(Instant now, Predicate<LedgerEntry> filter) {
      List<Obligation> out = new ArrayList<>();
      for (LedgerEntry entry : entries) {
        if (!entry.type().createsObligation() || reversedBy.containsKey(entry.sequence()) || (filter != null && !filter.test(entry))) {
          continue;
        }
        LogisticsTerms terms = registry.requireAgreement(entry.agreement()).provisionsAt(entry.at(), LogisticsProvisions.class).logistics().orElseThrow();
        Instant due = entry.at().atZone(ZoneOffset.UTC).plus(terms.settlementPeriod()).toInstant();
        Money outstanding = outstanding(entry);
        out.add(new Obligation(entry, outstanding, due, terms.settlementAssumed(), !outstanding.isZero() && now.isAfter(due)));
      }
      return out;
    }
  }
}
