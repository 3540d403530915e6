package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.core.user.Role;

/**
 * Finding 2 of the security probe: a token revoked, or a user deleted, through one instance must stop
 * working on every other instance of the same node. Two real processes on one PostgreSQL schema: this
 * JVM's node (A), where the admin acts, and a node in a JVM of its own (B), where the attacker keeps
 * using what B has already seen. B must answer 401 once A's change is committed; the design bound is
 * one revocation poll (200 ms), and this test waits up to ten seconds so that a loaded machine cannot
 * make it flaky, then reports how long it took.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenRevocationAcrossProcessesSecurityTest {
  private TestNode a;
  private Process b;
  private int bPort;

  @BeforeAll
  void startBoth() throws IOException {
    a = TestNode.start(TestNode.Db.POSTGRES);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    b = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NodeProcessMain.class.getName(), a.config.dbUrl(),
        a.config.keyDir().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("PORT ")) {
        bPort = Integer.parseInt(line.substring(5).strip());
        break;
      }
    }
    assertThat(bPort).as("the second node process reported its port").isPositive();
  }

  @AfterAll
  void stopBoth() throws InterruptedException {
    if (b != null) {
      b.destroy();
      if (!b.waitFor(10, TimeUnit.SECONDS)) {
        b.destroyForcibly();
      }
    }
    if (a != null) {
      a.close();
    }
  }

  private TestNode.Response onB(String method, String path, String token, String body) {
    return a.sendTo(bPort, method, path, token, body, "application/json");
  }

  /** Asks B until it answers 401, for at most ten seconds; returns the statuses seen. */
  private List<Integer> untilRefusedOnB(String method, String path, String token, String body) throws InterruptedException {
    List<Integer> statuses = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      int status = onB(method, path, token, body).status();
      statuses.add(status);
      if (status == 401) {
        break;
      }
      Thread.sleep(50);
    }
    return statuses;
  }

  @Test
  void aTokenRevokedOnOneInstanceIsRefusedOnTheOther() throws InterruptedException {
    String token = a.user("revoked-analyst", "KOR", "II", Role.ANALYST);
    assertThat(onB("GET", "/api/v1/me", token, null).status()).as("B has authenticated (and cached) the token").isEqualTo(200);
    String tokenId = a.server.accounts().tokens().ofUser(a.userId("revoked-analyst")).get(0).id();
    assertThat(a.delete("/api/v1/tokens/" + tokenId, a.adminToken).status()).isEqualTo(204);

    List<Integer> statuses = untilRefusedOnB("GET", "/api/v1/me", token, null);
    assertThat(statuses).as("B's answers after the revoke on A").last().isEqualTo(401);
  }

  @Test
  void aRevokedAdminTokenCannotCreateAnAdminOnTheOtherInstance() throws InterruptedException {
    String token = a.user("second-admin", "KOR", "I", Role.ADMIN);
    assertThat(onB("GET", "/api/v1/users", token, null).status()).isEqualTo(200);
    String tokenId = a.server.accounts().tokens().ofUser(a.userId("second-admin")).get(0).id();
    assertThat(a.delete("/api/v1/tokens/" + tokenId, a.adminToken).status()).isEqualTo(204);

    assertThat(untilRefusedOnB("GET", "/api/v1/users", token, null)).last().isEqualTo(401);
    TestNode.Response create = onB("POST", "/api/v1/users", token, "{\"name\":\"intruder\",\"nationality\":\"KOR\",\"clearance\":\"I\",\"roles\":[\"admin\"]}");
    assertThat(create.status()).isEqualTo(401);
    assertThat(create.isProblem()).isTrue();
    assertThat(a.server.accounts().users().findByName("intruder")).isEmpty();
  }

  @Test
  void aDeletedUserIsRefusedOnTheOtherInstance() throws InterruptedException {
    String token = a.user("deleted-officer", "KOR", "II", Role.DISCLOSURE_OFFICER);
    assertThat(onB("GET", "/api/v1/me", token, null).status()).isEqualTo(200);
    assertThat(a.delete("/api/v1/users/" + a.userId("deleted-officer"), a.adminToken).status()).isEqualTo(204);

    assertThat(untilRefusedOnB("GET", "/api/v1/me", token, null)).last().isEqualTo(401);
    assertThat(a.get("/api/v1/me", token).status()).as("and at once on the instance that deleted").isEqualTo(401);
    assertThat(a.get("/api/v1/users", a.adminToken).json().findValuesAsText("name")).doesNotContain("deleted-officer");
  }
}
