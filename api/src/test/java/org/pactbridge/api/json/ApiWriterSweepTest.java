package org.pactbridge.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.world.WorldLoader;

/**
 * The streamed decision (the decision endpoints) is byte for byte the tree {@code Json.decision} gives
 * (the CLI, item decisions, what-if), over every kind of decision: the tree is the stream replayed,
 * and this holds the replay to it.
 */
class ApiWriterSweepTest {
  private static final Registry REFERENCE = WorldLoader.reference();

  @Test
  void streamedDecisionsAreTheSharedView() throws IOException {
    ReleaseEngine engine = new ReleaseEngine(REFERENCE);
    List<PartyCode> parties = List.of(PartyCode.of("KOR"), PartyCode.of("JPN"), PartyCode.of("USA"), PartyCode.of("GBR"));
    Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
    int compared = 0;
    for (String date : List.of("2011-01-05", "2015-06-01", "2017-01-05", "2019-11-01", "2023-06-01")) {
      Instant at = Instant.parse(date + "T00:00:00Z");
      for (PartyCode originator : parties) {
        Party party = REFERENCE.requireParty(originator);
        for (Level level : party.schemeAt(at).levels()) {
          for (PartyCode holder : parties) {
            for (PartyCode to : parties) {
              for (boolean orcon : new boolean[] {false, true}) {
                Set<Topic> topics = orcon ? Set.of(Topic.of("dprk-missile")) : Set.of();
                Set<PartyCode> consents = orcon ? Set.of() : Set.of(originator);
                Releasability releasability = holder.equals(to) ? Releasability.noforn() : Releasability.open();
                Decision decision = engine.decide(new ReleaseRequest(Set.of(originator), level, releasability, orcon, topics, null, holder, to, null,
                    consents, at));
                seen.add(decision.outcome());
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (JsonGenerator out = Json.MAPPER.getFactory().createGenerator(bytes)) {
                  ApiWriter.decision(out, decision);
                }
                assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(Json.write(Json.decision(decision), false));
                compared++;
              }
            }
          }
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(Outcome.values());
    assertThat(compared).isGreaterThan(1000);
  }
}
