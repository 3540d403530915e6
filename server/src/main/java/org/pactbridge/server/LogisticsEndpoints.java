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
import org.pactbridge.core.logistics.ExerciseContext;
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
import org.pactbridge.service.Logistics;

/**
 * The endpoints under {@code /api/v1/logistics}: support decisions ({@code support check}) and the
 * settlement ledger in the store ({@code ledger …}), with the same JSON as the command line. Logistics
 * officers record and read; admins and auditors read. A refused ledger command writes nothing: the
 * core's {@link Ledger} validates in full before its one append.
 *
 * <p>Every ledger action is tied to the caller's nation, and reading is scoped the same way: that is
 * the use case's ({@link Logistics}); this class checks the roles, reads the bodies and writes the JSON.
 */
final class LogisticsEndpoints {
  private static final ObjectReader SUPPORT_CHECK = org.pactbridge.api.request.Bodies.readerFor(Bodies.SupportCheckBody.class);
  private static final ObjectReader LEDGER_ENTRY = org.pactbridge.api.request.Bodies.readerFor(Bodies.LedgerEntryBody.class);
  private static final String CSV = "text/csv";
  private static final Set<Role> READERS = EnumSet.of(Role.LOGISTICS_OFFICER, Role.ADMIN, Role.AUDITOR, Role.NODE_AUDITOR);
  private static final Set<Role> WRITERS = EnumSet.of(Role.LOGISTICS_OFFICER);

  private final Registry registry;
  private final SupportEngine engine;
  private final Logistics logistics;
  private final Clock clock;
  private final PartyCode party;
  private final long maxBody;

  LogisticsEndpoints(Registry registry, Logistics logistics, Clock clock, PartyCode party, long maxBody) {
    this.registry = registry;
    this.engine = new SupportEngine(registry, KoreaAreas.shipped());
    this.logistics = logistics;
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
                "[" + String.join(",", logistics.entries(caller).stream().map(Statement::entryJson).toList()) + "]")),
        new Endpoint("GET", base + "/ledger/balances", "ledgerBalances", "Balances per agreement, party and currency (?at=: entries up to then)",
            READERS, null, "[{agreement, party, currency, receivable, payable, net}]", this::balances),
        new Endpoint("GET", base + "/ledger/overdue", "ledgerOverdue", "Obligations unsettled past their settlement period at ?at= (default now)",
            READERS, null, "[{sequence, agreement, debtor, creditor, outstanding, currency, due, dueAssumed}]",
            (ctx, caller) -> Http.json(ctx, 200, LogisticsJson.obligations(logistics.overdue(caller, at(ctx.queryParam("at")))))),
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
    // an exercise edition named as context must fit the request (activity exercise, date within it)
    ExerciseContext context = body.exercise() == null ? null : ExerciseContext.resolve(registry, body.exercise(), request.activity(), request.at());
    Http.json(ctx, 200, LogisticsJson.supportDecision(engine.decide(request), context));
  }

  private void createEntry(Context ctx, User caller) {
    Bodies.LedgerEntryBody body = Http.read(Http.body(ctx, maxBody), LEDGER_ENTRY);
    String type = required(body.type(), "type").strip().toLowerCase(Locale.ROOT);
    Instant at = at(body.at());
    LedgerEntry entry = switch (type) {
      case "provide" -> logistics.provide(caller, transfer(body, at));
      case "receive" -> logistics.receive(caller, transfer(body, at));
      // the nation is checked before the rest of the body is read, as this endpoint always answered
      case "reimburse" -> logistics.reimburse(caller, logistics.ownEntry(caller, requiredEntry(body)),
          ReimbursementMode.parse(required(body.mode(), "mode")), Money.of(required(body.value(), "value"), required(body.currency(), "currency")),
          at);
      case "reverse" -> logistics.reverse(caller, logistics.ownEntry(caller, requiredEntry(body)), at);
      default -> throw InvalidInputException.invalid("UNKNOWN_ENTRY_TYPE", body.type(),
          "unknown entry type '" + body.type() + "' (expected provide, receive, reimburse or reverse)");
    };
    raw(ctx, 201, Statement.entryJson(entry));
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
    Http.json(ctx, 200, LogisticsJson.balances(logistics.balances(caller, at == null ? null : DateSpec.parseInstant(at))));
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
    Statement statement = logistics.statement(caller, whose, with, yearMonth);
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
