package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Accounts;
import org.pactbridge.service.AuditReading;
import org.pactbridge.service.AuditWitnesses;
import org.pactbridge.service.Consents;
import org.pactbridge.service.Decisions;
import org.pactbridge.service.ItemArchives;
import org.pactbridge.service.ItemReleases;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.Items;
import org.pactbridge.service.KeyAccessService;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.Logistics;
import org.pactbridge.service.NodeSignatures;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PinnedPeerKeys;
import org.pactbridge.service.TransferDelivery;
import org.pactbridge.service.Transfers;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the REST API under {@code /api/v1}, health, Prometheus metrics and the OpenAPI
 * document. Every endpoint is an {@link Endpoint}: registered, role-checked and documented from the
 * same record. Decisions run on an immutable registry snapshot and never touch the database; users and
 * tokens are in the database and cached once authenticated.
 *
 * <p>This class is the wiring: it opens the store and the server's database, builds the use cases of
 * the service layer on them, and registers one endpoint class per feature (users, agreements,
 * decisions, items, consents, audit, logistics, key access, web) in that order, which is the OpenAPI document's.
 * Health, metrics and the OpenAPI document are the node's own.
 *
 * <p>Logs carry the method, the route template, the reason code and, for internal errors, the exception
 * class and a reference; never a body, a token or a stack trace.
 */
public final class NodeServer implements AutoCloseable {
  public static final String VERSION = "0.1.0";
  /** How many rewrap token ids the node keeps (each for about two minutes): some 800 rewraps a second. */
  static final int KAS_REPLAY_CAPACITY = 100_000;
  /** Delivery workers of the federation outbox: two, as the machine the project targets has two cores. */
  static final int DELIVERY_WORKERS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(NodeServer.class);

  private final ServerConfig config;
  private final Party party;
  private final Store store;
  private final Decisions decisions;
  private final ServerDatabase db;
  private final Accounts accounts;
  private final PrometheusMeterRegistry metrics;
  private final JvmGcMetrics gcMetrics;
  private final List<Endpoint> endpoints;
  private final byte[] openApi;
  private final Javalin app;
  private final Optional<Accounts.Issued> firstStart;
  private final CallerAuthentication authentication;
  private final NodeKeyring keyring;
  // the federation (issue 20), all null when the node runs without --federation-port
  private final FederationTrust federationTrust;
  private final PeerChannel peerChannel;
  private final NodeSignatures nodeSignatures;
  private final PinnedPeerKeys peerKeys;
  private final KasKeyFederation kasFederation;
  private final AuditWitnessFederation auditWitnesses;
  private final List<FederationEndpoint> federationEndpoints;
  private final FederationListener federationListener;
  private final TransferFederation transferFederation;
  private final Transfers transfers;

