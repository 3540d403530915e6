package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pactbridge.api.json.LogisticsJson;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.Ledger;
import org.pactbridge.core.logistics.LedgerEntry;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.core.logistics.Money;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.logistics.Statement;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.logistics.Transfer;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.geo.KoreaAreas;
import org.pactbridge.store.Store;

/**
 * The endpoints under {@code /api/v1/logistics}: support decisions ({@code support check}) and the
 * settlement ledger in the store ({@code ledger …}), with the same JSON as the command line. Logistics
 * officers record and read; admins and auditors read. A refused ledger command writes nothing: the
 * core's {@link Ledger} validates in full before its one append.
 *
 * <p>Every ledger action is tied to the caller's nation: an officer records a provision only for their
 * own nation as supplier, a receipt only as receiver, and reimburses or reverses only entries their
 * nation is a party to. Reading is scoped the same way: entries, balances, obligations and statements
 * of exchanges the caller's nation takes part in. A node auditor reads the whole ledger.
 */
final class NodeLogistics {
  private static final ObjectReader SUPPORT_CHECK = org.pactbridge.api.request.Bodies.readerFor(Bodies.SupportCheckBody.class);
  private static final ObjectReader LEDGER_ENTRY = org.pactbridge.api.request.Bodies.readerFor(Bodies.LedgerEntryBody.class);
  private static final String CSV = "text/csv";
  private static final Set<Role> READERS = EnumSet.of(Role.LOGISTICS_OFFICER, Role.ADMIN, Role.AUDITOR, Role.NODE_AUDITOR);
  private static final Set<Role> WRITERS = EnumSet.of(Role.LOGISTICS_OFFICER);

  private final Registry registry;
  private final SupportEngine engine;
  private final Store store;
  /** For reading: it never appends, so the actor it would append as (the node) is never recorded. */
  private final Ledger ledger;
  /** Ledger commands take turns in this process, as one shared {@link Ledger} made them; the store refuses a stale append from another. */
  private final Object ledgerWrites = new Object();
  private final Clock clock;
  private final PartyCode party;
  private final long maxBody;

  NodeLogistics(Registry registry, Store store, Clock clock, PartyCode party, long maxBody) {
    this.registry = registry;
    this.engine = new SupportEngine(registry, KoreaAreas.shipped());
    this.store = store;
    this.ledger = new Ledger(registry, store.ledger(org.pactbridge.core.audit.AuditActor.node(party)));
    this.clock = clock;
    this.party = party;
    this.maxBody = maxBody;
  }

  List<Endpoint> endpoints() {
    String base = "/api/v1/logistics";
    return List.of(
        new Endpoint("POST", base + "/support-checks", "supportCheck",
            "Decide a support request (the flags of 'support check' in camelCase); answers what 'support check --json' prints", READERS,
            Bodies.SupportCheckBody.class, "{decision, at, agreements, reasons}", this::supportCheck),
        new Endpoint("POST", base + "/ledger/entries", "createLedgerEntry",
            "Append a ledger entry: provide, receive, reimburse or reverse (audited; a refused one writes nothing)", WRITERS,
            Bodies.LedgerEntryBody.class, "the entry", this::createEntry),
        new Endpoint("GET", base + "/ledger/entries", "listLedgerEntries", "The ledger entries the caller's nation is a party to, in sequence order",
            READERS, null, "[entry]", (ctx, caller) -> raw(ctx, 200,
                "[" + String.join(",", ledger.entries().stream().filter(entry -> reads(caller, entry)).map(Statement::entryJson).toList()) + "]")),
        new Endpoint("GET", base + "/ledger/balances", "ledgerBalances", "Balances per agreement, party and currency (?at=: entries up to then)",
            READERS, null, "[{agreement, party, currency, receivable, payable, net}]", this::balances),
        new Endpoint("GET", base + "/ledger/overdue", "ledgerOverdue", "Obligations unsettled past their settlement period at ?at= (default now)",
            READERS, null, "[{sequence, agreement, debtor, creditor, outstanding, currency, due, dueAssumed}]",
            (ctx, caller) -> Http.json(ctx, 200, LogisticsJson.obligations(
                ledger.overdue(at(ctx.queryParam("at"))).stream().filter(obligation -> reads(caller, obligation.transfer())).toList()))),
        new Endpoint("GET", base + "/ledger/statement", "ledgerStatement",
            "The monthly statement of ?party= (default this node's) with ?partner= for ?month=YYYY-MM; JSON, or CSV (Accept: text/csv or ?format=csv)",
            READERS, null, "statement (JSON or CSV)", this::statement));
  }

