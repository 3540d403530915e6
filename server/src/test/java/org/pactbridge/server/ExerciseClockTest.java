package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.user.Role;
import org.pactbridge.service.ExerciseClock;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfForm;

/**
 * A node on an exercise clock ({@code serve --clock}): decisions and the instants in audit entries follow
 * the exercise date as it advances, while tokens and rewrap tokens are issued and checked by the real
 * clock, and every response names the exercise clock. The "real" clock here is one the test moves, so
 * six years can pass between two requests without waiting.
 */
class ExerciseClockTest {
  @TempDir Path dir;

  /** The real clock, as the test moves it. */
  private static final class RealClock extends Clock {
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

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

    void advance(Duration by) {
      now = now.plus(by);
    }
  }

  private final RealClock real = new RealClock();

  private TestNode start(String exerciseStart) {
    ExerciseClock clock = ExerciseClock.startingAt(Instant.parse(exerciseStart), real);
    String url = "jdbc:h2:mem:exercise-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return TestNode.start(ServerConfig.of(TestNode.REFERENCE, PartyCode.of("KOR"), url, TestNode.keyDir(), 0).withClock(clock));
  }

  private static JsonNode decideKorToJpn(TestNode node, String token) {
    TestNode.Response answer = node.post("/api/v1/decisions", token, "{\"originator\":\"KOR\",\"level\":\"II\",\"to\":\"JPN\",\"topics\":[\"dprk-missile\"]}");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }

  @Test
  void decisionsFollowTheExerciseDateAsItAdvancesWithRealTime() {
    try (TestNode node = start("2011-01-05T00:00:00Z")) {
      String analyst = node.user("kor-analyst", "KOR", "I", Role.ANALYST);
      JsonNode in2011 = decideKorToJpn(node, analyst);
      assertThat(in2011.get("decision").asText()).isEqualTo("DENY");
      assertThat(in2011.get("reasons").findValuesAsText("code")).contains("NO_AGREEMENT_IN_FORCE");
      assertThat(in2011.get("at").asText()).startsWith("2011-01-05");

      // six years of real time pass: the exercise's now is 2017-01-05, and the GSOMIA of 2016 is in force
      real.advance(Duration.between(Instant.parse("2011-01-05T00:00:00Z"), Instant.parse("2017-01-05T00:00:00Z")));
      JsonNode in2017 = decideKorToJpn(node, analyst);
      assertThat(in2017.get("decision").asText()).as(in2017.toString()).isEqualTo("PERMIT");
      assertThat(in2017.get("at").asText()).startsWith("2017-01-05");
      assertThat(in2017.toString()).contains("ROK-JPN-GSOMIA-2016");
    }
  }

  @Test
  void tokensAreIssuedAndExpireByTheRealClockWhileTheExerciseIsYearsBack() {
    try (TestNode node = start("2011-01-05T00:00:00Z")) {
      String analyst = node.user("kor-analyst", "KOR", "I", Role.ANALYST);
      String id = node.userId("kor-analyst");
      // an expiry in the exercise's future but the real past is refused
      TestNode.Response past = node.post("/api/v1/users/" + id + "/tokens", node.adminToken, "{\"expiresAt\":\"2012-01-01\"}");
      assertThat(past.status()).as(past.body()).isEqualTo(400);
      assertThat(past.code()).isEqualTo("EXPIRY_IN_PAST");

      Instant inAnHour = real.instant().plus(Duration.ofHours(1));
      TestNode.Response issued = node.post("/api/v1/users/" + id + "/tokens", node.adminToken, "{\"expiresAt\":\"" + inAnHour + "\"}");
      assertThat(issued.status()).as(issued.body()).isEqualTo(201);
      assertThat(issued.json().get("createdAt").asText()).isEqualTo(real.instant().toString());
      String shortLived = issued.json().get("token").asText();
      assertThat(node.get("/api/v1/me", shortLived).status()).isEqualTo(200);

      // two real hours on, the token has expired although the exercise clock reads 2011-01-05T02:00Z, years before its expiry
      real.advance(Duration.ofHours(2));
      assertThat(node.get("/api/v1/me", shortLived).status()).isEqualTo(401);
      assertThat(node.get("/api/v1/me", analyst).status()).isEqualTo(200);
    }
  }

