package org.pactbridge.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Differential;
import org.pactbridge.core.release.ReferenceEvaluator;
import org.pactbridge.core.release.ReleaseRequest;

/**
 * The compiled engine against the reference evaluator on the reference world, at every dated event of
 * its timelines and provision versions: for every ordered pair of parties, every classified level of
 * the originator's scheme then, with and without a topic, sent by the originator (with routes); and the
 * highest level sent by each party an agreement joins the originator to. Identical decisions and
 * routes, or the failing request is printed.
 */
class ReferenceWorldDifferentialTest {
  private static final Registry WORLD = WorldLoader.reference();
  private static final Set<Topic> MISSILE = Set.of(Topic.of("dprk-missile"));

  @Test
  void the_compiled_engine_decides_as_the_reference_at_every_dated_event() {
    ReleaseEngine engine = new ReleaseEngine(WORLD);
    ReferenceEvaluator reference = new ReferenceEvaluator(WORLD);
    List<PartyCode> parties = new ArrayList<>();
    for (Party party : WORLD.parties()) {
      parties.add(party.code());
    }
    long checked = 0;
    for (Instant at : datedEvents()) {
      for (PartyCode originator : parties) {
        List<Level> levels = WORLD.requireParty(originator).schemeAt(at).classifiedLevels();
        List<PartyCode> holders = holders(originator);
        for (PartyCode recipient : parties) {
          // from the originator: every level, with and without a topic, routes included
          for (Level level : levels) {
            for (Set<Topic> topics : List.of(Set.<Topic>of(), MISSILE)) {
              Differential.check(engine, reference, request(originator, level, originator, recipient, topics, at), !topics.isEmpty());
              checked++;
            }
          }
          // from each partner holding a copy at the highest level: the originator–holder hop and the
          // third-party rule (without routes, which keeps the reference's plain search affordable)
          for (PartyCode holder : holders) {
            Differential.check(engine, reference, request(originator, levels.get(levels.size() - 1), holder, recipient, MISSILE, at), false);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  private static ReleaseRequest request(PartyCode originator, Level level, PartyCode holder, PartyCode recipient, Set<Topic> topics, Instant at) {
    return new ReleaseRequest(Set.of(originator), level, Releasability.open(), false, topics, null, holder, recipient, null, Set.of(), at);
  }

  /** The parties an information agreement joins the originator to, whatever its status: those that can hold a copy. */
  private static List<PartyCode> holders(PartyCode originator) {
    List<PartyCode> holders = new ArrayList<>();
    for (Party party : WORLD.parties()) {
      if (WORLD.between(originator, party.code(), AgreementKind.INFORMATION).length > 0) {
        holders.add(party.code());
      }
    }
    return holders;
  }

  /** Every instant at which an agreement's status or provisions change, as the timelines and versions date them. */
  private static Set<Instant> datedEvents() {
    Set<Instant> instants = new TreeSet<>();
    for (Agreement agreement : WORLD.agreements()) {
      instants.addAll(agreement.timeline().transitionInstants());
      for (TimelineEvent event : agreement.timeline().events()) {
        instants.add(event.at());
      }
      for (ProvisionVersion version : agreement.versions()) {
        if (version.from() != null) {
          instants.add(version.from());
        }
      }
    }
    return instants;
  }
}