  /** Query parameters by operation, for the OpenAPI document: name, then description. */
  static void documentQueries(java.util.Map<String, String[]> queries) {
    queries.put("ledgerBalances", new String[] {"at", "only entries dated at or before this instant (default: all)"});
    queries.put("ledgerOverdue", new String[] {"at", "the instant (default now)"});
    queries.put("ledgerStatement", new String[] {"party", "whose statement (default this node's party)", "partner", "the other party",
        "month", "YYYY-MM", "format", "json (default) or csv"});
  }

  private void supportCheck(Context ctx, User caller) {
    Bodies.SupportCheckBody body = Http.read(Http.body(ctx, maxBody), SUPPORT_CHECK);
    if ((body.value() == null) != (body.currency() == null)) {
      throw InvalidInputException.invalid("MISSING_FIELD", body.value() == null ? "value" : "currency", "'value' and 'currency' go together");
    }
    SupportRequest request = new SupportRequest(
        registry.requireParty(required(body.supplier(), "supplier")).code(),
        registry.requireParty(required(body.receiver(), "receiver")).code(),
        body.agreement() == null ? null : AgreementId.of(body.agreement().strip()),
        Category.parse(required(body.category(), "category")),
        Activity.parse(required(body.activity(), "activity")),
        body.location() == null ? null : Location.parse(body.location()),
        body.quantity() == null ? null : decimal(body.quantity(), "quantity"),
        body.value() == null ? null : Money.of(body.value(), body.currency()),
        at(body.at()));
    Http.json(ctx, 200, LogisticsJson.supportDecision(engine.decide(request)));
  }

  private void createEntry(Context ctx, User caller) {
    Bodies.LedgerEntryBody body = Http.read(Http.body(ctx, maxBody), LEDGER_ENTRY);
    String type = required(body.type(), "type").strip().toLowerCase(Locale.ROOT);
    Instant at = at(body.at());
    PartyCode nation = caller.nationality();
    // the audit entry of the append names the logistics officer who made it
    Ledger acting = new Ledger(registry, store.ledger(AuditActors.of(caller)));
    LedgerEntry entry;
    synchronized (ledgerWrites) {
      entry = switch (type) {
        case "provide" -> acting.provide(actingAs(nation, "supplier", transfer(body, at)));
        case "receive" -> acting.receive(actingAs(nation, "receiver", transfer(body, at)));
        case "reimburse" -> acting.reimburse(partyTo(nation, requiredEntry(body)), ReimbursementMode.parse(required(body.mode(), "mode")),
            Money.of(required(body.value(), "value"), required(body.currency(), "currency")), at);
        case "reverse" -> acting.reverse(partyTo(nation, requiredEntry(body)), at);
        default -> throw InvalidInputException.invalid("UNKNOWN_ENTRY_TYPE", body.type(),
            "unknown entry type '" + body.type() + "' (expected provide, receive, reimburse or reverse)");
      };
    }
    raw(ctx, 201, Statement.entryJson(entry));
  }

  /** An officer records a provision as its supplier's national, a receipt as its receiver's. */
  private static Transfer actingAs(PartyCode nation, String side, Transfer transfer) {
    PartyCode party = side.equals("supplier") ? transfer.supplier() : transfer.receiver();
    if (!party.equals(nation)) {
      throw new ApiProblem(403, "NOT_A_PARTY_TO_ENTRY", "Not your nation's entry",
          "an officer of " + nation + " records entries in which " + nation + " is the " + side + ", not " + party);
    }
    return transfer;
  }

  /** An officer reimburses or reverses only entries their nation is a party to (an unknown entry is the ledger's to refuse). */
  private long partyTo(PartyCode nation, long sequence) {
    ledger.entries().stream().filter(entry -> entry.sequence() == sequence && !entry.involves(nation)).findFirst().ifPresent(entry -> {
      throw new ApiProblem(403, "NOT_A_PARTY_TO_ENTRY", "Not your nation's entry",
          "an officer of " + nation + " acts on entries to which " + nation + " is a party; entry " + sequence + " is between "
              + entry.supplier() + " and " + entry.receiver());
    });
    return sequence;
  }

