package org.pactbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.api.json.Json;

/**
 * Issue 22, part 4: a node on a PostgreSQL primary with a synchronous streaming-replication standby
 * ({@code synchronous_commit = remote_apply}) loses nothing it acknowledged when the primary dies.
 *
 * <p>A real {@code pactbridge serve} process runs on the URL that names both hosts with {@code
 * targetServerType=primary}. Two clients register items and record decisions on them as fast as the node
 * answers; each 201 or 200 is an acknowledgement, kept. Mid-load the primary is killed with {@code kill -9}
 * (postmaster and backends at once), the standby promoted, and the node, whose one connection died with
 * the primary, restarted on the same URL, which now reaches the promoted standby. Then every acknowledged
 * item is there with its content hash, every acknowledged decision is in {@code release_record}, every
 * acknowledgement's audit entry ({@code ITEM_ADDED}, {@code DECISION_RECORDED}) is in the chain, the chain
 * verifies through the node and with {@code audit verify} against the node's audit head file (written after
 * each commit: a head the database had not kept would fail it), and the node takes new writes.
 *
 * <p>Skipped, saying why, only where the PostgreSQL binaries are not installed.
 */
class PostgresFailoverTest {
  private static final String DATABASE = "pactbridge_failover";

  @TempDir
  Path home;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private record Acked(String item, String sha256) {}