  @Test
  void auditEntriesCarryTheExerciseInstants() {
    try (TestNode node = start("2015-06-01T00:00:00Z")) {
      String originator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
      String auditor = node.user("kor-auditor", "KOR", "I", Role.NODE_AUDITOR);
      real.advance(Duration.ofMinutes(5));
      TestNode.Response created = node.post("/api/v1/items", originator,
          "{\"marking\":\"//KOR II\",\"topics\":[\"dprk-missile\"],\"content\":\"order of battle\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      List<String> kinds = new ArrayList<>();
      for (JsonNode entry : node.get("/api/v1/audit/entries?limit=10000", auditor).json().get("entries")) {
        kinds.add(entry.get("kind").asText());
        assertThat(entry.get("at").asText()).as(entry.toString()).startsWith("2015-06-01T00:");
      }
      assertThat(kinds).contains("USER_CREATED", "TOKEN_ISSUED", "ITEM_ADDED");
      // the item's own instant is the exercise's too
      assertThat(created.json().get("created").asText()).startsWith("2015-06-01T00:05");
    }
  }

  @Test
  void theKeyAccessServiceChecksRewrapTokensByTheRealClockAndDecidesAtTheExerciseDate() {
    try (TestNode node = start("2017-01-05T00:00:00Z")) {
      String originator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
      String jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
      TestNode.Response created = node.post("/api/v1/items", originator,
          "{\"marking\":\"//KOR II\",\"topics\":[\"dprk-missile\"],\"content\":\"order of battle\"}");
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      TdfArchive archive = TdfArchive.open(KasFixtures.archive(dir, KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()),
          List.of(), created.json().get("id").asText(), "order of battle", TdfForm.V4_3_0));

      // a client signs its request with the real time: accepted, and decided under the agreement of 2016
      TestNode.Response opened = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(archive, real.instant()));
      assertThat(opened.status()).as(opened.body()).isEqualTo(200);
      assertThat(opened.json().get("decision").get("agreements")).extracting(JsonNode::asText).contains("ROK-JPN-GSOMIA-2016");
      assertThat(KasFixtures.decrypt(archive, opened.json())).isEqualTo("order of battle");

      // a token stamped with the exercise's instant is years old by the real clock
      TestNode.Response stale = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(archive, Instant.parse("2017-01-05T00:00:00Z")));
      assertThat(stale.status()).as(stale.body()).isEqualTo(403);
      assertThat(stale.code()).isEqualTo("REWRAP_TOKEN_EXPIRED");
    }
  }

  @Test
  void everyResponseOfAnExerciseNodeNamesItsClockAndHealthSaysSo() {
    try (TestNode node = start("2015-06-01T00:00:00Z")) {
      real.advance(Duration.ofSeconds(3));
      for (String path : List.of("/health", "/", "/api/v1/me", "/no-such-page", "/api/openapi.json")) {
        HttpResponse<String> answer = node.exchange(HttpRequest.newBuilder(URI.create(node.url(path))).build());
        assertThat(answer.headers().firstValue("Pactbridge-Clock")).as(path + " " + answer.statusCode()).contains("exercise 2015-06-01T00:00:03Z");
      }
      JsonNode clock = node.get("/health", null).json().get("clock");
      assertThat(clock.get("mode").asText()).isEqualTo("exercise");
      assertThat(clock.get("now").asText()).isEqualTo("2015-06-01T00:00:03Z");
      assertThat(clock.get("start").asText()).isEqualTo("2015-06-01T00:00:00Z");
    }
    try (TestNode plain = TestNode.start(TestNode.Db.H2)) {
      HttpResponse<String> answer = plain.exchange(HttpRequest.newBuilder(URI.create(plain.url("/health"))).build());
      assertThat(answer.headers().firstValue("Pactbridge-Clock")).isEmpty();
      assertThat(plain.get("/health", null).json().get("clock").get("mode").asText()).isEqualTo("real");
    }
  }
}
