package org.pactbridge.core.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.ArrangementProvisions;
import org.pactbridge.core.agreement.Channel;
import org.pactbridge.core.agreement.EquivalenceTable;
import org.pactbridge.core.agreement.InformationProvisions;
import org.pactbridge.core.agreement.LogisticsProvisions;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.logistics.terms.LogisticsTerms;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Community;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;

/**
 * A canonical text of a registry and of each of its parts: two registries hold the same facts exactly
 * when their texts are equal. Used to compare what is imported with what is stored (a change must be a
 * new event, never an edit) and by round-trip tests. Stateless.
 */
public final class RegistryText {
  private RegistryText() {}

  /** Everything the registry holds, in a deterministic order. */
  public static String describe(Registry registry) {
    StringBuilder out = new StringBuilder();
    for (Source source : registry.sources().values()) {
      out.append(source(source)).append('\n');
    }
    for (Party party : registry.parties()) {
      out.append(party(party)).append('\n');
    }
    Map<String, Community> communities = new TreeMap<>(registry.communities());
    for (Community community : communities.values()) {
      out.append(community(community)).append('\n');
    }
    for (Agreement agreement : registry.agreements()) {
      out.append(agreementHeader(agreement)).append('\n');
      for (TimelineEvent event : agreement.timeline().events()) {
        out.append("  ").append(event(event)).append('\n');
      }
      for (ProvisionVersion version : agreement.versions()) {
        out.append("  ").append(version(version)).append('\n');
      }
    }
    for (String partner : registry.knownPartnersWithoutDates()) {
      out.append("known ").append(partner).append('\n');
    }
    return out.toString();
  }

  public static String source(Source source) {
    return "source " + source.id() + " | " + source.url() + " | " + source.publisher() + " | " + source.type() + " | " + source.lang();
  }

  public static String party(Party party) {
    StringBuilder out = new StringBuilder("party " + party.code() + " | " + party.name() + " | " + party.kind() + " | assumed="
        + party.schemeAssumed() + " | " + party.sources());
    for (ClassificationScheme scheme : party.schemes()) {
      out.append(" || scheme ").append(scheme.validFrom()).append(" | ").append(scheme.name());
      for (Level level : scheme.levels()) {
        out.append(" | ").append(level.code()).append('/').append(level.rank()).append('/').append(level.nativeName()).append('/')
            .append(level.englishName()).append('/').append(level.aliases());
      }
    }
    return out.toString();
  }

  public static String community(Community community) {
    List<String> members = new ArrayList<>(community.members().stream().map(PartyCode::value).sorted().toList());
    return "community " + community.name() + " | " + members + " | known=" + community.membersKnown() + " | " + community.sources();
  }

  public static String agreementHeader(Agreement agreement) {
    return "agreement " + agreement.id() + " | " + agreement.kind() + " | " + agreement.title() + " | " + agreement.parties() + " | "
        + agreement.sources() + " | " + agreement.note();
  }

  public static String event(TimelineEvent event) {
    return "event " + event.type() + " | " + event.at() + " | " + event.takesEffect() + " | assumed=" + event.assumed() + " | "
        + event.sources() + " | " + event.note();
  }

  public static String version(ProvisionVersion version) {
    Provisions provisions = version.provisions();
    StringBuilder out = new StringBuilder("version " + version.from() + " | " + version.label() + " | scope=");
    out.append(provisions.scope().isUnrestricted() ? "all" : provisions.scope().topics().stream().map(Topic::slug).toList());
    out.append(" | ").append(provisions.thirdPartyRule());
    // one line for every kind, with "none" for a part the kind lacks: the form stores compare and that
    // predates provisions per kind, so it stays as it was
    Channel channel = provisions instanceof ArrangementProvisions arrangement ? arrangement.channel().orElse(null) : null;
    out.append(" | channel=").append(channel == null ? "none" : channel.hub() + " " + channel.paths());
    out.append(" | assumed=").append(provisions.assumed()).append(" | ").append(provisions.sources()).append(" | ").append(provisions.note());
    LogisticsTerms terms = provisions instanceof LogisticsProvisions logistics ? logistics.logistics().orElse(null) : null;
    out.append(" | logistics=").append(logistics(terms));
    EquivalenceTable table = provisions instanceof InformationProvisions information ? information.equivalence().orElse(null) : null;
    if (table == null) {
      out.append(" | equivalence=none");
    } else {
      out.append(" | equivalence assumed=").append(table.assumed()).append(' ').append(table.sources()).append(' ').append(table.note());
      for (Map<PartyCode, List<Level>> row : table.rows()) {
        out.append(" | row");
        for (Map.Entry<PartyCode, List<Level>> cell : new TreeMap<>(row).entrySet()) {
          out.append(' ').append(cell.getKey()).append('=').append(cell.getValue().stream().map(Level::code).toList());
        }
      }
    }
    return out.toString();
  }

  public static String logistics(LogisticsTerms terms) {
    if (terms == null) {
      return "none";
    }
    return "categories=" + terms.categories() + " excluded=" + terms.excluded() + " conditions=" + terms.conditions() + " conditionsAssumed="
        + terms.conditionsAssumed() + " activities=" + terms.activities() + " reimbursement=" + terms.reimbursementModes() + " settlement="
        + terms.settlementPeriod() + " settlementAssumed=" + terms.settlementAssumed() + " assumed=" + terms.assumed() + " sources="
        + terms.sources() + " note=" + terms.note() + " areas=" + terms.areaRestrictions();
  }
}