  private NodeServer(ServerConfig config) {
    this.config = config;
    Registry registry = config.registry();
    ReleaseEngine engine = new ReleaseEngine(registry);
    this.party = registry.requireParty(config.party());
    // The store migrates first: its Flyway expects to find either an empty schema or its own history.
    // An embedded H2 file: owner-only, with the generated password both connections use.
    StoreConfig storeConfig = org.pactbridge.store.H2Protection.secure(config.storeConfig());
    this.store = Store.open(storeConfig);
    Items items = new Items(store, engine, config.clock());
    this.decisions = new Decisions(engine, store.audit(), config.clock());
    try {
      this.db = ServerDatabase.open(storeConfig.jdbcUrl(), storeConfig.user(), storeConfig.password());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    JdbcUsers users = new JdbcUsers(db, registry);
    this.accounts = new Accounts(users, users, users::revocationGeneration, config.clock(), store.audit());
    this.firstStart = accounts.bootstrapAdmin(party);
    this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(metrics);
    this.gcMetrics = new JvmGcMetrics();
    gcMetrics.bindTo(metrics);
    new JvmThreadMetrics().bindTo(metrics);
    new ProcessorMetrics().bindTo(metrics);
    SessionCookies cookies = new SessionCookies(config.tls() != null || config.isLoopback());
    this.authentication = new CallerAuthentication(accounts, cookies, new LoginThrottle(config.failedLogins(), config.clock()), metrics);
    this.keyring = new NodeKeyring(store, party.code(), config.clock());
    ItemReleases releases = new ItemReleases(items);
    ItemArchives archives = new ItemArchives(items, releases, new NodeKeyring(store, party.code(), config.clock()), party.code());
    Transfers transfers = null;
    if (config.federation() != null) {
      // Certificates, CRLs and signatures are checked at the real clock; decisions and agreements at config.clock().
      Clock realClock = Clock.systemUTC();
      ServerConfig.Federation federation = config.federation();
      this.federationTrust = new FederationTrust(party.code(), federation.tlsDir(), federation.peersFile());
      this.peerChannel = new HttpPeerChannel(federationTrust, realClock);
      this.nodeSignatures = new CertNodeSignatures(federationTrust, realClock);
      this.peerKeys = new PinnedPeerKeys(store, peerChannel, nodeSignatures, realClock);
      this.kasFederation = new KasKeyFederation(keyring, nodeSignatures, peerKeys, peerChannel,
          () -> store.kasUrl().orElseGet(() -> config.kasUrl(port())), realClock);
      // transfers and consents between nodes: the outbox's delivery workers start with the listener
      transfers = new Transfers(items, releases, archives, keyring, party.code(), nodeSignatures, peerKeys, peerChannel, realClock);
      this.transferFederation = new TransferFederation(transfers, new TransferDelivery(transfers, peerChannel, new java.util.SplittableRandom()),
          config.maxBodyBytes(), DELIVERY_WORKERS, realClock);
      List<FederationEndpoint> routes = new ArrayList<>();
      routes.add(new FederationEndpoint("GET", "/federation/v1/hello", "This node: {party, peer, version, instant}", this::hello));
      routes.addAll(kasFederation.endpoints());
      this.auditWitnesses = new AuditWitnessFederation(new AuditWitnesses(store, peerChannel, nodeSignatures, config.clock()));
      routes.addAll(auditWitnesses.endpoints());
      // each federation feature adds its routes here, one line each, e.g. routes.addAll(new XxxFederation(...).endpoints());
      routes.addAll(transferFederation.endpoints());
      this.federationEndpoints = List.copyOf(routes);
      this.federationListener = new FederationListener(config, federationTrust, federationEndpoints, metrics, realClock);
    } else {
      this.federationTrust = null;
      this.peerChannel = null;
      this.nodeSignatures = null;
      this.peerKeys = null;
      this.kasFederation = null;
      this.auditWitnesses = null;
      this.transferFederation = null;
      this.federationEndpoints = List.of();
      this.federationListener = null;
    }
    this.transfers = transfers;
    List<Endpoint> list = new ArrayList<>(nodeEndpoints());
    list.addAll(new UserEndpoints(config, registry, accounts).endpoints());
    list.addAll(new AgreementEndpoints(config, registry).endpoints());
    list.addAll(new DecisionEndpoints(config, engine, decisions, items, metrics).endpoints());
    list.addAll(new ItemEndpoints(config, registry, items, releases, archives).endpoints());
    list.addAll(new ConsentEndpoints(config, registry, items, new Consents(items, transfers)).endpoints());
    list.addAll(new AuditEndpoints(new AuditReading(items)).endpoints());
    list.addAll(new LogisticsEndpoints(registry, new Logistics(registry, store, party.code()), config.clock(), party.code(), config.maxBodyBytes())
        .endpoints());
    list.addAll(new KasEndpoints(config, new KeyAccessService(items, keyring, party.code(), KAS_REPLAY_CAPACITY), keyring).endpoints());
    if (transfers != null) {
      list.addAll(new TransferEndpoints(config, registry, transfers).endpoints());
    }
    if (auditWitnesses != null) {
      list.addAll(auditWitnesses.apiEndpoints());
    }
    list.addAll(new WebEndpoints(cookies).endpoints());
    this.endpoints = List.copyOf(list);
    this.openApi = Json.write(OpenApi.document(endpoints, VERSION), true).getBytes(StandardCharsets.UTF_8);
    this.app = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.http.maxRequestSize = config.maxBodyBytes();
      javalin.router.ignoreTrailingSlashes = true;
      WebEndpoints.serveStaticPages(javalin);
      HttpEdges.configure(javalin, config.tls() != null, config.clock());
      if (config.tls() != null) {
        javalin.jetty.addConnector((server, http) -> TlsConnector.create(server, http, config));
      }
    });
    for (Endpoint endpoint : endpoints) {
      register(endpoint);
    }
    ExceptionProblems problems = new ExceptionProblems(config, metrics);
    app.exception(Exception.class, problems::onException);
    // Javalin maps its own 404/405 itself unless told otherwise; here they become problems too (405 with Allow).
    app.exception(HttpResponseException.class, problems::onException);
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
      server.db.close();
      server.store.close();
      throw new ServerException("cannot listen on " + config.host() + ":" + config.port() + ": " + e.getClass().getSimpleName(), e);
    }
    // the KAS URL exports name: --public-url, or this listener's own scheme://host:port; then /kas
    server.store.recordKasUrl(config.kasUrl(server.port()));
    if (server.federationListener != null) {
      ServerConfig.Federation federation = config.federation();
      try {
        server.federationListener.start(federation.host(), federation.port());
      } catch (RuntimeException e) {
        server.close();
        throw new ServerException("cannot open the federation listener on " + federation.host() + ":" + federation.port() + ": "
            + e.getClass().getSimpleName(), e);
      }
      server.kasFederation.start();
      server.auditWitnesses.start();
      server.transferFederation.start();
      LOG.info("pactbridge node {} federation listener on {}:{} ({} peers)", config.party(), federation.host(), server.federationPort(),
          server.peerChannel.peers().size());
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

  /** The federation listener's port; -1 without federation. */
  public int federationPort() {
    return federationListener == null ? -1 : federationListener.port();
  }

  /** The routes of the federation listener (empty without federation). */
  public List<FederationEndpoint> federationEndpoints() {
    return federationEndpoints;
  }

  /** The way to the peers; empty without federation. */
  public Optional<PeerChannel> peerChannel() {
    return Optional.ofNullable(peerChannel);
  }

  /** This node's signatures on statements to its peers; empty without federation. */
  public Optional<NodeSignatures> nodeSignatures() {
    return Optional.ofNullable(nodeSignatures);
  }

  /** The peers' pinned KAS keys; empty without federation. */
  public Optional<PinnedPeerKeys> peerKeys() {
    return Optional.ofNullable(peerKeys);
  }

  /** Witnessed audit; empty without federation. */
  Optional<AuditWitnessFederation> auditWitnesses() {
    return Optional.ofNullable(auditWitnesses);
  }

  /** Announces this node's KAS key to every peer not yet told it, now (the announcer does so every ten seconds). For tests. */
  int announceKasKey() {
    return kasFederation.announce();
  }

  /** The node's transfers between nodes; empty without federation. For tests and the integrator's demo. */
  public Optional<Transfers> transfers() {
    return Optional.ofNullable(transfers);
  }

  public Accounts accounts() {
    return accounts;
  }

  /** The node's ZTDF keys as this process holds them (a rotation or retirement here is seen at once). For tests. */
  NodeKeyring keyring() {
    return keyring;
  }

  /** The node's store. For tests. */
  Store store() {
    return store;
  }

  /** The first-start admin token, present only on the start that created it: show it once. */
  public Optional<Accounts.Issued> firstStartAdmin() {
    return firstStart;
  }

  @Override
  public void close() {
    if (transferFederation != null) {
      transferFederation.close();
    }
    if (kasFederation != null) {
      kasFederation.close();
    }
    if (auditWitnesses != null) {
      auditWitnesses.close();
    }
    if (federationListener != null) {
      federationListener.stop();
    }
    app.stop();
    accounts.close();
    gcMetrics.close();
    metrics.close();
    db.close();
    store.close();
  }

  /** The node's own endpoints: health, metrics and this document. */
  private List<Endpoint> nodeEndpoints() {
    return List.of(
        new Endpoint("GET", "/health", "health", "Liveness and database health", Endpoint.PUBLIC, null, "{status, party, database, version, clock: {mode, now, start}}", this::health),
        new Endpoint("GET", "/metrics", "metrics", "Prometheus metrics (text exposition format)", Endpoint.PUBLIC, null,
            "Prometheus text", (ctx, caller) -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape())),
        new Endpoint("GET", "/api/openapi.json", "openapi", "This document", Endpoint.PUBLIC, null, "OpenAPI 3.1",
            (ctx, caller) -> ctx.contentType(Http.JSON).result(openApi)));
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
    ObjectNode clock = node.putObject("clock");
    if (config.clock() instanceof org.pactbridge.service.ExerciseClock exercise) {
      // the web UI reads this to show its exercise banner on every page
      clock.put("mode", "exercise");
      clock.put("now", exercise.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
      clock.put("start", exercise.start().toString());
    } else {
      clock.put("mode", "real");
      clock.put("now", config.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    }
    Http.json(ctx, databaseUp ? 200 : 503, node);
  }

  /** {@code GET /federation/v1/hello}: who this node is, to the authenticated peer, and its decision instant. */
  private void hello(Context ctx, org.pactbridge.core.party.PartyCode peer) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("party", party.code().value());
    node.put("peer", peer.value());
    node.put("version", VERSION);
    node.put("instant", config.clock().instant().toString());
    Http.json(ctx, 200, node);
  }

  private static String roleList(Set<Role> roles) {
    return String.join(", ", roles.stream().sorted().map(Role::slug).toList());
  }
}
