package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.WhatIfJson;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.api.request.WhatIfBody;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.ApiToken;
import org.pactbridge.core.user.DuplicateUserException;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.core.whatif.Probe;
import org.pactbridge.core.whatif.WhatIf;
import org.pactbridge.core.whatif.WhatIfResult;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the REST API under {@code /api/v1}, health, Prometheus metrics and the OpenAPI
 * document. Every endpoint is an {@link Endpoint}: registered, role-checked and documented from the
 * same record. Decisions run on an immutable registry snapshot and never touch the database; users and
 * tokens are in the database and cached once authenticated.
 *
 * <p>Logs carry the method, the route template, the reason code and, for internal errors, the exception
 * class and a reference; never a body, a token or a stack trace.
 */
public final class NodeServer implements AutoCloseable {
  public static final String VERSION = "0.1.0";
  private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final ObjectReader DECISION = org.pactbridge.api.request.Bodies.readerFor(DecisionBody.class);
  private static final ObjectReader BATCH = org.pactbridge.api.request.Bodies.readerFor(Bodies.BatchBody.class);
  private static final ObjectReader WHATIF = org.pactbridge.api.request.Bodies.readerFor(WhatIfBody.class);
  private static final ObjectReader USER = org.pactbridge.api.request.Bodies.readerFor(Bodies.UserBody.class);
  private static final ObjectReader TOKEN = org.pactbridge.api.request.Bodies.readerFor(Bodies.TokenBody.class);
  private static final ObjectReader ITEM = org.pactbridge.api.request.Bodies.readerFor(Bodies.ItemBody.class);
  private static final ObjectReader ITEM_SEARCH = org.pactbridge.api.request.Bodies.readerFor(Bodies.ItemSearchBody.class);
  private static final ObjectReader RELEASE = org.pactbridge.api.request.Bodies.readerFor(Bodies.ReleaseBody.class);
  private static final ObjectReader CONSENT_REQUEST = org.pactbridge.api.request.Bodies.readerFor(Bodies.ConsentRequestBody.class);
  private static final ObjectReader CONSENT_ANSWER = org.pactbridge.api.request.Bodies.readerFor(Bodies.ConsentAnswerBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final ReleaseEngine engine;
  private final Party party;
  private final Store store;
  private final NodeItems items;
  private final NodeLogistics logistics;
  private final DecisionTally tally;
  private final ServerDatabase db;
  private final Accounts accounts;
  private final PrometheusMeterRegistry metrics;
  private final JvmGcMetrics gcMetrics;
  private final Map<Outcome, Counter> decisions = new EnumMap<>(Outcome.class);
  private final List<Endpoint> endpoints;
  private final byte[] openApi;
  private final Javalin app;
  private final Optional<Accounts.Issued> firstStart;
  private final JsonLimits batchLimits;
  private final CallerAuthentication authentication;
  private final WebSessions sessions;

  private NodeServer(ServerConfig config) {
    this.config = config;
    this.registry = config.registry();
    this.engine = new ReleaseEngine(registry);
    this.party = registry.requireParty(config.party());
    // The store migrates first: its Flyway expects to find either an empty schema or its own history.
    // An embedded H2 file: owner-only, with the generated password both connections use.
    StoreConfig storeConfig = org.pactbridge.store.H2Protection.secure(config.storeConfig());
    this.store = Store.open(storeConfig);
    this.items = new NodeItems(store, engine, config.clock());
    this.logistics = new NodeLogistics(registry, store, config.clock(), party.code(), config.maxBodyBytes());
    this.tally = new DecisionTally(store.audit(), config.clock(), config.party().value());
    try {
      this.db = ServerDatabase.open(storeConfig.jdbcUrl(), storeConfig.user(), storeConfig.password());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    JdbcUsers users = new JdbcUsers(db, registry);
    this.accounts = new Accounts(users, config.clock(), store.audit());
    this.firstStart = accounts.bootstrapAdmin(party);
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    this.gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    for (Outcome outcome : Outcome.values()) {
      decisions.put(outcome, Counter.builder("pactbridge.decisions").tag("outcome", outcome.name()).register(metrics));
    }
    this.batchLimits = JsonLimits.DEFAULT.withList("requests", config.maxBatch());
    SessionCookies cookies = new SessionCookies(config.tls() != null || config.isLoopback());
    this.authentication = new CallerAuthentication(accounts, cookies, new LoginThrottle(config.failedLogins(), config.clock()), metrics);
    this.sessions = new WebSessions(cookies);
    this.endpoints = List.copyOf(endpointList());
    this.openApi = Json.write(OpenApi.document(endpoints, VERSION), true).getBytes(StandardCharsets.UTF_8);
    this.app = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.http.maxRequestSize = config.maxBodyBytes();
      javalin.router.ignoreTrailingSlashes = true;
      // The web UI (module web): static pages from the classpath at /, calling this API; nothing from elsewhere.
      javalin.staticFiles.add(org.pactbridge.web.WebAssets.CLASSPATH_ROOT, io.javalin.http.staticfiles.Location.CLASSPATH);
      HttpEdges.configure(javalin, config.tls() != null);
      if (config.tls() != null) {
        javalin.jetty.addConnector((server, http) -> TlsConnector.create(server, http, config));
      }
    });
    for (Endpoint endpoint : endpoints) {
      register(endpoint);
    }
    app.exception(Exception.class, this::onException);
    // Javalin maps its own 404/405 itself unless told otherwise; here they become problems too (405 with Allow).
    app.exception(HttpResponseException.class, this::onException);
    app.error(404, ctx -> {
      String written = ctx.res().getContentType();
      if ((written == null || !written.startsWith(Http.PROBLEM_JSON)) && !ctx.res().isCommitted()) {
        Http.problem(ctx, ApiProblem.notFound("no resource at " + ctx.path()));
      }
    });
  }