  /** Whether the caller reads this entry: a node auditor reads all; everyone else, their nation's exchanges. */
  private static boolean reads(User caller, LedgerEntry entry) {
    return caller.has(Role.NODE_AUDITOR) || entry.involves(caller.nationality());
  }

  private boolean readsAgreement(User caller, AgreementId agreement) {
    return caller.has(Role.NODE_AUDITOR) || registry.requireAgreement(agreement).hasParty(caller.nationality());
  }

  private Transfer transfer(Bodies.LedgerEntryBody body, Instant at) {
    return new Transfer(
        AgreementId.of(required(body.agreement(), "agreement").strip()),
        registry.requireParty(required(body.supplier(), "supplier")).code(),
        registry.requireParty(required(body.receiver(), "receiver")).code(),
        Category.parse(required(body.category(), "category")),
        body.quantity() == null ? null : decimal(body.quantity(), "quantity"),
        Money.of(required(body.value(), "value"), required(body.currency(), "currency")),
        at);
  }

  private static long requiredEntry(Bodies.LedgerEntryBody body) {
    if (body.entry() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "entry", "missing field 'entry'");
    }
    return body.entry();
  }

  private void balances(Context ctx, User caller) {
    String at = ctx.queryParam("at");
    List<org.pactbridge.core.logistics.Balance> balances = at == null ? ledger.balances() : ledger.balancesAt(DateSpec.parseInstant(at));
    Http.json(ctx, 200, LogisticsJson.balances(balances.stream().filter(balance -> readsAgreement(caller, balance.agreement())).toList()));
  }

  private void statement(Context ctx, User caller) {
    String partner = ctx.queryParam("partner");
    String month = ctx.queryParam("month");
    if (partner == null) {
      throw ApiProblem.badParameter("partner", "missing: the party the statement is with");
    }
    if (month == null) {
      throw ApiProblem.badParameter("month", "missing: the month, as YYYY-MM");
    }
    YearMonth yearMonth;
    try {
      yearMonth = YearMonth.parse(month.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badParameter("month", "malformed month '" + month + "' (expected YYYY-MM)");
    }
    String partyParam = ctx.queryParam("party");
    PartyCode whose = partyParam == null ? party : registry.requireParty(partyParam).code();
    PartyCode with = registry.requireParty(partner).code();
    PartyCode nation = caller.nationality();
    if (!caller.has(Role.NODE_AUDITOR) && !whose.equals(nation) && !with.equals(nation)) {
      throw new ApiProblem(403, "NOT_A_PARTY_TO_STATEMENT", "Not your nation's statement",
          "a statement between " + whose + " and " + with + " is read by their nations' officers, not by " + nation);
    }
    Statement statement = ledger.statement(whose, with, yearMonth);
    if (wantsCsv(ctx)) {
      ctx.status(200).contentType(CSV + "; charset=utf-8").result(statement.toCsv().getBytes(StandardCharsets.UTF_8));
    } else {
      raw(ctx, 200, statement.toJson());
    }
  }

  private static boolean wantsCsv(Context ctx) {
    String format = ctx.queryParam("format");
    if (format != null) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ApiProblem.badParameter("format", "unknown format '" + format + "' (json or csv)");
      };
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV);
  }

  private static void raw(Context ctx, int status, String json) {
    ctx.status(status).contentType(Http.JSON).result(json.getBytes(StandardCharsets.UTF_8));
  }

  private Instant at(String at) {
    return at == null ? clock.instant().truncatedTo(ChronoUnit.SECONDS) : DateSpec.parseInstant(at);
  }

  private static String required(String value, String field) {
    if (value == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", field, "missing field '" + field + "'");
    }
    return value;
  }

  private static BigDecimal decimal(String token, String what) {
    try {
      return new BigDecimal(token.strip());
    } catch (NumberFormatException e) {
      throw InvalidInputException.invalid("MALFORMED_NUMBER", token, "malformed " + what + " '" + token + "' (expected a decimal number)");
    }
  }
}