  @Test
  void everyAcknowledgedWriteSurvivesKillingThePrimaryAndPromotingTheStandby() throws Exception {
    Optional<Path> bin = PostgresPair.binaries();
    Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL binaries (initdb, pg_basebackup, pg_ctl) under /usr/lib/postgresql/*/bin: failover not tested");
    try (PostgresPair pair = PostgresPair.start(bin.get())) {
      pair.createDatabase(DATABASE);
      String url = pair.failoverUrl(DATABASE);
      NodeProcess first = serve(url);
      NodeProcess node = first;
      try {
        String admin = node.adminToken().orElseThrow(() -> new AssertionError("the first start printed no admin token"));
        String originator = tokenFor(node.url().toString(), admin, "failover-originator", "originator");
        String auditor = tokenFor(node.url().toString(), admin, "failover-auditor", "auditor");

        // The write load: items and recorded decisions, acknowledgements kept.
        List<Acked> items = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> decisions = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          int writer = w;
          String address = first.url().toString();
          Thread thread = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
              try {
                HttpResponse<String> added = post(address, originator, "/api/v1/items", "{\"originator\":\"KOR\",\"level\":\"II\",\"relTo\":[\"USA\"],"
                    + "\"topics\":[\"dprk-missile\"],\"content\":\"report " + writer + "-" + i + "\"}");
                if (added.statusCode() != 201) {
                  failures.incrementAndGet();
                  continue;
                }
                JsonNode item = Json.MAPPER.readTree(added.body());
                String id = item.get("id").asText();
                items.add(new Acked(id, item.get("contentSha256").asText()));
                HttpResponse<String> decided = post(address, originator, "/api/v1/items/" + id + "/decisions", "{\"to\":\"USA\"}");
                if (decided.statusCode() == 200) {
                  decisions.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
                } else {
                  failures.incrementAndGet();
                }
              } catch (Exception refusedOrCut) {
                failures.incrementAndGet();
              }
            }
          }, "failover-writer-" + w);
          thread.start();
          writers.add(thread);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (items.size() < 40 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        pair.killPrimary();
        Thread.sleep(1000); // writes in flight fail now; none may be acknowledged
        stop.set(true);
        for (Thread thread : writers) {
          thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(items).as("acknowledged items before the kill").hasSizeGreaterThanOrEqualTo(10);
        node.kill(); // its one connection died with the primary

        pair.promoteStandby();
        node = serve(url);
        assertThat(get(node.url().toString(), admin, "/api/v1/me").statusCode()).as("the restarted node knows the admin's token").isEqualTo(200);

        // Every acknowledged item, with the content it was given.
        List<Acked> acked = List.copyOf(items);
        for (Acked item : acked) {
          HttpResponse<String> read = get(node.url().toString(), originator, "/api/v1/items/" + item.item());
          assertThat(read.statusCode()).as("item %s after failover: %s", item.item(), read.body()).isEqualTo(200);
          assertThat(Json.MAPPER.readTree(read.body()).get("contentSha256").asText()).isEqualTo(item.sha256());
        }
        // Every acknowledged decision, in the promoted standby's release records.
        try (Connection connection = DriverManager.getConnection(pair.standbyUrl(DATABASE));
            PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM release_record WHERE item_id = ?")) {
          for (Map.Entry<String, AtomicInteger> decided : decisions.entrySet()) {
            count.setString(1, decided.getKey());
            try (ResultSet row = count.executeQuery()) {
              row.next();
              assertThat(row.getInt(1)).as("recorded decisions on %s", decided.getKey()).isGreaterThanOrEqualTo(decided.getValue().get());
            }
          }
        }
        // Every acknowledgement's audit entry, and the chain verifies.
        for (Acked item : acked) {
          JsonNode entries = Json.MAPPER.readTree(get(node.url().toString(), auditor, "/api/v1/audit/entries?item=" + item.item()).body()).get("entries");
          List<String> kinds = new ArrayList<>();
          entries.forEach(entry -> kinds.add(entry.get("kind").asText()));
          assertThat(kinds).as("audit entries of %s", item.item()).contains("ITEM_ADDED");
          int recorded = decisions.getOrDefault(item.item(), new AtomicInteger()).get();
          assertThat(kinds.stream().filter("DECISION_RECORDED"::equals).count()).isGreaterThanOrEqualTo(recorded);
        }
        JsonNode verified = Json.MAPPER.readTree(get(node.url().toString(), auditor, "/api/v1/audit/verify").body());
        assertThat(verified.get("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("entries").asLong()).isGreaterThanOrEqualTo(acked.size() + decisions.size());

        // The promoted standby takes writes.
        assertThat(post(node.url().toString(), originator, "/api/v1/items", "{\"originator\":\"KOR\",\"level\":\"II\",\"content\":\"after failover\"}")
            .statusCode()).isEqualTo(201);
        node.close();
        assertThat(node.isAlive()).isFalse();

        // audit verify, against the signed heads and the audit head file the node kept beside its keys
        ProcessBuilder verifying = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"), Main.class.getName(), "audit", "verify",
            "--db", url).redirectErrorStream(true).directory(home.toFile());
        verifying.environment().put("PACTBRIDGE_HOME", home.toString());
        Process verify = verifying.start();
        verify.getOutputStream().close();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).startsWith("OK: ");
      } finally {
        node.kill();
      }
    }
  }

  /** {@code pactbridge serve} on {@code url} as its own process, with this test's data folder (keys, head file). */
  private NodeProcess serve(String url) {
    return NodeProcess.start(home, List.of("--port", "0", "--db", url), Map.of(), Duration.ofSeconds(180));
  }

  private String tokenFor(String node, String admin, String name, String role) throws Exception {
    HttpResponse<String> user = post(node, admin, "/api/v1/users", "{\"name\":\"" + name + "\",\"nationality\":\"KOR\",\"clearance\":\"I\","
        + "\"needToKnow\":[\"dprk-missile\"],\"roles\":[\"" + role + "\"]}");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(201);
    HttpResponse<String> token = post(node, admin, "/api/v1/users/" + Json.MAPPER.readTree(user.body()).get("id").asText() + "/tokens", "{}");
    assertThat(token.statusCode()).as(token.body()).isEqualTo(201);
    return Json.MAPPER.readTree(token.body()).get("token").asText();
  }

  private HttpResponse<String> post(String node, String token, String path, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String node, String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(node + path)).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
