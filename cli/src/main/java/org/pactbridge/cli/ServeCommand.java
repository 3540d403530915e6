package org.pactbridge.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.server.NodeServer;
import org.pactbridge.server.ServerConfig;
import org.pactbridge.service.ExerciseClock;
import org.pactbridge.store.Store;
import org.pactbridge.store.StoreConfig;
import org.pactbridge.world.WorldLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pactbridge serve}: run this nation's node. By default on embedded H2 in the data directory
 * ({@code $PACTBRIDGE_HOME}, as the store's commands use it) with the reference world. On first start it prints the admin token once.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Run a Pactbridge node: the REST API under /api/v1, /health, /metrics and /api/openapi.json."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--db-user", paramLabel = "USER", description = "Database user (or PACTBRIDGE_DB_USER).")
  String dbUser = System.getenv("PACTBRIDGE_DB_USER");

  @Option(names = "--public-url", paramLabel = "URL",
      description = "The URL others reach this node at (default: the listener's own scheme://host:port); its key access service is URL/kas,"
          + " which exported archives name.")
  String publicUrl;

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(names = "--host", paramLabel = "HOST",
      description = "Address to bind (default: ${DEFAULT-VALUE}). Other than loopback it needs --tls-keystore, or --insecure-http.")
  String host = "127.0.0.1";

  @Option(names = "--insecure-http",
      description = "Allow plain HTTP on an address other than loopback: tokens, session cookies and item content then cross the network in clear.")
  boolean insecureHttp;

  @Option(names = "--party", paramLabel = "PARTY", description = "The nation this node serves (default: ${DEFAULT-VALUE}).")
  String party = "KOR";

  @Option(names = "--data", paramLabel = "DIR", description = "Read the world from DIR (its world.yaml) instead of the built-in reference world.")
  Path data;

  @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest accepted request body (default: ${DEFAULT-VALUE}).")
  long maxBody = ServerConfig.DEFAULT_MAX_BODY;

  @Option(names = "--tls-keystore", paramLabel = "P12",
      description = "Serve HTTPS with this PKCS#12 key store (password from PACTBRIDGE_TLS_PASSWORD).")
  Path tlsKeyStore;

  @Option(names = "--tls-truststore", paramLabel = "P12",
      description = "Also accept client certificates trusted by this PKCS#12 store (password from PACTBRIDGE_TLS_TRUST_PASSWORD); the CN names the user.")
  Path tlsTrustStore;

  @Option(names = "--clock", paramLabel = "DATE",
      description = "Run on an exercise clock: the node's \"now\" starts at DATE (2015-06-01, or an instant 2015-06-01T09:00:00Z) and"
          + " advances with real time. It governs decisions and the instants in records and audit entries; tokens, sessions and"
          + " certificates keep the real clock. Every response carries Pactbridge-Clock and the web UI shows a banner.")
  String clock;

  /** The exercise clock's start, as --clock gives it: a date (its midnight UTC) or an instant; one clear line when it is neither. */
  static Instant exerciseStart(String text) {
    try {
      return DateSpec.parseInstant(text.strip());
    } catch (RuntimeException e) {
      throw new BadInputException("--clock " + text + ": expected a date such as 2015-06-01 or an instant such as 2015-06-01T09:00:00Z");
    }
  }

  @Option(names = "--federation-port", paramLabel = "PORT",
      description = "Open the federation listener on PORT (0 picks a free one): HTTPS, TLS 1.3 only, a peer's client certificate required."
          + " Needs --federation-tls and --peers.")
  Integer federationPort;

  @Option(names = "--federation-host", paramLabel = "HOST", description = "Address the federation listener binds (default: ${DEFAULT-VALUE}).")
  String federationHost = "127.0.0.1";

  @Option(names = "--federation-tls", paramLabel = "DIR", description = "This node's PKI folder, as pki init made it (re-read when it changes).")
  Path federationTls;

  @Option(names = "--peers", paramLabel = "FILE",
      description = "The peers file (YAML): each peer party's federation URL, CA certificate and CRL (re-read when it changes; docs/federation.md).")
  Path peers;

  @Override
  public Integer call() throws InterruptedException {
    Registry registry = data == null ? WorldLoader.reference() : WorldLoader.load(data);
    PartyCode code = registry.requireParty(party).code();
    String password = System.getenv("PACTBRIDGE_DB_PASSWORD");
    ServerConfig.Tls tls = null;
    if (tlsKeyStore != null) {
      String keyPassword = System.getenv("PACTBRIDGE_TLS_PASSWORD");
      if (keyPassword == null) {
        throw new BadInputException("--tls-keystore needs its password in the environment variable PACTBRIDGE_TLS_PASSWORD");
      }
      tls = new ServerConfig.Tls(tlsKeyStore, keyPassword, tlsTrustStore, System.getenv("PACTBRIDGE_TLS_TRUST_PASSWORD"));
    } else if (tlsTrustStore != null) {
      throw new BadInputException("--tls-truststore needs --tls-keystore");
    }
    if (publicUrl != null && !publicUrl.strip().matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
      throw new BadInputException("--public-url must be an http:// or https:// URL without query or fragment");
    }
    StoreConfig storeConfig = store.config();
    ServerConfig config = new ServerConfig(registry, code, storeConfig.jdbcUrl(), dbUser == null ? storeConfig.user() : dbUser,
        dbUser == null ? storeConfig.password() : password, host, port, null, maxBody, ServerConfig.DEFAULT_MAX_BATCH, tls, storeConfig.keyDir(),
        insecureHttp, null, publicUrl);
    if (clock != null) {
      config = config.withClock(ExerciseClock.startingAt(exerciseStart(clock), Clock.systemUTC()));
    }
    if (federationPort != null || federationTls != null || peers != null) {
      if (federationPort == null || federationTls == null || peers == null) {
        throw new BadInputException("the federation listener needs --federation-port, --federation-tls and --peers together");
      }
      if (!java.nio.file.Files.isDirectory(federationTls)) {
        throw new BadInputException("--federation-tls " + federationTls + " is not a folder (make one with pactbridge pki init)");
      }
      if (!java.nio.file.Files.isRegularFile(peers)) {
        throw new BadInputException("--peers " + peers + " does not exist");
      }
      try {
        config = config.withFederation(new ServerConfig.Federation(federationHost, federationPort, federationTls, peers));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--federation-port: " + e.getMessage());
      }
    }
    config.listenerRefusal().ifPresent(reason -> {
      throw new BadInputException(reason);
    });
    PrintWriter err = spec.commandLine().getErr();
    if (Main.verbose(spec)) {
      err.printf("serve: world %s, party %s, store %s, keys %s%n", data == null ? "reference (built in)" : data, code,
          config.storeConfig().displayUrl(), storeConfig.keyDir());
    }
    if (TerminalProgress.onTerminal()) {
      // The node opens the store itself; opening it here first runs any migrations with a progress line.
      Store.open(config.storeConfig(), TerminalProgress.migrations(err)).close();
    }
    NodeServer server = NodeServer.start(config);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("pactbridge node %s listening on %s://%s:%d (OpenAPI: /api/openapi.json)%n", code, tls == null ? "http" : "https", host,
        server.port());
    server.firstStartAdmin().ifPresent(issued -> {
      out.println("First start: created user 'admin'. Its API token is shown this once and is stored only as a hash:");
      out.println("  " + issued.secret());
    });
    if (server.federationPort() >= 0) {
      out.printf("federation listener on https://%s:%d (TLS 1.3, client certificates of %d peers)%n", federationHost, server.federationPort(),
          server.peerChannel().map(channel -> channel.peers().size()).orElse(0));
    }
    if (config.clock() instanceof ExerciseClock exercise) {
      out.printf("Exercise clock: this node's now started at %s and advances with real time (tokens and certificates use the real clock)%n",
          exercise.start());
    }
    // the last line of the start: harnesses (NodeProcess, the quickstart's test) read up to it
    out.printf("pactbridge node %s ready%n", code);
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "pactbridge-shutdown"));
    stopped.await();
    return 0;
  }
}
