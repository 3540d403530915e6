package org.pactbridge.service;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.logistics.Balance;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.Obligation;
import org.pactbridge.core.logistics.Statement;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.store.Store;

/**
 * The settlement ledger of logistics support, kept in the store, for the users of a node: record a
 * provision, a receipt, a reimbursement or a reversal, and read entries, balances, overdue obligations
 * and monthly statements. A refused command writes nothing: the core's {@link Ledger} validates in full
 * before its one append, which the store audits as done by the acting user.
 *
 * <p>Every action is tied to the caller's nation: an officer records a provision only for their own
 * nation as supplier, a receipt only as receiver, and reimburses or reverses only entries their nation
 * is a party to. Reading is scoped the same way: entries, balances, obligations and statements of
 * exchanges the caller's nation takes part in. A node auditor reads the whole ledger. (Which roles may
 * call at all is the front door's business.) Thread-safe.
 */
public final class Logistics {
  private final Registry registry;
  private final Store store;
  /** For reading: it never appends, so the actor it would append as (the node) is never recorded. */
  private final Ledger ledger;
  /** Ledger commands take turns in this process, as one shared {@link Ledger} made them; the store refuses a stale append from another. */
  private final Object ledgerWrites = new Object();

  public Logistics(Registry registry, Store store, PartyCode node) {
    this.registry = registry;
    this.store = store;
    this.ledger = new Ledger(registry, store.ledger(AuditActor.node(node)));
  }

  /**
   * The ledger in {@code store}, appending as {@code actor}: the command line's, where the node's operator
   * acts for every nation.
   */
  public static Ledger ledgerActingAs(Registry registry, Store store, AuditActor actor) {
    return new Ledger(registry, store.ledger(actor));
  }

  public LedgerEntry provide(User caller, Transfer transfer) {
    actingAs(caller.nationality(), "supplier", transfer.supplier());
    synchronized (ledgerWrites) {
      return acting(caller).provide(transfer);
    }
  }

  public LedgerEntry receive(User caller, Transfer transfer) {
    actingAs(caller.nationality(), "receiver", transfer.receiver());
    synchronized (ledgerWrites) {
      return acting(caller).receive(transfer);
    }
  }

  /**
   * An entry the caller's nation is a party to, or one the ledger does not know (the ledger refuses that
   * itself): what a reimbursement or a reversal acts on. Made only by {@link #ownEntry}, so a caller
   * checks the nation before it reads the rest of its request, as the HTTP API always answered.
   */
  public static final class OwnEntry {
    private final long sequence;

    private OwnEntry(long sequence) {
      this.sequence = sequence;
    }
  }

  /** The entry {@code sequence}, if the caller's nation may act on it; forbidden otherwise. */
  public OwnEntry ownEntry(User caller, long sequence) {
    partyTo(caller.nationality(), sequence);
    return new OwnEntry(sequence);
  }

  public LedgerEntry reimburse(User caller, OwnEntry entry, ReimbursementMode mode, Money amount, Instant at) {
    synchronized (ledgerWrites) {
      return acting(caller).reimburse(entry.sequence, mode, amount, at);
    }
  }

  public LedgerEntry reverse(User caller, OwnEntry entry, Instant at) {
    synchronized (ledgerWrites) {
      return acting(caller).reverse(entry.sequence, at);
    }
  }

  /** The ledger whose append's audit entry names the user who made it. */
  private Ledger acting(User caller) {
    return new Ledger(registry, store.ledger(AuditActors.of(caller)));
  }

  /** An officer records a provision as its supplier's national, a receipt as its receiver's. */
  private static void actingAs(PartyCode nation, String side, PartyCode party) {
    if (!party.equals(nation)) {
      throw ServiceException.forbidden("NOT_A_PARTY_TO_ENTRY", "Not your nation's entry",
          "an officer of " + nation + " records entries in which " + nation + " is the " + side + ", not " + party);
    }
  }

  /** An officer reimburses or reverses only entries their nation is a party to (an unknown entry is the ledger's to refuse). */
  private void partyTo(PartyCode nation, long sequence) {
    ledger.entries().stream().filter(entry -> entry.sequence() == sequence && !entry.involves(nation)).findFirst().ifPresent(entry -> {
      throw ServiceException.forbidden("NOT_A_PARTY_TO_ENTRY", "Not your nation's entry",
          "an officer of " + nation + " acts on entries to which " + nation + " is a party; entry " + sequence + " is between "
              + entry.supplier() + " and " + entry.receiver());
    });
  }

  /** The entries the caller reads, in sequence order. */
  public List<LedgerEntry> entries(User caller) {
    return ledger.entries().stream().filter(entry -> reads(caller, entry)).toList();
  }

  /** Balances of the agreements the caller's nation is a party to; {@code at} null: all entries. */
  public List<Balance> balances(User caller, Instant at) {
    List<Balance> balances = at == null ? ledger.balances() : ledger.balancesAt(at);
    return balances.stream().filter(balance -> readsAgreement(caller, balance.agreement())).toList();
  }

  /** Obligations unsettled past their settlement period at {@code at}, of the caller's nation's exchanges. */
  public List<Obligation> overdue(User caller, Instant at) {
    return ledger.overdue(at).stream().filter(obligation -> reads(caller, obligation.transfer())).toList();
  }

  /** The monthly statement of {@code whose} with {@code with}, read by their nations' users (and a node auditor). */
  public Statement statement(User caller, PartyCode whose, PartyCode with, YearMonth month) {
    PartyCode nation = caller.nationality();
    if (!caller.has(Role.NODE_AUDITOR) && !whose.equals(nation) && !with.equals(nation)) {
      throw ServiceException.forbidden("NOT_A_PARTY_TO_STATEMENT", "Not your nation's statement",
          "a statement between " + whose + " and " + with + " is read by their nations' officers, not by " + nation);
    }
    return ledger.statement(whose, with, month);
  }

  /** Whether the caller reads this entry: a node auditor reads all; everyone else, their nation's exchanges. */
  private static boolean reads(User caller, LedgerEntry entry) {
    return caller.has(Role.NODE_AUDITOR) || entry.involves(caller.nationality());
  }

  private boolean readsAgreement(User caller, AgreementId agreement) {
    return caller.has(Role.NODE_AUDITOR) || registry.requireAgreement(agreement).hasParty(caller.nationality());
  }
}
