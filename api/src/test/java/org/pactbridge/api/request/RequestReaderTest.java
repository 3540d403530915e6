package org.pactbridge.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pactbridge.api.Golden;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.label.SecurityLabel;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.world.WorldLoader;

/**
 * The one reader of a release request, in each of its forms: the read request is held to a golden
 * file, and each kind of bad input to its exact error (code, field as the form names it, token,
 * position, message).
 */
class RequestReaderTest {
  private static final Registry REFERENCE = WorldLoader.reference();
  private static final Instant NOW = Instant.parse("2020-01-01T00:00:00Z");

  // ---- the three forms, each to its golden file ----------------------------------------------------

  @Test
  void theCheckOptionsAreReadIntoARequest() {
    // As picocli hands them over: --originator and --consent split, --topics one string, flags as TRUE or absent.
    DecisionBody options = new DecisionBody(List.of("KOR"), "2급", "JPN", "USA", List.of("dprk-missile,dprk-nuclear"), List.of("USA", "JPN", "KOR"),
        null, Boolean.TRUE, List.of("KOR"), "2015-06-01", null);
    ReleaseRequest request = RequestReader.fromOptions(REFERENCE, options, NOW);
    Golden.assertMatches("requests/options.json", view(request));
  }

  @Test
  void aJsonBodyIsReadIntoTheSameRequestAsTheOptions() {
    ReleaseRequest request = body("{\"originator\":[\"KOR\"],\"level\":\"2급\",\"to\":\"JPN\",\"holder\":\"USA\","
        + "\"topics\":[\"dprk-missile\",\"dprk-nuclear\"],\"relTo\":\"USA, JPN, KOR\",\"orcon\":true,\"consents\":\"KOR\",\"at\":\"2015-06-01\"}");
    Golden.assertMatches("requests/body.json", view(request));
    DecisionBody options = new DecisionBody(List.of("KOR"), "2급", "JPN", "USA", List.of("dprk-missile,dprk-nuclear"), List.of("USA", "JPN", "KOR"),
        null, Boolean.TRUE, List.of("KOR"), "2015-06-01", null);
    assertThat(request).isEqualTo(RequestReader.fromOptions(REFERENCE, options, NOW));
  }

  @Test
  void aMarkingStandsForTheLabelFields() {
    ReleaseRequest request = body("{\"marking\":\"//JOINT SECRET USA GBR//ORCON/REL TO USA, GBR, JPN\",\"to\":\"JPN\",\"topics\":\"dprk-missile\"}");
    Golden.assertMatches("requests/marking.json", view(request));
    SecurityLabel label = RequestReader.fromMarking(REFERENCE, RequestForm.OPTIONS, "//JOINT SECRET USA GBR//ORCON/REL TO USA, GBR, JPN", NOW);
    assertThat(request.originators()).as("a set: no order").containsExactlyInAnyOrderElementsOf(label.originators());
    assertThat(request.level()).isEqualTo(label.level());
    assertThat(request.releasability()).isEqualTo(label.releasability());
    assertThat(request.at()).as("no 'at': now").isEqualTo(NOW);
  }

  @Test
  void labelFieldsThatAgreeWithTheMarkingAreAccepted() {
    ReleaseRequest byMarking = body("{\"marking\":\"//KOR II//REL TO USA, KOR\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}");
    ReleaseRequest agreeing = body("{\"marking\":\"//KOR II//REL TO USA, KOR\",\"originator\":\"KOR\",\"level\":\"II\",\"relTo\":[\"KOR\",\"USA\"],"
        + "\"noforn\":false,\"orcon\":false,\"to\":\"JPN\",\"at\":\"2017-01-05\"}");
    assertThat(agreeing).isEqualTo(byMarking);
  }

