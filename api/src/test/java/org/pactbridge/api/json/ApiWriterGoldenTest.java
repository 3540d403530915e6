package org.pactbridge.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pactbridge.api.Golden;
import org.pactbridge.api.request.Bodies;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.world.WorldLoader;

/**
 * Every shape of decision, as the reference world decides it, written by {@link ApiWriter} and held
 * byte for byte to a golden file: the object {@code check --json} prints and {@code POST
 * /api/v1/decisions} answers. The tree form ({@link Json#decision}) must give the same bytes.
 */
class ApiWriterGoldenTest {
  private static final Registry REFERENCE = WorldLoader.reference();
  private static final ReleaseEngine ENGINE = new ReleaseEngine(REFERENCE);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // a direct release under the 1987 GSOMIA, the level translated to the recipient's scheme
      "permit                | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"USA\",\"topics\":\"dprk-missile\",\"at\":\"2017-01-05\"}",
      // NOFORN and no agreement in force: two denying reasons, no route can help
      "deny-several-reasons  | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"noforn\":true,\"at\":\"2011-01-05\"}",
      // the US holds Korea's report: Korea's consent is needed, each hop's level translated
      "consent-required      | {\"originator\":\"KOR\",\"level\":\"II\",\"holder\":\"USA\",\"to\":\"JPN\",\"topics\":\"dprk-missile\",\"at\":\"2015-06-01\"}",
      // README 2015-06-01: no direct agreement; three relay routes, one sanctioned by TISA
      "relay-routes          | {\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"topics\":\"dprk-missile\",\"at\":\"2015-06-01\"}",
      // a Japanese level given by its native name, translated to Korea's
      "translated-levels     | {\"originator\":\"JPN\",\"level\":\"極秘\",\"to\":\"KOR\",\"at\":\"2017-01-05\"}",
      // a JOINT item of two originators, read from its marking
      "joint-item            | {\"marking\":\"//JOINT SECRET USA GBR//REL TO USA, GBR, JPN\",\"to\":\"JPN\",\"at\":\"2017-01-05\"}",
      // ORCON: the originator's approval for any dissemination beyond it
      "orcon-consent         | {\"originator\":\"USA\",\"level\":\"SECRET\",\"orcon\":true,\"holder\":\"JPN\",\"to\":\"KOR\",\"at\":\"2017-01-05\"}"})
  void eachDecisionShapeIsWrittenAsItsGoldenFile(String name, String body) throws IOException {
    Decision decision = ENGINE.decide(request(body));
    String streamed = streamed(decision);
    assertThat(Json.write(Json.decision(decision), false)).as("the tree replays the stream").isEqualTo(streamed);
    Golden.assertMatches("decisions/" + name + ".json", streamed);
  }

  @Test
  void aRouteIsWrittenAsInsideADecision() throws IOException {
    ReleaseRequest request = request("{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"topics\":\"dprk-missile\",\"at\":\"2015-06-01\"}");
    List<org.pactbridge.core.release.Route> routes = ENGINE.routes(request);
    assertThat(routes).isNotEmpty();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
      ApiWriter.route(out, routes.get(0));
    }
    String route = bytes.toString(StandardCharsets.UTF_8);
    assertThat(Json.write(Json.route(routes.get(0)), false)).isEqualTo(route);
    Golden.assertMatches("routes/tisa-sanctioned.json", route);
  }

  @Test
  void aProblemIsAnRfc9457DocumentWithItsCode() {
    // A refused request, its fields carried over as the server's problem mapping does (ApiProblem.badRequest).
    RequestException refused = catchThrowableOfType(RequestException.class, () -> request("{\"marking\":\"SECRET//XYZZY\",\"to\":\"JPN\"}"));
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("token", refused.token());
    extensions.put("field", refused.field());
    extensions.put("position", refused.index());
    String problem = new String(ApiWriter.problem(new ApiWriter.Problem(400, refused.code(), "Bad input", refused.getMessage(), "/api/v1/decisions",
        extensions)), StandardCharsets.UTF_8);
    Golden.assertMatches("problems/bad-marking.json", problem);
    String bare = new String(ApiWriter.problem(new ApiWriter.Problem(400, "EMPTY_BODY", "Empty body", "the request needs a JSON body", null, Map.of())),
        StandardCharsets.UTF_8);
    assertThat(bare).isEqualTo("{\"type\":\"urn:pactbridge:problem:empty-body\",\"title\":\"Empty body\",\"status\":400,"
        + "\"detail\":\"the request needs a JSON body\",\"code\":\"EMPTY_BODY\"}");
  }

  private static ReleaseRequest request(String body) {
    DecisionBody read = Bodies.read(body.getBytes(StandardCharsets.UTF_8), Bodies.readerFor(DecisionBody.class));
    return read.toRequest(REFERENCE, Instant.parse("2020-01-01T00:00:00Z"));
  }

  private static String streamed(Decision decision) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
      ApiWriter.decision(out, decision);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
