package org.pactbridge.store;

import org.pactbridge.core.registry.RegistryText;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.logistics.terms.Activity;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.Category;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.logistics.terms.ReimbursementMode;
import org.pactbridge.core.party.PartyCode;

class LogisticsCodecTest {
  @Test
  void termsWithAwkwardTextRoundTrip() {
    String awkward = "100% sure, a|b = c\nnext line\r 秘";
    LogisticsTerms terms = LogisticsTerms.builder()
        .categories(EnumSet.of(Category.FOOD, Category.FUEL))
        .exclude(EnumSet.of(Category.MEDICAL))
        .onlyIn(Category.AMMUNITION, EnumSet.of(Activity.ARMED_ATTACK, Activity.EXERCISE), true)
        .activities(EnumSet.of(Activity.EXERCISE, Activity.ARMED_ATTACK))
        .areaRestriction(new AreaRestriction(PartyCode.of("JPN"), PartyCode.of("USA"), AreaRestriction.Rule.OUTSIDE,
            List.of("korean-peninsula", "rok-territorial-sea"), Instant.parse("1997-09-23T00:00:00Z"), true, List.of("S1", "S,2"), awkward))
        .areaRestriction(new AreaRestriction(PartyCode.of("USA"), null, AreaRestriction.Rule.INSIDE, List.of("japan"), null, false, List.of(), ""))
        .reimbursementModes(EnumSet.of(ReimbursementMode.values()[0]))
        .settlementPeriod(Period.ofDays(90), true)
        .assumed(true)
        .sources(List.of("S9"))
        .note(awkward)
        .build();
    String encoded = LogisticsCodec.encode(terms);
    LogisticsTerms decoded = LogisticsCodec.decode(encoded);
    assertThat(RegistryText.logistics(decoded)).isEqualTo(RegistryText.logistics(terms));
    assertThat(LogisticsCodec.encode(decoded)).isEqualTo(encoded);
    assertThat(LogisticsCodec.encode(null)).isNull();
  }
}