  // ---- bad input: exact errors -----------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "unknown party code    | {'originator':'KOR','level':'II','to':'XXX'}                      | UNKNOWN_PARTY       | to         | XXX                 | -1"
          + " | unknown party 'XXX' (expected an ISO 3166 alpha-3 code such as KOR, or NATO)",
      "unknown consenting    | {'originator':'KOR','level':'II','to':'JPN','consents':['KOR','Korea']} | UNKNOWN_PARTY | consents | Korea           | -1"
          + " | unknown party 'Korea' (expected an ISO 3166 alpha-3 code such as KOR, or NATO)",
      "unknown level         | {'originator':'KOR','level':'SECRET','to':'JPN'}                  | UNKNOWN_LEVEL       | level      | SECRET              | -1"
          + " | unknown level 'SECRET' for party KOR (known: UNCLASSIFIED, III, II, I)",
      "month out of range    | {'originator':'KOR','level':'II','to':'JPN','at':'2011-13-05'}    | MALFORMED_DATE      | at         | 2011-13-05          | 5"
          + " | at: malformed date '2011-13-05' at index 5 (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)",
      "day out of range      | {'originator':'KOR','level':'II','to':'JPN','at':'2011-02-30'}    | MALFORMED_DATE      | at         | 2011-02-30          | 8"
          + " | at: malformed date '2011-02-30' at index 8 (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)",
      "not a date            | {'originator':'KOR','level':'II','to':'JPN','at':'2011/01/05'}    | MALFORMED_DATE      | at         | 2011/01/05          | 4"
          + " | at: malformed date '2011/01/05' at index 4 (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)",
      "bad hour              | {'originator':'KOR','level':'II','to':'JPN','at':'2011-01-05T25:00Z'} | MALFORMED_DATE  | at         | 2011-01-05T25:00Z   | 11"
          + " | at: malformed date '2011-01-05T25:00Z' at index 11 (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)",
      "bad marking           | {'marking':'SECRET//XYZZY','to':'JPN'}                            | BAD_MARKING         | marking    | 'XYZZY'             | 8"
          + " | marking: unknown marking token 'XYZZY' (expected an SCI control such as SI or TK, a SAR, an AEA marking such as RD, FGI,"
          + " or a dissemination control such as NOFORN, ORCON or REL TO) (at index 8) [UNKNOWN_TOKEN]",
      "missing originator    | {'level':'II','to':'JPN'}                                         | MISSING_FIELD       | originator | originator          | -1"
          + " | missing field 'originator' (or 'marking')",
      "missing recipient     | {'originator':'KOR','level':'II'}                                 | MISSING_FIELD       | to         | to                  | -1"
          + " | missing field 'to'",
      "contradicted marking  | {'marking':'//KOR II','originator':'USA','to':'JPN'}              | CONTRADICTORY_INPUT | originator | USA                 | -1"
          + " | field 'originator' (USA) contradicts the marking '//KOR II', which names the originators [KOR]",
      "noforn with a list    | {'originator':'KOR','level':'II','to':'JPN','noforn':true,'relTo':'USA'} | CONTRADICTORY_INPUT | noforn | noforn       | -1"
          + " | noforn contradicts relTo: an item is either NOFORN or releasable to a list",
      "malformed topic       | {'originator':'KOR','level':'II','to':'JPN','topics':'DPRK Missile'} | MALFORMED_TOPIC  | topics     | DPRK Missile        | -1"
          + " | malformed topic 'DPRK Missile' (expected a lower-case slug such as dprk-missile)"})
  void badBodiesNameTheFieldAndWhere(String name, String body, String code, String field, String token, int index, String message) {
    assertThatThrownBy(() -> body(body.replace('\'', '"'))).isInstanceOfSatisfying(RequestException.class, refused -> {
      assertThat(refused.code()).isEqualTo(code);
      assertThat(refused.field()).isEqualTo(field);
      assertThat(refused.token()).isEqualTo(token);
      assertThat(refused.index()).isEqualTo(index);
      assertThat(refused.getMessage()).isEqualTo(message);
    });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown party code  | --to          | XYZ     |            |                          | UNKNOWN_PARTY       | -1 | unknown party 'XYZ' (expected an ISO 3166 alpha-3 code such as KOR, or NATO)",
      "bad date            | --at          | JPN     | 2011-1-5   |                          | MALFORMED_DATE      | 6  | --at: malformed date '2011-1-5' at index 6 (expected YYYY-MM-DD, or an instant such as 2019-11-23T00:00+09:00)",
      "bad marking         | --marking     | JPN     |            | //KOR IV//REL TO USA     | BAD_MARKING         | 6  | --marking: unknown level 'IV' for party KOR at 2020-01-01T00:00:00Z (known: UNCLASSIFIED, III, II, I) (at index 6) [UNKNOWN_LEVEL]",
      "level contradicted  | --level       | JPN     |            | //KOR I                  | CONTRADICTORY_INPUT | -1 | --level II contradicts --marking, which is KOR:I"})
  void badOptionsNameTheOption(String name, String field, String to, String at, String marking, String code, int index, String message) {
    DecisionBody options = new DecisionBody(marking == null ? List.of("KOR") : List.of(), "II", to, null, null, null, null, null, List.of(), at,
        marking);
    assertThatThrownBy(() -> RequestReader.fromOptions(REFERENCE, options, NOW)).isInstanceOfSatisfying(RequestException.class, refused -> {
      assertThat(refused.code()).isEqualTo(code);
      assertThat(refused.field()).isEqualTo(field);
      assertThat(refused.index()).isEqualTo(index);
      assertThat(refused.getMessage()).isEqualTo(message);
    });
  }

  @Test
  void missingOptionsAreNamedAsOptions() {
    DecisionBody options = new DecisionBody(List.of(), null, "JPN", null, null, null, null, null, List.of(), null, null);
    assertThatThrownBy(() -> RequestReader.fromOptions(REFERENCE, options, NOW)).isInstanceOf(RequestException.class)
        .hasMessage("missing --originator (or --marking)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "wrong JSON type     | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":1}           | WRONG_TYPE     | /to     | the value at /to should be a string",
      "boolean as text     | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"noforn\":\"yes\"} | WRONG_TYPE | /noforn | the value at /noforn should be true or false",
      "object for a party  | {\"originator\":{\"code\":\"KOR\"},\"level\":\"II\",\"to\":\"JPN\"} | WRONG_TYPE | /originator/0 | the value at /originator/0 should be a string",
      "unknown field       | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"relto\":\"USA\"} | UNKNOWN_FIELD | /relto | unknown field 'relto' at /relto (known fields: at, consents, holder, level, marking, noforn, orcon, originator, relTo, to, topics)",
      "duplicate field     | {\"to\":\"JPN\",\"to\":\"USA\"}                                | MALFORMED_JSON | /       | malformed JSON: duplicate field 'to' at line 1, column 17",
      "not JSON            | {\"to\":JPN}                                                   | MALFORMED_JSON | /       | malformed JSON: not valid JSON at line 1, column 11",
      "empty               | ''                                                             | EMPTY_BODY     | /       | the request needs a JSON body"})
  void aBodyThatIsNotADecisionBodyIsRefusedByTheStrictReader(String name, String body, String code, String field, String message) {
    assertThatThrownBy(() -> Bodies.read(body.getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class)))
        .isInstanceOfSatisfying(RequestException.class, refused -> {
          assertThat(refused.code()).isEqualTo(code);
          assertThat(refused.field()).isEqualTo(field);
          assertThat(refused.getMessage()).isEqualTo(message);
        });
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThatThrownBy(() -> Bodies.read("{\n  \"to\": JPN\n}".getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class)))
        .isInstanceOfSatisfying(RequestException.class, refused -> {
          assertThat(refused.line()).isEqualTo(2);
          assertThat(refused.column()).isEqualTo(13); // Jackson's column: just past the unreadable token
        });
  }

  private static ReleaseRequest body(String json) {
    DecisionBody body = Bodies.read(json.getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class));
    return RequestReader.fromBody(REFERENCE, body, NOW);
  }

  /** A test's view of a read request, for its golden file: every field the reader sets. */
  private static String view(ReleaseRequest request) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode originators = node.putArray("originators");
    // The request holds sets (no order): the view sorts them, so the file does not depend on hashing.
    request.originators().stream().map(PartyCode::value).sorted().forEach(originators::add);
    node.put("level", request.level().qualified());
    node.put("releasability", request.releasability().toString());
    node.put("orcon", request.orcon());
    ArrayNode topics = node.putArray("topics");
    request.topics().stream().map(topic -> topic.slug()).sorted().forEach(topics::add);
    node.put("holder", request.holder().value());
    node.put("recipient", request.recipient().value());
    ArrayNode consents = node.putArray("consents");
    request.consents().stream().map(PartyCode::value).sorted().forEach(consents::add);
    node.put("at", DateSpec.format(request.at()));
    return Json.write(node, true);
  }
}
