package org.pactbridge.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.Role;
import org.pactbridge.tdf.TdfArchive;
import org.pactbridge.tdf.TdfForm;
import org.pactbridge.world.WorldLoader;

/**
 * Agreements over time at the key access service, with the real dates of the ROK–Japan GSOMIA: in force
 * from 2016-11-23; Korea's notice of 2019-08-23 was to take effect on 2019-11-23 and was suspended the day
 * before. The KAS shows the running notice ({@code TERMINATION_PENDING}). Then the counterfactual the
 * reference world lets one write down: the same world without the suspension, where the agreement ended on
 * 2019-11-23. Japan keeps opening what it received while the agreement was in force ({@code
 * HELD_UNDER_AGREEMENT}), and a new release to Japan after the end is refused.
 */
class KasAgreementsOverTimeTest {
  @TempDir Path dir;

  /** A clock the test moves: the node decides at its instant. */
  private static final class StepClock extends Clock {
    private volatile Instant now;

    StepClock(Instant start) {
      now = start;
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

  private TestNode start(Registry world, StepClock clock) {
    String url = "jdbc:h2:mem:kas-time-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    return TestNode.start(ServerConfig.of(world, PartyCode.of("KOR"), url, TestNode.keyDir(), 0).withClock(clock));
  }

  /** The reference world as if Korea's 2019 notice had not been suspended: the agreement ends on 2019-11-23. */
  private Registry withoutSuspension() throws IOException {
    Path world = Files.createDirectories(dir.resolve("world"));
    for (String name : WorldLoader.referenceFiles()) {
      String text = WorldLoader.readResource(name);
      if (name.equals("information.yaml")) {
        String edited = text.lines().filter(line -> !line.contains("NOTICE_SUSPENDED") && !line.contains("NOTICE_WITHDRAWN"))
            .reduce("", (a, b) -> a + b + "\n");
        assertThat(edited).isNotEqualTo(text);
        text = edited;
      }
      Files.writeString(world.resolve(name), text, StandardCharsets.UTF_8);
    }
    return WorldLoader.load(world);
  }

  private static String register(TestNode node, String originator, String content) {
    TestNode.Response created = node.post("/api/v1/items", originator,
        "{\"marking\":\"//KOR II\",\"topics\":[\"dprk-missile\"],\"content\":\"" + content + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asText();
  }

  private TdfArchive export(TestNode node, String item) {
    return TdfArchive.open(KasFixtures.archive(dir, KasFixtures.kasKey(node), KasFixtures.korLabel("II", Releasability.open()), List.of(), item,
        "order of battle", TdfForm.V4_3_0));
  }

  @Test
  void aRunningNoticeShowsInThePermitAndTheSuspendedNoticeLeavesTheAgreementInForce() {
    StepClock clock = new StepClock(Instant.parse("2019-06-03T00:00:00Z"));
    try (TestNode node = start(TestNode.REFERENCE, clock)) {
      String originator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
      String jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
      TdfArchive archive = export(node, register(node, originator, "order of battle"));

      clock.now = Instant.parse("2019-09-02T00:00:00Z");
      TestNode.Response noticeRunning = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(archive, clock.now));
      assertThat(noticeRunning.status()).as(noticeRunning.body()).isEqualTo(200);
      assertThat(noticeRunning.json().get("reasons")).extracting(JsonNode::asText).contains("TERMINATION_PENDING");
      assertThat(noticeRunning.json().get("decision").get("agreements")).extracting(JsonNode::asText).containsExactly("ROK-JPN-GSOMIA-2016");

      clock.now = Instant.parse("2019-12-02T00:00:00Z");
      TestNode.Response suspended = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(archive, clock.now));
      assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
      assertThat(suspended.json().get("reasons")).extracting(JsonNode::asText).doesNotContain("HELD_UNDER_AGREEMENT");
    }
  }

  @Test
  void aHolderKeepsWhatItReceivedUnderAnEndedAgreementAndANewReleaseIsRefused() throws IOException {
    StepClock clock = new StepClock(Instant.parse("2019-06-03T00:00:00Z"));
    try (TestNode node = start(withoutSuspension(), clock)) {
      String originator = node.user("kor-originator", "KOR", "I", Role.ORIGINATOR);
      String officer = node.user("kor-fdo", "KOR", "I", Role.DISCLOSURE_OFFICER);
      String jpnAnalyst = node.user("jpn-analyst", "JPN", "KIMITSU", Role.ANALYST);
      String received = register(node, originator, "order of battle");
      String neverSent = register(node, originator, "order of battle, annex");
      TestNode.Response released = node.post("/api/v1/items/" + received + "/releases", officer, "{\"to\":\"JPN\"}");
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      assertThat(released.json().get("released").asBoolean()).isTrue();
      TdfArchive held = export(node, received);
      TdfArchive fresh = export(node, neverSent);

      clock.now = Instant.parse("2020-01-15T00:00:00Z");
      TestNode.Response kept = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(held, clock.now));
      assertThat(kept.status()).as(kept.body()).isEqualTo(200);
      assertThat(kept.json().get("reasons")).extracting(JsonNode::asText).contains("HELD_UNDER_AGREEMENT", "AGREEMENT_IN_FORCE");
      assertThat(kept.json().get("heldUnder").get("agreement").asText()).isEqualTo("ROK-JPN-GSOMIA-2016");
      assertThat(kept.json().get("heldUnder").get("received").asText()).startsWith("2019-06-03");
      assertThat(KasFixtures.decrypt(held, kept.json())).isEqualTo("order of battle");

      TestNode.Response refused = node.post("/kas/v1/rewrap", jpnAnalyst, KasFixtures.rewrapBody(fresh, clock.now));
      assertThat(refused.status()).as(refused.body()).isEqualTo(403);
      assertThat(refused.code()).isEqualTo("NO_AGREEMENT_IN_FORCE");
      assertThat(refused.json().get("reasons")).extracting(JsonNode::asText).containsExactly("NO_AGREEMENT_IN_FORCE");
    }
  }
}
