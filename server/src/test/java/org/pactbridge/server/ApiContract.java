package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.user.Role;
import org.pactbridge.service.Accounts;

/**
 * The API over real HTTP against a node started on a random port; run once per database by the
 * subclasses. The expected JSON is built in-process from core requests written out by hand, with the
 * same views {@code check --json} and {@code coverage --json} print.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiContract {
  static final PartyCode KOR = PartyCode.of("KOR");
  static final PartyCode JPN = PartyCode.of("JPN");
  static final PartyCode USA = PartyCode.of("USA");

  final ReleaseEngine engine = new ReleaseEngine(TestNode.REFERENCE);
  final TestNode node;

  ApiContract(TestNode.Db db) {
    this.node = TestNode.start(db).withRoleUsers();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  String analyst() {
    return node.tokens.get(Role.ANALYST);
  }

  static Instant day(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  ReleaseRequest request(PartyCode originator, String level, PartyCode holder, PartyCode to, Set<Topic> topics, Set<PartyCode> consents,
      String at) {
    return new ReleaseRequest(Set.of(originator), TestNode.REFERENCE.requireParty(originator).findLevel(level, day(at)).orElseThrow(),
        Releasability.open(), false, topics, null, holder, to, null, consents, day(at));
  }

  @Test
  void aDecisionIsTheObjectThatCheckJsonPrints() {
    assertThat(node.post("/api/v1/decisions", analyst(), "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-01-05\"}").json())
        .isEqualTo(Json.decision(engine.decide(request(KOR, "II", KOR, JPN, Set.of(), Set.of(), "2011-01-05"))));
    assertThat(node.post("/api/v1/decisions", analyst(),
        "{\"originator\":\"KOR\",\"level\":\"II\",\"holder\":\"USA\",\"to\":\"JPN\",\"topics\":\"dprk-missile\",\"at\":\"2015-06-01\"}").json())
        .isEqualTo(Json.decision(engine.decide(request(KOR, "II", USA, JPN, Set.of(Topic.of("dprk-missile")), Set.of(), "2015-06-01"))));
    JsonNode consented = node.post("/api/v1/decisions", analyst(),
        "{\"originator\":\"KOR\",\"level\":\"II\",\"holder\":\"USA\",\"to\":\"JPN\",\"topics\":[\"dprk-missile\"],\"consents\":[\"KOR\"],"
            + "\"at\":\"2015-06-01\"}").json();
    assertThat(consented)
        .isEqualTo(Json.decision(engine.decide(request(KOR, "II", USA, JPN, Set.of(Topic.of("dprk-missile")), Set.of(KOR), "2015-06-01"))));
    assertThat(consented.get("decision").asText()).isEqualTo("PERMIT");
  }

  @Test
  void aMarkingStandsForOriginatorLevelAndReleasability() {
    JsonNode byMarking = node.post("/api/v1/decisions", analyst(), "{\"marking\":\"//KOR II//REL TO USA\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}").json();
    assertThat(byMarking.get("decision").asText()).isEqualTo("DENY");
    assertThat(byMarking.get("reasons").findValuesAsText("code")).contains("NOT_RELEASABLE_TO");
    JsonNode fields = node.post("/api/v1/decisions", analyst(),
        "{\"originator\":\"KOR\",\"level\":\"II\",\"relTo\":[\"USA\"],\"to\":\"JPN\",\"at\":\"2017-01-05\"}").json();
    assertThat(byMarking).isEqualTo(fields);
  }

  @Test
  void aBatchAnswersEachRequestInOrder() {
    JsonNode batch = node.post("/api/v1/decisions", analyst(), "{\"requests\":["
        + "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-01-05\"},"
        + "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}]}").json();
    assertThat(batch.get("decisions")).hasSize(2);
    assertThat(batch.get("decisions").get(0)).isEqualTo(Json.decision(engine.decide(request(KOR, "II", KOR, JPN, Set.of(), Set.of(), "2011-01-05"))));
    assertThat(batch.get("decisions").get(1)).isEqualTo(Json.decision(engine.decide(request(KOR, "II", KOR, JPN, Set.of(), Set.of(), "2017-01-05"))));
    assertThat(batch.get("decisions").get(1).get("decision").asText()).isEqualTo("PERMIT");
  }

  @Test
  void aBadRequestInABatchRefusesTheBatchAndNamesItsIndex() {
    TestNode.Response response = node.post("/api/v1/decisions", analyst(), "{\"requests\":["
        + "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"},{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-13-45\"}]}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("MALFORMED_DATE");
    assertThat(response.json().get("detail").asText()).startsWith("requests[1]: ");
    assertThat(response.json().get("index").asInt()).isEqualTo(1);
  }

  @Test
  void everyDecisionAndEveryBatchIsOnRecordBeforeItsAnswer() throws Exception {
    String asker = node.user("tally-" + java.util.UUID.randomUUID().toString().substring(0, 8), "KOR", "II", Role.ANALYST);
    java.net.http.HttpResponse<String> single = decide(asker, "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-01-05\"}");
    String batchBody = "{\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"},"
        + "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"USA\",\"at\":\"2017-01-05\"}]}";
    java.net.http.HttpResponse<String> batch = decide(asker, batchBody);
    String name = node.get("/api/v1/me", asker).json().get("name").asText();
    JsonNode decision = null;
    JsonNode batchEntry = null;
    // no flush: each answer came back only once its entry was committed
    for (JsonNode entry : node.get("/api/v1/audit/entries?limit=10000", node.tokens.get(Role.AUDITOR)).json().get("entries")) {
      if (entry.get("actor").asText().equals(name) && entry.get("kind").asText().equals("DECISION")) {
        decision = entry;
      }
      if (entry.get("actor").asText().equals(name) && entry.get("kind").asText().equals("DECISION_BATCH")) {
        batchEntry = entry;
      }
    }
    assertThat(decision).isNotNull();
    assertThat(decision.get("details").get("outcome").asText()).isEqualTo(Json.MAPPER.readTree(single.body()).get("decision").asText());
    assertThat(decision.get("details").get("to").asText()).isEqualTo("JPN");
    assertThat(decision.get("details").get("originator").asText()).isEqualTo("KOR");
    assertThat(decision.get("details").has("reasons")).isTrue();
    assertThat(single.headers().firstValue("Pactbridge-Audit-Entry")).contains(decision.get("seq").asText());
    assertThat(batchEntry).isNotNull();
    JsonNode details = batchEntry.get("details");
    assertThat(details.get("count").asLong()).isEqualTo(2);
    assertThat(details.get("outcome.permit").asLong() + details.get("outcome.consent-required").asLong() + details.get("outcome.deny").asLong())
        .isEqualTo(2);
    assertThat(details.get("outcome.permit").asLong()).isEqualTo(2);
    // the hashes are of the bytes as they crossed the wire: the client recomputes both
    assertThat(details.get("request-sha256").asText())
        .isEqualTo(org.pactbridge.service.Decisions.sha256Hex(batchBody.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(details.get("response-sha256").asText()).isEqualTo(org.pactbridge.service.Decisions.sha256Hex(batch.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    // a streamed batch's entry is written after its last byte, so no header can name it: the digests do
    assertThat(batch.headers().firstValue("Pactbridge-Audit-Entry")).isEmpty();
    assertThat(node.get("/api/v1/audit/verify", node.tokens.get(Role.AUDITOR)).json().get("ok").asBoolean()).isTrue();
  }

  @Test
  void routesAreTheRoutesTheEngineFinds() {
    JsonNode routes = node.post("/api/v1/routes", analyst(), "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-01-05\"}").json();
    ArrayNode expected = Json.MAPPER.createArrayNode();
    engine.routes(request(KOR, "II", KOR, JPN, Set.of(), Set.of(), "2011-01-05")).forEach(route -> expected.add(Json.route(route)));
    assertThat(routes.get("routes")).isEqualTo(expected).isNotEmpty();
  }

  @Test
  void agreementsAnswerAsOfADate() {
    JsonNode before = node.get("/api/v1/agreements/ROK-JPN-GSOMIA-2016?at=2011-01-05", analyst()).json();
    JsonNode after = node.get("/api/v1/agreements/ROK-JPN-GSOMIA-2016?at=2017-01-05", analyst()).json();
    assertThat(before.get("status").get("phase").asText()).isNotEqualTo("IN_FORCE");
    assertThat(after.get("status").get("phase").asText()).isEqualTo("IN_FORCE");
    assertThat(after).isEqualTo(Json.agreement(TestNode.REFERENCE.requireAgreement(org.pactbridge.core.agreement.AgreementId.of("ROK-JPN-GSOMIA-2016")),
        day("2017-01-05"), true));
    JsonNode inForce = node.get("/api/v1/agreements?at=2011-01-05&party=KOR&inForce=true", analyst()).json();
    assertThat(inForce.findValuesAsText("id")).contains("ROK-USA-GSOMIA-1987").doesNotContain("ROK-JPN-GSOMIA-2016");
    JsonNode events = node.get("/api/v1/agreements/ROK-JPN-GSOMIA-2016/events", analyst()).json();
    assertThat(events.get("events").findValuesAsText("type")).contains("SIGNED", "IN_FORCE", "TERMINATION_NOTICE");
    assertThat(node.get("/api/v1/agreements/NO-SUCH", analyst()).status()).isEqualTo(404);
  }

  @Test
  void coverageIsTheMatrixThatCoverageJsonPrints() {
    JsonNode cells = node.get("/api/v1/coverage?at=2017-01-05&parties=KOR,JPN,USA&topics=dprk-missile", analyst()).json();
    ArrayNode expected = Json.MAPPER.createArrayNode();
    new Coverage(engine).compute(day("2017-01-05"), Set.of(Topic.of("dprk-missile")), List.of(KOR, JPN, USA))
        .forEach(cell -> expected.add(Json.coverageCell(cell)));
    assertThat(cells).isEqualTo(expected);
  }

  @Test
  void whatIfReportsTheCellsAndDecisionsThatChange() {
    JsonNode result = node.post("/api/v1/whatif", analyst(), "{\"at\":\"2020-01-01\",\"parties\":[\"KOR\",\"JPN\"],"
        + "\"events\":[{\"agreement\":\"ROK-JPN-GSOMIA-2016\",\"type\":\"TERMINATED\",\"at\":\"2019-11-23\"}],"
        + "\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"}]}").json();
    assertThat(result.get("cells").findValuesAsText("from")).contains("KOR", "JPN");
    assertThat(result.get("decisions")).hasSize(1);
    assertThat(result.get("decisions").get(0).get("before").get("decision").asText()).isEqualTo("PERMIT");
    assertThat(result.get("decisions").get(0).get("after").get("decision").asText()).isNotEqualTo("PERMIT");
  }

  @Test
  void partiesListTheirSchemes() {
    JsonNode parties = node.get("/api/v1/parties", analyst()).json();
    assertThat(parties.findValuesAsText("code")).contains("KOR", "JPN", "USA");
    JsonNode japan = node.get("/api/v1/parties/JPN", analyst()).json();
    assertThat(japan.get("schemes").findValuesAsText("code")).contains("JPN:GOKUHI", "JPN:TOKUTEI");
  }

  @Test
  void aPartysPartnersAreTheNamedOnesBesideTheRecordsCounts() {
    JsonNode partners = node.get("/api/v1/parties/KOR/partners?at=2011-01-05", analyst()).json();
    assertThat(partners).isEqualTo(Json.partners(org.pactbridge.core.registry.PartnersAt.of(TestNode.REFERENCE, KOR, day("2011-01-05"),
        org.pactbridge.core.agreement.AgreementKind.INFORMATION)));
    assertThat(partners.get("counts").get(0).get("count").asText()).isEqualTo("21");
    assertThat(partners.get("named").findValuesAsText("party")).contains("USA").doesNotContain("JPN");
    assertThat(node.get("/api/v1/parties/KOR/partners?at=2011-01-05&kind=NONSENSE", analyst()).status()).isEqualTo(400);
    JsonNode exercises = node.get("/api/v1/exercises", analyst()).json();
    assertThat(exercises).isEqualTo(Json.exercises(TestNode.REFERENCE.exercises()));
    assertThat(exercises.findValuesAsText("id")).contains("ROK-JPN-SAREX");
    // the timeline's dates carry their precision
    JsonNode mlsa = node.get("/api/v1/agreements/ROK-USA-MLSA-1988?at=2011-01-05", analyst()).json();
    assertThat(mlsa.get("timeline").get(0).get("precision").asText()).isEqualTo("year");
    assertThat(mlsa.get("timeline").get(0).get("date").asText()).isEqualTo("1988 (year only)");
  }

  @Test
  void healthAndMetricsNeedNoToken() {
    assertThat(node.get("/health", null).json().get("status").asText()).isEqualTo("UP");
    node.post("/api/v1/decisions", analyst(), "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}");
    TestNode.Response metrics = node.get("/metrics", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("pactbridge_decisions_total{outcome=\"PERMIT\"}", "pactbridge_http_requests_seconds_count{endpoint=\"decide\"}",
        "jvm_memory_used_bytes");
  }

  @Test
  void tokensAreStoredAsHashesAndCanBeRevoked() {
    JsonNode me = node.get("/api/v1/me", analyst()).json();
    assertThat(me.get("roles").get(0).asText()).isEqualTo("analyst");
    assertThat(me.get("clearance").asText()).isEqualTo("KOR:I");
    JsonNode issued = node.post("/api/v1/me/tokens", analyst(), "{\"label\":\"script\"}").json();
    String secret = issued.get("token").asText();
    assertThat(node.server.accounts().tokens().findToken(issued.get("id").asText()).orElseThrow().hash())
        .isEqualTo(Accounts.hash(secret)).doesNotContain(secret);
    assertThat(node.get("/api/v1/me", secret).status()).isEqualTo(200);
    assertThat(node.delete("/api/v1/tokens/" + issued.get("id").asText(), node.tokens.get(Role.AUDITOR)).status()).isEqualTo(404);
    assertThat(node.delete("/api/v1/tokens/" + issued.get("id").asText(), secret).status()).isEqualTo(204);
    TestNode.Response after = node.get("/api/v1/me", secret);
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
  }

  @Test
  void anExpiredTokenIsRefused() {
    JsonNode issued = node.post("/api/v1/me/tokens", analyst(), "{\"expiresAt\":\"2999-01-01\"}").json();
    assertThat(issued.get("expiresAt").asText()).isEqualTo("2999-01-01T00:00:00Z");
    TestNode.Response past = node.post("/api/v1/me/tokens", analyst(), "{\"expiresAt\":\"2001-01-01\"}");
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.code()).isEqualTo("EXPIRY_IN_PAST");
  }

  private java.net.http.HttpResponse<String> decide(String token, String body) {
    return node.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url("/api/v1/decisions")))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)).build());
  }
}