  /** Opens the database, creates the first admin if there is none, and starts listening. */
  public static NodeServer start(ServerConfig config) {
    config.listenerRefusal().ifPresent(reason -> {
      throw new ServerException(reason);
    });
    NodeServer server = new NodeServer(config);
    try {
      server.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      server.accounts.close();
      server.tally.close();
      server.db.close();
      server.store.close();
      throw new ServerException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getClass().getSimpleName(), e);
    }
    LOG.info("pactbridge node {} listening on {}:{} (database {})", config.party(), config.host(), server.port(), server.db.displayUrl());
    return server;
  }

  public int port() {
    return app.port();
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  public Accounts accounts() {
    return accounts;
  }

  /** Appends the decisions counted so far to the audit log now, instead of within the second. For tests. */
  void flushDecisionTally() {
    tally.flush();
  }

  /** The first-start admin token, present only on the start that created it: show it once. */
  public Optional<Accounts.Issued> firstStartAdmin() {
    return firstStart;
  }

  @Override
  public void close() {
    app.stop();
    accounts.close();
    tally.close();
    gcMetrics.close();
    metrics.close();
    db.close();
    store.close();
  }

  private List<Endpoint> endpointList() {
    List<Endpoint> list = new ArrayList<>();
    list.add(new Endpoint("GET", "/health", "health", "Liveness and database health", Endpoint.PUBLIC, null, "{status, party, database}",
        this::health));
    list.add(new Endpoint("GET", "/metrics", "metrics", "Prometheus metrics (text exposition format)", Endpoint.PUBLIC, null,
        "Prometheus text", (ctx, caller) -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())));
    list.add(new Endpoint("GET", "/api/openapi.json", "openapi", "This document", Endpoint.PUBLIC, null, "OpenAPI 3.1",
        (ctx, caller) -> ctx.contentType(Http.JSON).result(openApi)));
    list.add(new Endpoint("GET", "/api/v1/me", "me", "The caller", Endpoint.ANY_USER, null, "a user", (ctx, caller) -> Http.json(ctx, 200, userJson(caller))));
    list.add(new Endpoint("POST", "/api/v1/me/tokens", "createOwnToken", "Issue an API token for the caller (the secret is shown once)",
        Endpoint.ANY_USER, Bodies.TokenBody.class, "{id, token, …}", (ctx, caller) -> issueToken(ctx, caller, caller)));
    list.add(new Endpoint("DELETE", "/api/v1/tokens/{id}", "revokeToken", "Revoke a token (admins: any; others: their own)", Endpoint.ANY_USER,
        null, "no content", this::revokeToken));
    list.add(new Endpoint("GET", "/api/v1/users", "listUsers", "Every user", EnumSet.of(Role.ADMIN), null, "[user]", this::listUsers));
    list.add(new Endpoint("POST", "/api/v1/users", "createUser", "Create a user", EnumSet.of(Role.ADMIN), Bodies.UserBody.class, "the user",
        this::createUser));
    list.add(new Endpoint("DELETE", "/api/v1/users/{id}", "deleteUser", "Delete a user and revoke their tokens, on every instance within a second",
        EnumSet.of(Role.ADMIN), null, "no content", this::deleteUser));
    list.add(new Endpoint("POST", "/api/v1/users/{id}/tokens", "createToken", "Issue an API token for a user (the secret is shown once)",
        EnumSet.of(Role.ADMIN), Bodies.TokenBody.class, "{id, token, …}", (ctx, caller) -> issueToken(ctx, requireUser(ctx.pathParam("id")), caller)));
    list.add(new Endpoint("GET", "/api/v1/parties", "listParties", "Parties and their classification schemes", Endpoint.ANY_USER, null,
        "[party]", this::listParties));
    list.add(new Endpoint("GET", "/api/v1/parties/{code}", "getParty", "One party", Endpoint.ANY_USER, null, "party", this::getParty));
    list.add(new Endpoint("GET", "/api/v1/agreements", "listAgreements",
        "Agreements with their status as of ?at= (filters: party, kind, inForce)", Endpoint.ANY_USER, null, "[agreement]", this::listAgreements));
    list.add(new Endpoint("GET", "/api/v1/agreements/{id}", "getAgreement", "One agreement as of ?at=, with timeline and provisions",
        Endpoint.ANY_USER, null, "agreement", this::getAgreement));
    list.add(new Endpoint("GET", "/api/v1/agreements/{id}/events", "listAgreementEvents", "An agreement's timeline events",
        Endpoint.ANY_USER, null, "{id, events}", this::agreementEvents));
    list.add(new Endpoint("GET", "/api/v1/sources", "listSources", "The sources that facts cite, with their URLs", Endpoint.ANY_USER, null,
        "[{id, url, publisher, type, lang}]", this::listSources));
    list.add(new Endpoint("POST", "/api/v1/decisions", "decide",
        "One release decision (the fields of check), or a batch {\"requests\": [...]} answered as {\"decisions\": [...]}", Endpoint.ASKERS,
        DecisionBody.class, "the decision object of check --json", this::decide));
    list.add(new Endpoint("POST", "/api/v1/routes", "findRoutes", "Routes that would lawfully reach the recipient", Endpoint.ASKERS,
        DecisionBody.class, "{routes}", this::routes));
    list.add(new Endpoint("GET", "/api/v1/coverage", "coverage", "The coverage matrix at ?at= for ?parties= and ?topics=", Endpoint.ANY_USER,
        null, "[cell] as coverage --json", this::coverage));
    list.add(new Endpoint("POST", "/api/v1/whatif", "whatIf", "Hypothetical events in; changed coverage cells and decisions out",
        Endpoint.ASKERS, WhatIfBody.class, "{at, cells, decisions}", this::whatIf));
    Set<Role> holders = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER, Role.ANALYST);
    Set<Role> auditors = EnumSet.of(Role.AUDITOR, Role.NODE_AUDITOR, Role.ADMIN);
    list.add(new Endpoint("POST", "/api/v1/items", "createItem", "Register an item of the caller's nation with its label and content",
        EnumSet.of(Role.ORIGINATOR), Bodies.ItemBody.class, "the item (without content)", this::createItem));
    list.add(new Endpoint("GET", "/api/v1/items", "listItems", "Items the caller may see, with their titles (?offset=, ?limit=)", holders, null,
        "[item]", this::listItems));
    list.add(new Endpoint("POST", "/api/v1/items/search", "searchItems",
        "Items the caller may see whose title contains the query, ignoring case, a page of them ({query, offset, limit})", holders,
        Bodies.ItemSearchBody.class, "[item]", this::searchItems));
    Set<Role> confirmers = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER);
    list.add(new Endpoint("GET", "/api/v1/co-originations", "listCoOriginations",
        "JOINT items that another nation registered naming the caller's nation as co-originator, awaiting its confirmation (without content)",
        confirmers, null, "[item]", (ctx, caller) -> {
          ArrayNode array = Json.MAPPER.createArrayNode();
          items.awaitingConfirmation(caller).forEach(item -> array.add(itemJson(item)));
          Http.json(ctx, 200, array);
        }));
    list.add(new Endpoint("POST", "/api/v1/co-originations/{id}", "confirmCoOrigination",
        "The caller's nation confirms it co-originated the item; its users then see it (audited)", confirmers, null, "the item (without content)",
        (ctx, caller) -> Http.json(ctx, 200, itemJson(items.confirmCoOriginator(caller, ctx.pathParam("id"))))));
    list.add(new Endpoint("GET", "/api/v1/items/{id}", "getItem", "One item with its content, if the caller may see it", holders, null,
        "item with content", this::getItem));
    list.add(new Endpoint("POST", "/api/v1/items/{id}/decisions", "decideItem",
        "The decision on releasing the item from the caller's nation, with recorded consents applied (recorded and audited)", holders,
        Bodies.ReleaseBody.class, "{decision, conditions}", this::decideItem));
    list.add(new Endpoint("POST", "/api/v1/items/{id}/releases", "releaseItem",
        "Decide now and, on a permit, release: the recipient's holding is recorded (audited)", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER),
        Bodies.ReleaseBody.class, "{decision, released, conditions}", this::releaseItem));
    list.add(new Endpoint("POST", "/api/v1/consents", "requestConsent", "A holder asks the originator's disclosure officer for consent",
        holders, Bodies.ConsentRequestBody.class, "{requests}", this::requestConsent));
    list.add(new Endpoint("GET", "/api/v1/consents", "listConsents",
        "Consent requests the caller's nation asked or (disclosure officers) must answer; ?state=pending|all", holders, null, "[request]",
        this::listConsents));
    list.add(new Endpoint("GET", "/api/v1/consents/{id}", "getConsent", "One consent request with its answer", holders, null, "request",
        this::getConsent));
    list.add(new Endpoint("POST", "/api/v1/consents/{id}/answer", "answerConsent",
        "The originator's disclosure officer grants (optionally with expiry, downgrade, added caveat) or refuses",
        EnumSet.of(Role.DISCLOSURE_OFFICER), Bodies.ConsentAnswerBody.class, "request with answer", this::answerConsent));
    list.add(new Endpoint("GET", "/api/v1/audit/verify", "verifyAudit", "Verify the hash chain, head and checkpoints", auditors, null,
        "{ok, …}", this::verifyAudit));
    list.add(new Endpoint("GET", "/api/v1/audit/entries", "exportAudit", "Export the audit entries the caller may read (?from=1&limit=1000): "
        + "their nation's actions and the items they may see; a node auditor reads all", auditors, null,
        "{entries, next}", this::exportAudit));
    list.addAll(logistics.endpoints());
    list.addAll(sessions.endpoints());
    return list;
  }

  private void register(Endpoint endpoint) {
    Timer timer = Timer.builder("pactbridge.http.requests").tag("endpoint", endpoint.operationId()).register(metrics);
    io.javalin.http.Handler handler = ctx -> {
      long start = System.nanoTime();
      try {
        User caller = endpoint.isPublic() ? null : authorise(ctx, endpoint);
        endpoint.handler().handle(ctx, caller);
      } finally {
        timer.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
      }
    };
    switch (endpoint.method()) {
      case "GET" -> {
        app.get(endpoint.path(), handler);
        // Javalin would answer HEAD on a GET route with 200 without running it, authentication included.
        app.head(endpoint.path(), handler);
      }
      case "POST" -> app.post(endpoint.path(), handler);
      case "DELETE" -> app.delete(endpoint.path(), handler);
      default -> throw new IllegalArgumentException("method " + endpoint.method());
    }
  }

  private User authorise(Context ctx, Endpoint endpoint) {
    User caller = authentication.caller(ctx);
    if (!caller.hasAny(endpoint.roles())) {
      throw ApiProblem.forbidden(endpoint.method() + " " + endpoint.path(), roleList(endpoint.roles()));
    }
    return caller;
  }

  private void onException(Exception exception, Context ctx) {
    ApiProblem problem;
    if (exception instanceof ApiProblem api) {
      problem = api;
    } else if (exception instanceof RequestException invalid) {
      problem = ApiProblem.badRequest(invalid);
    } else if (exception instanceof InvalidInputException invalid) {
      problem = new ApiProblem(400, invalid.code(), "Bad input", Excerpt.detail(invalid.getMessage(), invalid.token()),
          Map.of("token", String.valueOf(invalid.token())));
    } else if (exception instanceof StoreException stored && (stored.code().equals("CONFLICT") || stored.code().equals("NOT_FOUND"))) {
      // The store's messages carry identifiers only (its policy); other store failures are internal errors.
      problem = new ApiProblem(stored.code().equals("CONFLICT") ? 409 : 404, stored.code(), stored.code().equals("CONFLICT") ? "Conflict" : "Not found",
          stored.getMessage());
    } else if (exception instanceof org.pactbridge.core.logistics.LedgerConflictException conflict) {
      problem = ApiProblem.conflict("LEDGER_CONFLICT", conflict.getMessage());
    } else if (exception instanceof DuplicateUserException duplicate) {
      problem = ApiProblem.conflict("DUPLICATE_USER", duplicate.getMessage());
    } else if (exception instanceof HttpResponseException http) {
      problem = switch (http.getStatus()) {
        case 404 -> ApiProblem.notFound("no resource at " + ctx.path());
        case 405 -> {
          http.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
          yield new ApiProblem(405, "METHOD_NOT_ALLOWED", "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
        }
        case 413 -> ApiProblem.bodyTooLarge(config.maxBodyBytes());
        default -> new ApiProblem(http.getStatus(), "HTTP_" + http.getStatus(), "HTTP " + http.getStatus(), "the request was refused");
      };
    } else {
      String reference = UUID.randomUUID().toString();
      StackTraceElement[] frames = exception.getStackTrace();
      LOG.error("internal error {} on {} {}: {} at {}", reference, ctx.method(), ctx.endpointHandlerPath(), exception.getClass().getName(),
          frames.length == 0 ? "?" : frames[0]);
      problem = new ApiProblem(500, "INTERNAL", "Internal error", "the request failed; reference " + reference);
    }
    metrics.counter("pactbridge.http.problems", "code", problem.code()).increment();
    if (problem.status() >= 400 && problem.status() < 500 && LOG.isDebugEnabled()) {
      LOG.debug("{} {} -> {} {}", ctx.method(), ctx.endpointHandlerPath(), problem.status(), problem.code());
    }
    Http.problem(ctx, problem);
  }

  // ---- handlers -------------------------------------------------------------------------------

  private void health(Context ctx, User caller) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    boolean databaseUp;
    try {
      databaseUp = db.with(connection -> connection.isValid(2));
    } catch (ServerException e) {
      databaseUp = false;
    }
    node.put("status", databaseUp ? "UP" : "DOWN");
    node.put("party", party.code().value());
    node.put("database", databaseUp ? "UP" : "DOWN");
    node.put("version", VERSION);
    Http.json(ctx, databaseUp ? 200 : 503, node);
  }

  private Instant now() {
    return config.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private Instant at(Context ctx) {
    String at = ctx.queryParam("at");
    return at == null ? now() : DateSpec.parseInstant(at);
  }

  private void listParties(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    registry.parties().forEach(each -> array.add(partyJson(each)));
    Http.json(ctx, 200, array);
  }

  private void getParty(Context ctx, User caller) {
    Http.json(ctx, 200, partyJson(registry.requireParty(ctx.pathParam("code"))));
  }

  private static ObjectNode partyJson(Party party) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("code", party.code().value());
    node.put("name", party.name());
    node.put("kind", party.kind().name());
    node.put("schemeAssumed", party.schemeAssumed());
    ArrayNode schemes = node.putArray("schemes");
    for (ClassificationScheme scheme : party.schemes()) {
      ObjectNode schemeNode = schemes.addObject();
      schemeNode.put("name", scheme.name());
      schemeNode.put("validFrom", scheme.validFrom() == null ? null : DateSpec.format(scheme.validFrom()));
      ArrayNode levels = schemeNode.putArray("levels");
      for (Level level : scheme.levels()) {
        ObjectNode levelNode = levels.addObject();
        levelNode.put("code", level.qualified());
        levelNode.put("rank", level.rank());
        levelNode.put("nativeName", level.nativeName());
        levelNode.put("englishName", level.englishName());
      }
    }
    ArrayNode sources = node.putArray("sources");
    party.sources().forEach(sources::add);
    return node;
  }

  private void listAgreements(Context ctx, User caller) {
    Instant at = at(ctx);
    String partyParam = ctx.queryParam("party");
    PartyCode filter = partyParam == null ? null : registry.requireParty(partyParam).code();
    String kindParam = ctx.queryParam("kind");
    AgreementKind kind = null;
    if (kindParam != null) {
      try {
        kind = AgreementKind.valueOf(kindParam.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiProblem.badParameter("kind", "unknown kind '" + kindParam + "' (INFORMATION, LOGISTICS or ARRANGEMENT)");
      }
    }
    boolean inForceOnly = booleanParam(ctx, "inForce");
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Agreement agreement : registry.agreements()) {
      if ((filter != null && !agreement.hasParty(filter)) || (kind != null && agreement.kind() != kind)
          || (inForceOnly && !agreement.statusAt(at).inForce())) {
        continue;
      }
      array.add(Json.agreement(agreement, at, true));
    }
    Http.json(ctx, 200, array);
  }

  private static boolean booleanParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return false;
    }
    if (value.equals("true") || value.equals("false")) {
      return Boolean.parseBoolean(value);
    }
    throw ApiProblem.badParameter(name, "expected true or false");
  }

  private Agreement requireAgreement(String id) {
    try {
      return registry.requireAgreement(AgreementId.of(id));
    } catch (InvalidInputException e) {
      throw ApiProblem.notFound("no agreement '" + id + "'");
    }
  }

  private void getAgreement(Context ctx, User caller) {
    Agreement agreement = requireAgreement(ctx.pathParam("id"));
    Http.json(ctx, 200, Json.agreement(agreement, at(ctx), true));
  }

  private void listSources(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (org.pactbridge.core.registry.Source source : registry.sources().values()) {
      ObjectNode node = array.addObject();
      node.put("id", source.id());
      node.put("url", source.url());
      node.put("publisher", source.publisher());
      node.put("type", source.type());
      node.put("lang", source.lang());
    }
    Http.json(ctx, 200, array);
  }

  private void agreementEvents(Context ctx, User caller) {
    Agreement agreement = requireAgreement(ctx.pathParam("id"));
    ObjectNode full = Json.agreement(agreement, now(), true);
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", agreement.id().value());
    node.set("events", full.get("timeline"));
    Http.json(ctx, 200, node);
  }

  private void decide(Context ctx, User caller) throws IOException {
    byte[] body = Http.body(ctx, config.maxBodyBytes());
    Instant now = now();
    if (isBatch(body)) {
      Bodies.BatchBody batch = Http.read(body, BATCH, batchLimits);
      List<DecisionBody> requests = batch.requests() == null ? List.of() : batch.requests();
      if (requests.size() > config.maxBatch()) {
        throw ApiProblem.tooManyRequests(requests.size(), config.maxBatch());
      }
      // Translate every request first: a bad one refuses the whole batch, naming its index.
      List<ReleaseRequest> translated = new ArrayList<>(requests.size());
      for (int i = 0; i < requests.size(); i++) {
        try {
          translated.add(requests.get(i).toRequest(registry, now));
        } catch (RequestException e) {
          throw new ApiProblem(400, e.code(), "Bad input", "requests[" + i + "]: " + Excerpt.detail(e.getMessage(), e.token()),
              Map.of("index", i, "token", String.valueOf(e.token())));
        }
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(translated.size() * 512);
      try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
        out.writeStartObject();
        out.writeArrayFieldStart("decisions");
        for (ReleaseRequest request : translated) {
          Decision decision = engine.decide(request);
          decisions.get(decision.outcome()).increment();
          tally.count(AuditActors.of(caller), decision.outcome());
          ApiWriter.decision(out, decision);
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      ctx.status(200).contentType(Http.JSON).result(bytes.toByteArray());
      return;
    }
    DecisionBody request = Http.read(body, DECISION);
    Decision decision = engine.decide(request.toRequest(registry, now));
    decisions.get(decision.outcome()).increment();
    tally.count(AuditActors.of(caller), decision.outcome());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
    try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
      ApiWriter.decision(out, decision);
    }
    ctx.status(200).contentType(Http.JSON).result(bytes.toByteArray());
  }

  /** Whether the body's first field is {@code requests}: the batch form. A cheap peek at one token. */
  private static boolean isBatch(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
          && "requests".equals(parser.currentName());
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      return false; // the strict read reports it
    }
  }

  private void routes(Context ctx, User caller) {
    DecisionBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), DECISION);
    ReleaseRequest request = body.toRequest(registry, now());
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("at", DateSpec.format(request.at()));
    ArrayNode array = node.putArray("routes");
    for (Route route : engine.routes(request)) {
      array.add(Json.route(route));
    }
    Http.json(ctx, 200, node);
  }

  private void coverage(Context ctx, User caller) {
    Instant at = at(ctx);
    List<PartyCode> codes = new ArrayList<>();
    String parties = ctx.queryParam("parties");
    List<String> tokens = parties == null ? List.of("KOR", "JPN", "USA") : List.of(parties.split(","));
    if (tokens.size() == 1 && tokens.get(0).strip().equalsIgnoreCase("all")) {
      registry.parties().forEach(each -> codes.add(each.code()));
    } else {
      for (String token : tokens) {
        codes.add(registry.requireParty(token.strip()).code());
      }
    }
    Set<Topic> topics = Topic.parseList(ctx.queryParam("topics"));
    List<CoverageCell> cells = new Coverage(engine).compute(at, topics, codes);
    ArrayNode array = Json.MAPPER.createArrayNode();
    cells.forEach(cell -> array.add(Json.coverageCell(cell)));
    Http.json(ctx, 200, array);
  }

  private void whatIf(Context ctx, User caller) {
    WhatIfBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), WHATIF);
    Instant at = body.instant(now());
    List<Probe> probes = new ArrayList<>(body.probes(registry, at));
    List<PartyCode> parties = body.partyCodes(registry);
    // The stored items the caller sees and their nation holds, from that nation to each other party shown.
    for (org.pactbridge.core.item.Item item : items.listVisible(caller, 0, 1000)) {
      for (PartyCode to : parties) {
        if (!to.equals(caller.nationality())) {
          probes.add(new Probe("item:" + item.id() + ">" + to, new ReleaseRequest(Set.copyOf(item.originators()), item.level(), item.releasability(),
              item.orcon(), item.topics(), item.declassifyOn(), caller.nationality(), to, null, Set.of(), at)));
        }
      }
    }
    WhatIfResult result = new WhatIf(engine).compare(body.hypothesis(registry), at, body.topicSet(), parties, probes);
    Http.json(ctx, 200, WhatIfJson.result(result));
  }

  // ---- items, consents, audit ------------------------------------------------------------------------

  private void createItem(Context ctx, User caller) {
    Bodies.ItemBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), ITEM);
    if (body.content() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "content", "missing field 'content'");
    }
    Instant now = now();
    // The label is read exactly as a decision's: the same fields, marking and errors.
    DecisionBody label = new DecisionBody(body.originator(), body.level(), caller.nationality().value(), null, body.topics(), body.relTo(),
        body.noforn(), body.orcon(), List.of(), null, body.marking());
    ReleaseRequest request = label.toRequest(registry, now);
    Instant declassify = body.declassifyOn() == null ? null : DateSpec.parseInstant(body.declassifyOn());
    ItemTitle title = ItemTitle.of(body.title());
    org.pactbridge.core.item.Item item = items.register(caller, request, body.marking() == null ? "" : body.marking(), declassify,
        body.content().getBytes(StandardCharsets.UTF_8), title);
    Http.json(ctx, 201, itemJson(item).put("title", title.value()));
  }

  private void listItems(Context ctx, User caller) {
    int offset = intParam(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = intParam(ctx, "limit", 1, 1000, 100);
    Http.json(ctx, 200, titledItems(items.searchVisible(caller, null, offset, limit)));
  }

  private void searchItems(Context ctx, User caller) {
    Bodies.ItemSearchBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), ITEM_SEARCH);
    String query = body.query() == null ? "" : body.query();
    if (query.codePointCount(0, query.length()) > ItemTitle.MAX_LENGTH) {
      throw InvalidInputException.invalid("INVALID_QUERY", "query", "the query is longer than a title can be (" + ItemTitle.MAX_LENGTH + " characters)");
    }
    int offset = body.offset() == null ? 0 : body.offset();
    int limit = body.limit() == null ? 100 : body.limit();
    if (offset < 0) {
      throw InvalidInputException.invalid("INVALID_FIELD", "offset", "field 'offset' must be 0 or more");
    }
    if (limit < 1 || limit > 1000) {
      throw InvalidInputException.invalid("INVALID_FIELD", "limit", "field 'limit' must be a number from 1 to 1000");
    }
    Http.json(ctx, 200, titledItems(items.searchVisible(caller, query, offset, limit)));
  }

  private static ArrayNode titledItems(List<NodeItems.Titled> titled) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    titled.forEach(entry -> array.add(itemJson(entry.item()).put("title", entry.title().value())));
    return array;
  }

  private static int intParam(Context ctx, String name, int min, int max, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw ApiProblem.badParameter(name, "expected a number from " + min + " to " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw ApiProblem.badParameter(name, "expected a number from " + min + " to " + max);
    }
  }

  private void getItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    ObjectNode node = itemJson(item);
    node.put("title", items.title(item).value());
    node.put("content", items.content(item));
    Http.json(ctx, 200, node);
  }

  private void decideItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    Bodies.ReleaseBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), RELEASE);
    PartyCode to = recipient(body);
    Instant at = body.at() == null ? now() : DecisionBody.parseAt(body.at());
    Http.json(ctx, 200, itemDecisionJson(items.decide(caller, item, to, at, true), null));
  }

  private void releaseItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    Bodies.ReleaseBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), RELEASE);
    if (body.at() != null) {
      throw new ApiProblem(400, "AT_NOT_ALLOWED", "Bad input", "a release happens now: 'at' is for decisions only");
    }
    NodeItems.ItemDecision decided = items.release(caller, item, recipient(body));
    Http.json(ctx, 200, itemDecisionJson(decided, decided.decision().outcome() == Outcome.PERMIT));
  }

  private PartyCode recipient(Bodies.ReleaseBody body) {
    if (body.to() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "to", "missing field 'to'");
    }
    return registry.requireParty(body.to()).code();
  }

  private static ObjectNode itemDecisionJson(NodeItems.ItemDecision decided, Boolean released) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("decision", Json.decision(decided.decision()));
    node.put("level", decided.level().qualified());
    if (released != null) {
      node.put("released", released);
    }
    ArrayNode conditions = node.putArray("conditions");
    decided.conditions().forEach(condition -> conditions.addObject().put("kind", condition.kind()).put("value", condition.value()));
    return node;
  }

  private void requestConsent(Context ctx, User caller) {
    Bodies.ConsentRequestBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), CONSENT_REQUEST);
    if (body.item() == null || body.to() == null) {
      String field = body.item() == null ? "item" : "to";
      throw InvalidInputException.invalid("MISSING_FIELD", field, "missing field '" + field + "'");
    }
    org.pactbridge.core.item.Item item = items.requireVisible(caller, body.item());
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("requests");
    items.requestConsent(caller, item, registry.requireParty(body.to()).code()).forEach(request -> array.add(consentJson(request)));
    Http.json(ctx, 201, node);
  }

  private void listConsents(Context ctx, User caller) {
    String state = ctx.queryParam("state");
    if (state != null && !state.equals("pending") && !state.equals("all")) {
      throw ApiProblem.badParameter("state", "expected pending or all");
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    items.consentsFor(caller, !"all".equals(state)).forEach(request -> array.add(consentJson(request)));
    Http.json(ctx, 200, array);
  }

  private void getConsent(Context ctx, User caller) {
    Http.json(ctx, 200, consentJson(items.requireRequest(caller, ctx.pathParam("id"))));
  }

  private void answerConsent(Context ctx, User caller) {
    org.pactbridge.core.consent.ConsentRequest request = items.requireRequest(caller, ctx.pathParam("id"));
    Bodies.ConsentAnswerBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), CONSENT_ANSWER);
    org.pactbridge.core.consent.ConsentAnswer.Verdict verdict;
    try {
      verdict = org.pactbridge.core.consent.ConsentAnswer.Verdict.valueOf(String.valueOf(body.verdict()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.invalid("BAD_VERDICT", String.valueOf(body.verdict()),
          "verdict '" + body.verdict() + "' (expected GRANTED or REFUSED)");
    }
    List<org.pactbridge.core.consent.ConsentCondition> conditions = new ArrayList<>();
    if (body.expiresAt() != null) {
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.Expiry(DateSpec.parseInstant(body.expiresAt())));
    }
    if (body.downgradeTo() != null) {
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.Downgrade(items.levelOf(body.downgradeTo()).qualified()));
    }
    if (body.addCaveat() != null) {
      if (body.addCaveat().isBlank() || body.addCaveat().length() > 64 || !body.addCaveat().matches("[A-Z0-9 ,/_-]+")) {
        throw InvalidInputException.invalid("BAD_CAVEAT", body.addCaveat(), "a caveat is 1 to 64 upper-case letters, digits, spaces and , / _ -");
      }
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.AddedCaveat(body.addCaveat()));
    }
    if (verdict == org.pactbridge.core.consent.ConsentAnswer.Verdict.REFUSED && !conditions.isEmpty()) {
      throw InvalidInputException.invalid("CONDITIONS_ON_REFUSAL", "verdict", "a refusal carries no conditions");
    }
    items.answer(caller, request, verdict, conditions);
    Http.json(ctx, 200, consentJson(request));
  }

  private ObjectNode consentJson(org.pactbridge.core.consent.ConsentRequest request) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", request.id());
    node.put("item", request.item().value());
    node.put("originator", request.originator().value());
    node.put("requester", request.requester().value());
    node.put("recipient", request.recipient().value());
    node.put("requestedAt", DateSpec.format(request.requestedAt()));
    Optional<org.pactbridge.core.consent.ConsentAnswer> answer = store.consents().answerTo(request.id());
    if (answer.isEmpty()) {
      node.putNull("answer");
    } else {
      ObjectNode answerNode = node.putObject("answer");
      answerNode.put("verdict", answer.get().verdict().name());
      answerNode.put("by", answer.get().by().value());
      answerNode.put("answeredAt", DateSpec.format(answer.get().answeredAt()));
      ArrayNode conditions = answerNode.putArray("conditions");
      answer.get().conditions().forEach(condition -> conditions.addObject().put("kind", condition.kind()).put("value", condition.value()));
    }
    return node;
  }

  private static ObjectNode itemJson(org.pactbridge.core.item.Item item) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", item.id().value());
    ArrayNode originators = node.putArray("originators");
    item.originators().forEach(party -> originators.add(party.value()));
    node.put("level", item.level().qualified());
    node.put("noforn", item.releasability().isNoforn());
    ArrayNode relTo = node.putArray("relTo");
    item.releasability().relToEntries().forEach(relTo::add);
    node.put("orcon", item.orcon());
    ArrayNode topics = node.putArray("topics");
    item.sortedTopics().forEach(topic -> topics.add(topic.slug()));
    node.put("created", DateSpec.format(item.created()));
    node.put("declassifyOn", item.declassifyOn() == null ? null : DateSpec.format(item.declassifyOn()));
    node.put("marking", item.marking());
    node.put("contentSha256", item.contentSha256());
    return node;
  }

  private void verifyAudit(Context ctx, User caller) {
    org.pactbridge.core.audit.Verification verification = store.audit().verify();
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("ok", verification.ok());
    if (verification instanceof org.pactbridge.core.audit.Verification.Intact intact) {
      node.put("entries", intact.entries());
      node.put("lastSeq", intact.lastSeq());
      node.put("head", intact.headHex());
      node.put("checkpoints", intact.checkpoints());
    } else if (verification instanceof org.pactbridge.core.audit.Verification.Broken broken) {
      node.put("problem", broken.problem().name());
      node.put("seq", broken.seq());
      node.put("message", broken.message());
    }
    Http.json(ctx, 200, node);
  }

  private void exportAudit(Context ctx, User caller) {
    int from = intParam(ctx, "from", 1, Integer.MAX_VALUE, 1);
    int limit = intParam(ctx, "limit", 1, 10_000, 1000);
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("entries");
    long last = from - 1L;
    AuditScope scope = new AuditScope(items, caller);
    List<org.pactbridge.core.audit.AuditEntry> page = store.audit().entries(from, limit);
    for (org.pactbridge.core.audit.AuditEntry entry : page) {
      last = entry.seq();
      if (!scope.shows(entry.event())) {
        continue;
      }
      ObjectNode entryNode = array.addObject();
      entryNode.put("seq", entry.seq());
      entryNode.put("prevHash", java.util.HexFormat.of().formatHex(entry.prevHash()));
      entryNode.put("hash", entry.hashHex());
      entryNode.put("body", new String(entry.body(), StandardCharsets.UTF_8));
      org.pactbridge.core.audit.AuditEvent event = entry.event();
      entryNode.put("at", DateSpec.format(event.at()));
      entryNode.put("kind", event.kind());
      // "actor" stays the name it always was; the id and nation (v2) say who exactly
      entryNode.put("actor", event.actor().userName());
      entryNode.put("actorId", event.actor().isV1() ? null : event.actor().userId());
      entryNode.put("actorNation", event.actor().nation() == null ? null : event.actor().nation().value());
      entryNode.put("subject", event.subject());
      ObjectNode details = entryNode.putObject("details");
      event.details().forEach(details::put);
    }
    // The cursor follows the chain, not what was shown: hidden entries still move it.
    node.put("next", page.size() < limit ? null : Long.valueOf(last + 1));
    Http.json(ctx, 200, node);
  }

  // ---- users and tokens ---------------------------------------------------------------------------

  private User requireUser(String id) {
    return accounts.users().find(id).orElseThrow(() -> ApiProblem.notFound("no user '" + id + "'"));
  }

  private void listUsers(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    accounts.users().all().forEach(user -> array.add(userJson(user)));
    Http.json(ctx, 200, array);
  }

  private void createUser(Context ctx, User caller) {
    Bodies.UserBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), USER);
    User.requireName(body.name());
    if (body.nationality() == null || body.clearance() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", body.nationality() == null ? "nationality" : "clearance",
          "missing field '" + (body.nationality() == null ? "nationality" : "clearance") + "'");
    }
    Party nation = registry.requireParty(body.nationality());
    String clearanceToken = body.clearance().contains(":") ? body.clearance().substring(body.clearance().indexOf(':') + 1) : body.clearance();
    Level clearance = DecisionBody.resolveLevel(nation, clearanceToken, now());
    Set<Topic> topics = new LinkedHashSet<>();
    listOf(body.needToKnow()).forEach(slug -> topics.add(Topic.of(slug)));
    Set<Role> roles = EnumSet.noneOf(Role.class);
    listOf(body.roles()).forEach(role -> roles.add(Role.parse(role)));
    User user = new User(UUID.randomUUID().toString(), body.name(), nation.code(), clearance, topics, new LinkedHashSet<>(listOf(body.compartments())),
        roles, config.clock().instant());
    accounts.create(user, AuditActors.of(caller));
    Http.json(ctx, 201, userJson(user));
  }

  private void deleteUser(Context ctx, User caller) {
    User user = requireUser(ctx.pathParam("id"));
    if (user.id().equals(caller.id())) {
      throw ApiProblem.conflict("CANNOT_DELETE_SELF", "an admin cannot delete their own account; another admin can");
    }
    accounts.delete(user, AuditActors.of(caller));
    ctx.status(204);
  }

  private static List<String> listOf(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      for (String value : values) {
        for (String part : String.valueOf(value).split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      }
    }
    return out;
  }

  private void issueToken(Context ctx, User owner, User caller) {
    byte[] bytes = ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null ? Http.body(ctx, config.maxBodyBytes()) : null;
    Bodies.TokenBody body = bytes == null ? new Bodies.TokenBody(null, null) : Http.read(bytes, TOKEN);
    Instant expires = body.expiresAt() == null ? null : DateSpec.parseInstant(body.expiresAt());
    if (expires != null && !expires.isAfter(config.clock().instant())) {
      throw new ApiProblem(400, "EXPIRY_IN_PAST", "Bad input", "expiresAt " + body.expiresAt() + " is not in the future");
    }
    if (body.label() != null && body.label().length() > 200) {
      throw new ApiProblem(400, "LABEL_TOO_LONG", "Bad input", "label longer than 200 characters");
    }
    Accounts.Issued issued = accounts.issue(owner, body.label(), expires, AuditActors.of(caller));
    ObjectNode node = tokenJson(issued.token());
    node.put("token", issued.secret());
    Http.json(ctx, 201, node);
  }

  private void revokeToken(Context ctx, User caller) {
    String id = ctx.pathParam("id");
    Optional<ApiToken> token = accounts.tokens().findToken(id);
    // Others' tokens are "not found" for a non-admin: their existence is not the caller's business.
    if (token.isEmpty() || (!caller.has(Role.ADMIN) && !token.get().userId().equals(caller.id()))) {
      throw ApiProblem.notFound("no token '" + id + "'");
    }
    accounts.revoke(token.get(), AuditActors.of(caller));
    ctx.status(204);
  }

  static ObjectNode userJson(User user) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", user.id());
    node.put("name", user.name());
    node.put("nationality", user.nationality().value());
    node.put("clearance", user.clearance().qualified());
    ArrayNode topics = node.putArray("needToKnow");
    user.needToKnow().stream().map(Topic::slug).sorted().forEach(topics::add);
    ArrayNode compartments = node.putArray("compartments");
    user.compartments().stream().sorted().forEach(compartments::add);
    ArrayNode roles = node.putArray("roles");
    user.roles().stream().sorted().map(Role::slug).forEach(roles::add);
    node.put("createdAt", DateSpec.format(user.createdAt()));
    return node;
  }

  private static ObjectNode tokenJson(ApiToken token) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", token.id());
    node.put("userId", token.userId());
    node.put("label", token.label());
    node.put("createdAt", DateSpec.format(token.createdAt()));
    node.put("expiresAt", token.expiresAt() == null ? null : DateSpec.format(token.expiresAt()));
    return node;
  }

  private static String roleList(Set<Role> roles) {
    return String.join(", ", roles.stream().sorted().map(Role::slug).toList());
  }
}
