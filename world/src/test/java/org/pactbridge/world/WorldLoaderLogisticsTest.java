package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.registry.Registry;

/** The {@code logistics:} section of a provisions version: read strictly, with line-precise errors. */
class WorldLoaderLogisticsTest {
  @TempDir Path dir;

  private static final String WORLD = """
      sources:
        S1: {url: "https://example.org", publisher: "test"}
      parties:
        - {code: JPN, name: Japan, kind: NATION, schemes: [{name: grades, levels: [{code: HI, rank: 1}]}]}
        - {code: USA, name: United States, kind: NATION, schemes: [{name: eo, levels: [{code: SECRET, rank: 1}]}]}
      agreements:
        - id: J-U-ACSA
          kind: LOGISTICS
          parties: [JPN, USA]
          timeline:
            - {type: IN_FORCE, at: "2004-07-29"}
          provisions:
            - from: "2004-07-29"
              logistics:
                categories: [food, fuel]
                conditions:
                  - {category: ammunition, onlyIn: [armed-attack], assumed: true, sources: [S1]}
                activities: [exercise, armed-attack]
                areaRestrictions:
                  - {supplier: JPN, supporting: USA, rule: OUTSIDE, zones: [korean-peninsula], from: "1997-09", assumed: true, sources: [S1]}
                reimbursement: [cash, equal-value-exchange]
                settlementPeriod: P90D
                settlementAssumed: true
                sources: [S1]
      """;

  private Path world(String data) throws IOException {
    Files.writeString(dir.resolve("world.yaml"), "format: pactbridge-world/1\nfiles: [data.yaml]\n");
    Files.writeString(dir.resolve("data.yaml"), data);
    return dir;
  }

  @Test
  void logisticsTermsAreRead() throws IOException {
    Registry registry = WorldLoader.load(world(WORLD));
    Agreement acsa = registry.requireAgreement(AgreementId.of("J-U-ACSA"));
    LogisticsTerms terms = acsa.provisionsAt(Instant.parse("2005-01-01T00:00:00Z"), LogisticsProvisions.class).logistics().orElseThrow();
    assertThat(terms.categories()).containsExactlyInAnyOrder(Category.FOOD, Category.FUEL, Category.AMMUNITION);
    assertThat(terms.excluded()).containsExactly(Category.WEAPONS);
    assertThat(terms.allowsIn(Category.AMMUNITION, Activity.EXERCISE)).isFalse();
    assertThat(terms.conditionsAssumed()).isTrue();
    assertThat(terms.reimbursementModes()).containsExactly(ReimbursementMode.CASH, ReimbursementMode.EQUAL_VALUE_EXCHANGE);
    assertThat(terms.settlementPeriod()).isEqualTo(Period.ofDays(90));
    AreaRestriction restriction = terms.areaRestrictions().get(0);
    assertThat(restriction.zones()).containsExactly("korean-peninsula");
    assertThat(restriction.from()).as("a restriction from a partial date starts at its earliest instant")
        .isEqualTo(Instant.parse("1997-09-01T00:00:00Z"));
    assertThat(acsa.provisionsAt(Instant.parse("2005-01-01T00:00:00Z")).anyAssumed()).as("the terms rest on assumptions").isTrue();
  }

  @Test
  void anUnknownCategoryNamesFileLineAndField() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(WORLD.replace("categories: [food, fuel]", "categories: [food, lasers]"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageStartingWith("data.yaml:15:30: field 'agreements[0].provisions[0].logistics.categories[1]': unknown category 'lasers' (known: food,");
  }

  @Test
  void anUnknownActivityInAConditionIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(WORLD.replace("onlyIn: [armed-attack]", "onlyIn: [war]"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageStartingWith("data.yaml:17:47: field 'agreements[0].provisions[0].logistics.conditions[0].onlyIn[0]': unknown activity 'war'");
  }

  @Test
  void aMalformedSettlementPeriodIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(WORLD.replace("P90D", "90 days"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessage("data.yaml:22:29: field 'agreements[0].provisions[0].logistics.settlementPeriod': "
            + "malformed settlement period '90 days' (an ISO 8601 period such as P90D or P1Y)");
  }

  @Test
  void aCategoryBothCoveredAndExcludedIsRejected() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(WORLD.replace("categories: [food, fuel]", "categories: [food, fuel]\n          excluded: [fuel]"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageStartingWith("data.yaml:15:11: field 'agreements[0].provisions[0].logistics'")
        .hasMessageEndingWith("category fuel is both covered and excluded");
  }

  @Test
  void aRestrictionOnAPartyOutsideTheAgreementIsRejected() throws IOException {
    String data = WORLD.replace("parties: [JPN, USA]\n", "parties: [JPN, USA]\n")
        .replace("supporting: USA", "supporting: KOR");
    assertThatThrownBy(() -> WorldLoader.load(world(data)))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageContaining("areaRestrictions[0].supporting")
        .hasMessageEndingWith("unknown party KOR (define it under 'parties')");
  }

  @Test
  void onlyALogisticsAgreementHasLogisticsTerms() throws IOException {
    assertThatThrownBy(() -> WorldLoader.load(world(WORLD.replace("kind: LOGISTICS", "kind: INFORMATION"))))
        .isInstanceOf(WorldFormatException.class)
        .hasMessageEndingWith("only a LOGISTICS agreement has logistics terms");
  }

  @Test
  void everyLogisticsAgreementOfTheReferenceWorldThatEntersIntoForceHasTerms() {
    Registry reference = WorldLoader.reference();
    int checked = 0;
    for (Agreement agreement : reference.agreements()) {
      if (agreement.kind() != AgreementKind.LOGISTICS || agreement.timeline().firstInForce() == null) {
        continue;
      }
      Instant inForce = agreement.timeline().firstInForce();
      assertThat(agreement.provisionsAt(inForce, LogisticsProvisions.class).logistics()).as(agreement.id().value()).isPresent();
      checked++;
    }
    assertThat(checked).isEqualTo(11);
  }
}
