package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pactbridge.core.user.Role;

/**
 * Bad input gets a 4xx problem+json naming the problem and its reason code, with no stack trace and
 * no echo of the body; nothing is half-stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {
  private static final long LIMIT = 4096;
  private final TestNode node = TestNode.start(TestNode.Db.H2, LIMIT).withRoleUsers();

  @AfterAll
  void stop() {
    node.close();
  }

  private String analyst() {
    return node.tokens.get(Role.ANALYST);
  }

  private TestNode.Response decide(String body) {
    return node.post("/api/v1/decisions", analyst(), body);
  }

  private static void assertProblem(TestNode.Response response, int status, String code, String detailContains) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.contentType()).isTrue();
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.json().get("type").asText()).startsWith("urn:pactbridge:problem:");
    assertThat(response.json().get("title").asText()).isNotBlank();
    assertThat(response.json().get("status").asInt()).isEqualTo(status);
    assertThat(response.json().get("detail").asText()).contains(detailContains);
    assertThat(response.body()).doesNotContain("org.pactbridge", "at java.", "Exception");
  }

  @Test
  void malformedJsonNamesLineAndColumnButNotTheBytes() {
    TestNode.Response response = decide("{\"originator\": \"KOR\",\n \"level\": TOP-SECRET-CONTENT }");
    assertProblem(response, 400, "MALFORMED_JSON", "line 2");
    assertThat(response.json().get("line").asInt()).isEqualTo(2);
    assertThat(response.body()).doesNotContain("TOP-SECRET-CONTENT");
  }

  @Test
  void truncatedAndTrailingJsonAreMalformed() {
    assertProblem(decide("{\"originator\": \"KOR\""), 400, "MALFORMED_JSON", "malformed JSON");
    assertProblem(decide("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"} {}"), 400, "MALFORMED_JSON", "content after the JSON value");
  }

  @Test
  void duplicateKeysAreMalformed() {
    assertProblem(decide("{\"originator\":\"KOR\",\"originator\":\"USA\",\"level\":\"II\",\"to\":\"JPN\"}"), 400, "MALFORMED_JSON",
        "duplicate field 'originator'");
  }

  @Test
  void unknownFieldsAreNamedWithTheirPointer() {
    TestNode.Response response = decide("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"relto\":[\"USA\"]}");
    assertProblem(response, 400, "UNKNOWN_FIELD", "unknown field 'relto'");
    assertThat(response.json().get("detail").asText()).contains("relTo");
    assertThat(response.json().get("pointer").asText()).isEqualTo("/relto");
    TestNode.Response nested = decide("{\"requests\":[{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\"},{\"colour\":\"red\"}]}");
    assertProblem(nested, 400, "UNKNOWN_FIELD", "unknown field 'colour'");
    assertThat(nested.json().get("pointer").asText()).isEqualTo("/requests/1/colour");
  }

  @Test
  void wrongTypesAreNamedWithTheirPointer() {
    TestNode.Response response = decide("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"noforn\":{\"yes\":1}}");
    assertProblem(response, 400, "WRONG_TYPE", "/noforn");
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
    String big = "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"topics\":[\"" + "a".repeat((int) LIMIT) + "\"]}";
    assertProblem(decide(big), 413, "BODY_TOO_LARGE", String.valueOf(LIMIT));
  }

  @Test
  void anEmptyBodyOrAnotherMediaTypeIsRefused() {
    assertProblem(node.send("POST", "/api/v1/decisions", analyst(), "", "application/json"), 400, "EMPTY_BODY", "JSON body");
    assertProblem(node.send("POST", "/api/v1/decisions", analyst(), "originator=KOR", "application/x-www-form-urlencoded"), 415,
        "UNSUPPORTED_MEDIA_TYPE", "application/json");
  }

  @ParameterizedTest(name = "marking {0}")
  @CsvSource(delimiter = '|', value = {
      "SECRIT//REL TO USA|unknown classification 'SECRIT'|0|UNKNOWN_CLASSIFICATION",
      "//KOR IV//REL TO USA|unknown level 'IV' for party KOR|6|UNKNOWN_LEVEL",
      "//XYZ II|unknown party 'XYZ'|2|UNKNOWN_PARTY",
      "SECRET//REL TO USA, QQQ|unknown party or community 'QQQ' in REL TO|20|UNKNOWN_RELEASABILITY_ENTRY",
      "SECRET//NOFORN//REL TO USA|'REL TO' given with NOFORN|16|CONFLICTING_RELEASABILITY"})
  void badMarkingsNameTheTokenAndItsIndex(String marking, String detail, int index, String grammarCode) {
    TestNode.Response response = decide("{\"marking\":\"" + marking + "\",\"to\":\"JPN\"}");
    assertProblem(response, 400, "BAD_MARKING", detail);
    assertThat(response.json().get("detail").asText()).contains("(at index " + index + ")", "[" + grammarCode + "]");
  }

  @Test
  void aFieldThatContradictsTheMarkingIsBadInput() {
    assertProblem(decide("{\"marking\":\"//KOR II\",\"originator\":\"USA\",\"to\":\"JPN\"}"), 400, "CONTRADICTORY_INPUT",
        "field 'originator' (USA) contradicts the marking '//KOR II'");
  }

  @Test
  void badDatesAreNamed() {
    assertProblem(decide("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"at\":\"2011-02-30\"}"), 400, "MALFORMED_DATE", "'2011-02-30'");
    assertProblem(node.get("/api/v1/coverage?at=yesterday", analyst()), 400, "MALFORMED_DATE", "'yesterday'");
    assertProblem(node.get("/api/v1/agreements?at=2011-01", analyst()), 400, "MALFORMED_DATE", "'2011-01'");
  }

  @Test
  void unknownPartiesAndLevelsAreNamed() {
    assertProblem(decide("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"XXX\"}"), 400, "UNKNOWN_PARTY", "'XXX'");
    assertProblem(decide("{\"originator\":\"KOR\",\"level\":\"SECRET\",\"to\":\"JPN\"}"), 400, "UNKNOWN_LEVEL", "'SECRET'");
    assertProblem(decide("{\"level\":\"II\",\"to\":\"JPN\"}"), 400, "MISSING_FIELD", "'originator'");
  }

  @Test
  void unknownRoutesAreProblemsToo() {
    assertProblem(node.get("/api/v1/nothing-here", analyst()), 404, "NOT_FOUND", "/api/v1/nothing-here");
  }

  @Test
  void aRefusedUserIsNotHalfStored() {
    long before = node.server.accounts().users().count();
    assertProblem(node.post("/api/v1/users", node.adminToken,
        "{\"name\":\"half\",\"nationality\":\"KOR\",\"clearance\":\"USA:SECRET\",\"roles\":[\"analyst\"]}"), 400, "UNKNOWN_LEVEL", "SECRET");
    assertProblem(node.post("/api/v1/users", node.adminToken,
        "{\"name\":\"half\",\"nationality\":\"KOR\",\"clearance\":\"II\",\"roles\":[\"spy\"]}"), 400, "UNKNOWN_ROLE", "'spy'");
    assertProblem(node.post("/api/v1/users", node.adminToken,
        "{\"name\":\"Half Name\",\"nationality\":\"KOR\",\"clearance\":\"II\",\"roles\":[\"analyst\"]}"), 400, "MALFORMED_USER_NAME", "'Half Name'");
    assertThat(node.server.accounts().users().count()).isEqualTo(before);
    assertThat(node.server.accounts().users().findByName("half")).isEmpty();
  }
}
