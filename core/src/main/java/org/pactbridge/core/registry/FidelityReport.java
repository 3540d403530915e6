package org.pactbridge.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.logistics.terms.AreaRestriction;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.time.DateSpec.Precision;

/**
 * How faithfully the world follows its sources: every modelled fact (marked assumed: no source gives it
 * as modelled), every fact that cites no source and is not marked assumed (which a faithful world has
 * none of), and every source that no fact cites. A fact is an agreement's citation, a timeline event,
 * a provisions version with its table or terms (and, for logistics, the settlement period, the
 * conditions and each area rule), a party's scheme, a community's membership, a count and an exercise
 * edition.
 */
public record FidelityReport(List<Fact> modelled, List<Fact> unmarked, List<String> unusedSources) {
  /** One fact: its kind, what it belongs to, which field, and why it is listed. */
  public record Fact(String kind, String subject, String field, String why) {}

  public FidelityReport {
    modelled = List.copyOf(modelled);
    unmarked = List.copyOf(unmarked);
    unusedSources = List.copyOf(unusedSources);
  }

  public static FidelityReport of(Registry registry) {
    List<Fact> modelled = new ArrayList<>();
    List<Fact> unmarked = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>(registry.citedSources());
    for (Party party : registry.parties()) {
      used.addAll(party.sources());
      if (party.schemeAssumed()) {
        modelled.add(new Fact("party", party.code().value(), "schemes", "the classification scheme is modelled, not sourced"));
      } else if (party.sources().isEmpty()) {
        unmarked.add(new Fact("party", party.code().value(), "schemes", "no source and not marked assumed"));
      }
    }
    for (Community community : registry.communities().values()) {
      used.addAll(community.sources());
      if (community.assumed()) {
        modelled.add(new Fact("community", community.name(), "members", "membership is publicly known, not in the record"));
      } else if (community.sources().isEmpty() && !community.members().isEmpty()) {
        unmarked.add(new Fact("community", community.name(), "members", "no source and not marked assumed"));
      }
    }
    for (Agreement agreement : registry.agreements()) {
      String id = agreement.id().value();
      used.addAll(agreement.sources());
      if (agreement.sources().isEmpty()) {
        unmarked.add(new Fact("agreement", id, "sources", "the agreement cites no source"));
      }
      for (TimelineEvent event : agreement.timeline().events()) {
        used.addAll(event.sources());
        String field = "timeline " + event.type() + " " + event.date();
        if (event.assumed()) {
          modelled.add(new Fact("event", id, field, why(event)));
        } else if (event.sources().isEmpty()) {
          unmarked.add(new Fact("event", id, field, "no source and not marked assumed"));
        }
      }
      for (ProvisionVersion version : agreement.versions()) {
        version(id, version, modelled, unmarked, used);
      }
    }
    for (PartnerCount count : registry.partnerCounts()) {
      used.addAll(count.sources());
    }
    for (Exercise exercise : registry.exercises()) {
      used.addAll(exercise.sources());
      for (ExerciseEdition edition : exercise.editions()) {
        used.addAll(edition.sources());
        if (edition.assumed()) {
          modelled.add(new Fact("exercise", exercise.id(), "edition " + (edition.number() == null ? "" : edition.number() + " ") + edition.dates(),
              edition.note().isEmpty() ? "dates known only to the month or year" : edition.note()));
        }
      }
    }
    List<String> unused = new ArrayList<>();
    for (String source : registry.sources().keySet()) {
      if (!used.contains(source)) {
        unused.add(source);
      }
    }
    return new FidelityReport(modelled, unmarked, unused);
  }

  private static void version(String id, ProvisionVersion version, List<Fact> modelled, List<Fact> unmarked, Set<String> used) {
    Provisions provisions = version.provisions();
    String field = "provisions" + (version.label().isEmpty() ? "" : " '" + version.label() + "'")
        + (version.from() == null ? "" : " from " + version.from().toString().substring(0, 10));
    used.addAll(provisions.sources());
    boolean sourced = !provisions.sources().isEmpty();
    boolean assumed = provisions.assumed();
    boolean any = false;
    if (provisions.assumed()) {
      modelled.add(new Fact("provisions", id, field, provisions.general().note().isEmpty() ? "modelled" : provisions.general().note()));
    }
    if (provisions instanceof InformationProvisions information && information.equivalence().isPresent()) {
      EquivalenceTable table = information.equivalence().get();
      any = true;
      used.addAll(table.sources());
      sourced |= !table.sources().isEmpty();
      if (table.assumed()) {
        assumed = true;
        modelled.add(new Fact("equivalence", id, field, table.note().isEmpty() ? "no source gives the table" : table.note()));
      }
    }
    if (provisions instanceof LogisticsProvisions logistics && logistics.logistics().isPresent()) {
      LogisticsTerms terms = logistics.logistics().get();
      any = true;
      used.addAll(terms.sources());
      sourced |= !terms.sources().isEmpty();
      if (terms.assumed()) {
        assumed = true;
        modelled.add(new Fact("logistics", id, field + " categories and activities", terms.note().isEmpty() ? "modelled" : terms.note()));
      }
      if (terms.settlementAssumed()) {
        modelled.add(new Fact("logistics", id, field + " settlement period", "no source gives a settlement period"));
      }
      if (terms.conditionsAssumed()) {
        modelled.add(new Fact("logistics", id, field + " conditions", "the conditions on categories are modelled"));
      }
      for (AreaRestriction restriction : terms.areaRestrictions()) {
        used.addAll(restriction.sources());
        if (restriction.assumed()) {
          modelled.add(new Fact("logistics", id, field + " area rule " + restriction.supplier() + " " + restriction.rule() + " " + restriction.zones(),
              restriction.note().isEmpty() ? "no treaty text states it" : restriction.note()));
        }
      }
    }
    if (provisions instanceof ArrangementProvisions arrangement && arrangement.channel().isPresent()) {
      any = true;
    }
    if (any && !sourced && !assumed) {
      unmarked.add(new Fact("provisions", id, field, "no source and not marked assumed"));
    }
  }

  private static String why(TimelineEvent event) {
    String precision = event.precision() == Precision.YEAR || event.precision() == Precision.MONTH
        ? "date known only to the " + event.precision().name().toLowerCase(java.util.Locale.ROOT) : "";
    if (event.note().isEmpty()) {
      return precision.isEmpty() ? "marked assumed" : precision;
    }
    return precision.isEmpty() ? event.note() : precision + "; " + event.note();
  }
}
