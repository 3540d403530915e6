package org.pactbridge.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.logistics.Location;
import org.pactbridge.core.logistics.SupportDecision;
import org.pactbridge.core.logistics.SupportEngine;
import org.pactbridge.core.logistics.SupportReasonCode;
import org.pactbridge.core.logistics.SupportRequest;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.world.WorldLoader;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Issue 17's logistics scenarios: support under Japan's ACSAs is refused until the entry into force the
 * record gives, and the 2016 US–Japan ACSA allows ammunition in exercises from its entry into force.
 * Every date is read from the record (agreements-reference.yaml in the world module).
 */
class RecordLogisticsScenarioTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final SupportEngine ENGINE = new SupportEngine(WORLD, KoreaAreas.shipped());
  private static final PartyCode JPN = PartyCode.of("JPN");
  private static final PartyCode USA = PartyCode.of("USA");
  private static final Location YOKOSUKA = new Location(35.28, 139.67);
  private static final Path RECORD = Path.of("..", "world", "src", "main", "reference", "agreements-reference.yaml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> agreement(String id) throws IOException {
    Map<String, Object> record = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(RECORD, StandardCharsets.UTF_8));
    return ((List<Map<String, Object>>) record.get("agreements")).stream().filter(entry -> id.equals(entry.get("id"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static String date(String id, String field) throws IOException {
    return ((Map<String, Object>) agreement(id).get(field)).get("date").toString();
  }

  private static SupportDecision check(PartyCode supplier, PartyCode receiver, Category category, Activity activity, Instant at) {
    return ENGINE.decide(new SupportRequest(supplier, receiver, null, category, activity, YOKOSUKA, null, null, at));
  }

  @Test
  void supportUnderJapansLaterAcsasIsRefusedUntilTheirEntryIntoForce() throws IOException {
    for (String id : List.of("JPN-GBR-ACSA", "JPN-FRA-ACSA", "JPN-CAN-ACSA", "JPN-DEU-ACSA")) {
      PartyCode partner = PartyCode.of(id.substring(4, 7));
      Instant signed = DateSpec.parseInstant(date(id, "signed"));
      Instant effective = DateSpec.parseInstant(date(id, "effective"));
      assertThat(check(JPN, partner, Category.FOOD, Activity.EXERCISE, signed).codes()).as(id).containsExactly(SupportReasonCode.NO_AGREEMENT_IN_FORCE);
      assertThat(check(JPN, partner, Category.FOOD, Activity.EXERCISE, effective.minusSeconds(1)).allowed()).as(id).isFalse();
      assertThat(check(JPN, partner, Category.FOOD, Activity.EXERCISE, effective).allowed()).as(id).isTrue();
    }
  }

  @Test
  void the2016UsJapanAcsaAllowsAmmunitionInExercisesFromItsEntryIntoForce() throws IOException {
    @SuppressWarnings("unchecked")
    String fact = ((Map<String, Object>) agreement("USA-JPN-ACSA").get("ammunition_2017")).get("fact").toString();
    String from = fact.replaceAll("^From (\\d{4}-\\d{2}-\\d{2}).*", "$1");
    Instant inForce = DateSpec.parseInstant(from);
    SupportDecision before = check(JPN, USA, Category.AMMUNITION, Activity.EXERCISE, inForce.minusSeconds(86_400));
    assertThat(before.codes()).contains(SupportReasonCode.CATEGORY_EXCLUDED);
    for (Activity activity : List.of(Activity.EXERCISE, Activity.TRAINING, Activity.ARMED_ATTACK)) {
      SupportDecision after = check(JPN, USA, Category.AMMUNITION, activity, inForce);
      assertThat(after.allowed()).as(activity.slug()).isTrue();
      assertThat(after.codes()).as(activity.slug()).doesNotContain(SupportReasonCode.CATEGORY_EXCLUDED);
    }
    assertThat(check(USA, JPN, Category.AMMUNITION, Activity.EXERCISE, inForce).allowed()).isTrue();
    // weapons never
    assertThat(check(JPN, USA, Category.WEAPONS, Activity.EXERCISE, inForce).codes()).contains(SupportReasonCode.CATEGORY_EXCLUDED);
  }
}
