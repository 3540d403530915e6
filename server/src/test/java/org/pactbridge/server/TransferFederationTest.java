package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pactbridge.server.FederationFixture.JPN;
import static org.pactbridge.server.FederationFixture.KOR;
import static org.pactbridge.server.FederationFixture.USA;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;

/**
 * Transfers end to end: three real nodes (KOR, USA, JPN) in one JVM, each with its own H2 database, its
 * PKI made by {@code pki init}'s code and its federation listener on a loopback port (TLS 1.3, client
 * certificates), their delivery workers running. Users call each node's REST API; the nodes talk only over
 * the federation listeners. The scenario: KOR → JPN refused by KOR's node on 2011-01-05; on 2015-06-01
 * KOR → USA, then USA → JPN after KOR's disclosure officer consents on KOR's node, the signed consent
 * travelling with the second transfer. The nodes share an exercise clock the test sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferFederationTest {
  @TempDir static Path dir;
  private final MovableClock clock = new MovableClock(Instant.parse("2011-01-05T00:00:00Z"));
  private final Map<PartyCode, TestNode> nodes = new LinkedHashMap<>();
  private FederationFixture pkis;

  /** The exercise clock the three nodes share. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeAll
  void start() throws IOException {
    pkis = new FederationFixture(dir);
    for (PartyCode party : new PartyCode[] {KOR, USA, JPN}) {
      pkis.writePeers(party, new LinkedHashMap<>());
      ServerConfig config = ServerConfig.of(TestNode.REFERENCE, party, "jdbc:h2:mem:xfer-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
          TestNode.keyDir(), 0).withClock(clock).withFederation(new ServerConfig.Federation("127.0.0.1", 0, pkis.pki(party), pkis.peersFile(party)));
      nodes.put(party, TestNode.start(config));
    }
    // each node's peers file names the other two at their listeners' ports (read again on change, no restart)
    for (PartyCode party : nodes.keySet()) {
      Map<PartyCode, Integer> peers = new LinkedHashMap<>();
      nodes.forEach((other, node) -> {
        if (!other.equals(party)) {
          peers.put(other, node.server.federationPort());
        }
      });
      pkis.writePeers(party, peers);
    }
  }

  @AfterAll
  void stop() {
    nodes.values().forEach(TestNode::close);
  }

  private TestNode node(PartyCode party) {
    return nodes.get(party);
  }

  @Test
  void koreaToJapanIsRefusedIn2011ThenTheTisaRelayDeliversWithKoreasSignedConsent() throws Exception {
    TestNode kor = node(KOR);
    TestNode usa = node(USA);
    TestNode jpn = node(JPN);
    String korOriginator = kor.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
    String korOfficer = kor.user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
    String usaOfficer = usa.user("usa-fdo", "USA", "TOP_SECRET", Role.DISCLOSURE_OFFICER);
    String jpnAnalyst = jpn.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
    TestNode.Response created = kor.post("/api/v1/items", korOriginator,
        "{\"marking\":\"//KOR II\",\"topics\":[\"dprk-missile\"],\"content\":\"launch sites\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String item = created.json().get("id").asText();

    // 2011-01-05: refused by Korea's node, nothing sent
    TestNode.Response refused = kor.post("/api/v1/transfers", korOriginator, "{\"item\":\"" + item + "\",\"to\":\"JPN\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(201);
    assertThat(refused.json().get("state").asText()).isEqualTo("REFUSED");
    assertThat(refused.json().get("refusedBy").asText()).isEqualTo("KOR");
    assertThat(codes(refused.json())).contains("NO_AGREEMENT_IN_FORCE");

    // 2015-06-01: KOR -> USA over the federation listeners
    clock.now = Instant.parse("2015-06-01T00:00:00Z");
    TestNode.Response first = kor.post("/api/v1/transfers", korOriginator, "{\"item\":\"" + item + "\",\"to\":\"USA\"}");
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("state").asText()).isEqualTo("QUEUED");
    JsonNode delivered = await(kor, korOriginator, "/api/v1/transfers/" + first.json().get("id").asText(),
        transfer -> !transfer.get("state").asText().equals("QUEUED"));
    assertThat(delivered.get("state").asText()).as(delivered.toString()).isEqualTo("DELIVERED");
    assertThat(delivered.get("receipt").get("by").asText()).isEqualTo("USA");
    JsonNode usaInbox = usa.get("/api/v1/transfers/inbox", usaOfficer).json();
    assertThat(usaInbox).hasSize(1);
    assertThat(usaInbox.get(0).get("receipt").get("jws").asText()).isEqualTo(delivered.get("receipt").get("jws").asText());

    // USA -> JPN needs Korea's consent: asked of Korea's node, answered by its officer, signed, carried back
    TestNode.Response second = usa.post("/api/v1/transfers", usaOfficer, "{\"item\":\"" + item + "\",\"to\":\"JPN\"}");
    assertThat(second.status()).as(second.body()).isEqualTo(201);
    assertThat(second.json().get("state").asText()).isEqualTo("AWAITING_CONSENT");
    JsonNode queue = await(kor, korOfficer, "/api/v1/consents?state=pending", requests -> requests.size() > 0);
    assertThat(queue.get(0).get("node").get("direction").asText()).isEqualTo("IN");
    assertThat(queue.get(0).get("node").get("peer").asText()).isEqualTo("USA");
    assertThat(queue.get(0).get("recipient").asText()).isEqualTo("JPN");
    TestNode.Response answered = kor.post("/api/v1/consents/" + queue.get(0).get("id").asText() + "/answer", korOfficer, "{\"verdict\":\"GRANTED\"}");
    assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    JsonNode relayed = await(usa, usaOfficer, "/api/v1/transfers/" + second.json().get("id").asText(),
        transfer -> transfer.get("state").asText().equals("DELIVERED") || transfer.get("state").asText().equals("REFUSED"));
    assertThat(relayed.get("state").asText()).as(relayed.toString()).isEqualTo("DELIVERED");
    assertThat(relayed.get("consents").get(0).asText()).isEqualTo("KOR");
    assertThat(codes(relayed)).contains("CONSENTS_VERIFIED");
    JsonNode jpnInbox = jpn.get("/api/v1/transfers/inbox", jpnAnalyst).json();
    assertThat(jpnInbox).hasSize(1);
    assertThat(jpnInbox.get(0).get("from").asText()).isEqualTo("USA");
    assertThat(jpnInbox.get(0).get("item").asText()).isEqualTo(item);
    // Japan's users find the item on their own node
    TestNode.Response seen = jpn.get("/api/v1/items/" + item, jpnAnalyst);
    assertThat(seen.status()).as(seen.body()).isEqualTo(200);
  }

  private static java.util.List<String> codes(JsonNode transfer) {
    java.util.List<String> codes = new java.util.ArrayList<>();
    transfer.get("reasons").forEach(reason -> codes.add(reason.get("code").asText()));
    return codes;
  }

  /** Polls a GET until {@code done} holds (the workers deliver in the background); fails after a minute. */
  private static JsonNode await(TestNode node, String token, String path, Predicate<JsonNode> done) throws InterruptedException {
    JsonNode last = null;
    for (int i = 0; i < 600; i++) {
      TestNode.Response response = node.get(path, token);
      assertThat(response.status()).as(response.body()).isEqualTo(200);
      last = response.json();
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not reached within a minute: " + last);
  }
}
