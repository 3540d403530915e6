package org.pactbridge.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.Phase;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation listener: a second Javalin (Jetty) instance beside the user-facing one, HTTPS with TLS 1.3
 * only and a required client certificate ({@link FederationTls}). Before any route runs, each request's
 * client certificate is checked against the trust as it reads now: issued by a peer's CA, valid at the real
 * clock, not on that CA's CRL, naming that CA's party; and this node must have an information agreement
 * (an INFORMATION agreement or an arrangement both are party to) with that party, in force or surviving at
 * the node's decision instant ({@link ServerConfig#clock()}). A refusal is a 403 problem naming its code;
 * the handler of a {@link FederationEndpoint} gets the peer's party.
 */
final class FederationListener {
  private static final Logger LOG = LoggerFactory.getLogger(FederationListener.class);
  private static final String PEER = "pactbridge.federation.peer";

  private final Javalin app;
  private final FederationTrust trust;
  private final Registry registry;
  private final PartyCode self;
  private final Clock decisionClock;
  private final Clock realClock;

  FederationListener(ServerConfig config, FederationTrust trust, List<FederationEndpoint> endpoints, MeterRegistry metrics, Clock realClock) {
    this.trust = trust;
    this.registry = config.registry();
    this.self = config.party();
    this.decisionClock = config.clock();
    this.realClock = realClock;
    ServerConfig.Federation federation = config.federation();
    this.app = Javalin.create(javalin -> {
      javalin.showJavalinBanner = false;
      javalin.http.maxRequestSize = config.maxBodyBytes();
      javalin.router.ignoreTrailingSlashes = true;
      HttpEdges.configure(javalin, true, config.clock());
      javalin.jetty.addConnector((server, http) -> connector(server, http, federation, trust));
    });
    app.before(this::authenticate);
    for (FederationEndpoint endpoint : endpoints) {
      io.javalin.http.Handler handler = ctx -> endpoint.handler().handle(ctx, ctx.attribute(PEER));
      switch (endpoint.method()) {
        case "GET" -> app.get(endpoint.path(), handler);
        case "POST" -> app.post(endpoint.path(), handler);
        case "PUT" -> app.put(endpoint.path(), handler);
        case "DELETE" -> app.delete(endpoint.path(), handler);
        default -> throw new IllegalArgumentException("method " + endpoint.method());
      }
    }
    ExceptionProblems problems = new ExceptionProblems(config, metrics);
    app.exception(Exception.class, problems::onException);
    app.exception(HttpResponseException.class, problems::onException);
    app.error(404, ctx -> {
      String written = ctx.res().getContentType();
      if ((written == null || !written.startsWith(Http.PROBLEM_JSON)) && !ctx.res().isCommitted()) {
        Http.problem(ctx, ApiProblem.notFound("no resource at " + ctx.path()));
      }
    });
  }

  private static ServerConnector connector(Server server, HttpConfiguration http, ServerConfig.Federation federation, FederationTrust trust) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(FederationTls.server(trust));
    ssl.setIncludeProtocols(FederationTls.PROTOCOLS);
    ssl.setNeedClientAuth(true);
    ssl.setRenegotiationAllowed(false);
    // sessions are not resumed: every connection shows its certificate to the trust as it reads then
    ssl.setSessionCachingEnabled(false);
    HttpConfiguration https = new HttpConfiguration(http);
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(federation.host());
    connector.setPort(federation.port());
    return connector;
  }

  void start(String host, int port) {
    app.start(host, port);
  }

  int port() {
    return app.port();
  }

  void stop() {
    app.stop();
  }

  /** Checks the caller's certificate and agreement before any route; the peer's party goes to the handler. */
  private void authenticate(Context ctx) {
    Object attribute = ctx.req().getAttribute("jakarta.servlet.request.X509Certificate");
    if (!(attribute instanceof X509Certificate[] chain) || chain.length == 0) {
      throw refuse(ctx, 401, "PEER_CERT_MISSING", "Client certificate required", "the federation listener needs a peer's client certificate");
    }
    X509Certificate leaf = chain[0];
    FederationTrust.Snapshot now = trust.current();
    Optional<FederationTrust.Peer> issuer = now.issuerOf(leaf);
    if (issuer.isEmpty()) {
      throw refuse(ctx, 403, "PEER_UNKNOWN_CA", "Unknown certificate authority", "no CA in the peers file issued the client certificate");
    }
    FederationTrust.Peer peer = issuer.get();
    Optional<String> refusal = FederationTrust.refusal(leaf, peer.party(), peer.crl(), realClock.instant());
    if (refusal.isPresent()) {
      String code = refusal.get();
      throw refuse(ctx, 403, code, switch (code) {
        case "PEER_CERT_EXPIRED" -> "Certificate expired";
        case "PEER_CERT_NOT_YET_VALID" -> "Certificate not yet valid";
        case "PEER_CERT_REVOKED" -> "Certificate revoked";
        default -> "Certificate names another party";
      }, switch (code) {
        case "PEER_CERT_EXPIRED", "PEER_CERT_NOT_YET_VALID" -> "the client certificate of " + peer.party() + " is not valid now";
        case "PEER_CERT_REVOKED" -> "the client certificate is on the CRL of " + peer.party() + "'s CA";
        default -> "the client certificate was issued by " + peer.party() + "'s CA but does not name " + PartyPki.partyUri(peer.party());
      });
    }
    Instant decisionInstant = decisionClock.instant();
    if (!hasAgreement(registry, self, peer.party(), decisionInstant)) {
      throw refuse(ctx, 403, "PEER_NO_AGREEMENT", "No information agreement",
          "no information agreement between " + self + " and " + peer.party() + " is in force or surviving at " + decisionInstant);
    }
    ctx.attribute(PEER, peer.party());
  }

  private static ApiProblem refuse(Context ctx, int status, String code, String title, String detail) {
    LOG.info("federation: refused {} {} ({})", ctx.method(), ctx.path(), code);
    return new ApiProblem(status, code, title, detail);
  }

  /**
   * Whether {@code self} and {@code peer} have an information agreement (an INFORMATION agreement between
   * them, or an arrangement both are party to) in force at {@code at}, or surviving then: terminated or
   * expired after having been in force, when the protection it gave what was shared under it survives, and
   * with it the exchange of receipts and consents about that.
   */
  static boolean hasAgreement(Registry registry, PartyCode self, PartyCode peer, Instant at) {
    for (Agreement agreement : registry.between(self, peer, AgreementKind.INFORMATION)) {
      if (inForceOrSurviving(agreement.statusAt(at))) {
        return true;
      }
    }
    for (Agreement arrangement : registry.arrangements()) {
      if (arrangement.hasParty(self) && arrangement.hasParty(peer) && inForceOrSurviving(arrangement.statusAt(at))) {
        return true;
      }
    }
    return false;
  }

  private static boolean inForceOrSurviving(AgreementStatus status) {
    return status.inForce() || status.phase() == Phase.TERMINATED || status.phase() == Phase.EXPIRED;
  }
}
