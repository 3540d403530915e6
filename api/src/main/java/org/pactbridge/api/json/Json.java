package org.pactbridge.api.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementStatus;
import org.pactbridge.core.agreement.ProvisionVersion;
import org.pactbridge.core.agreement.Provisions;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
import org.pactbridge.core.registry.Exercise;
import org.pactbridge.core.registry.ExerciseEdition;
import org.pactbridge.core.registry.PartnerCount;
import org.pactbridge.core.registry.PartnersAt;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;

/** Builds the JSON trees. Stateless and thread-safe. */
public final class Json {
  /** A shared mapper: sorted-free (insertion order kept), ISO instants as strings. */
  public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  public static String write(Object tree, boolean pretty) {
    try {
      return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree) : MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** The decision object of docs/decision-json.md, as {@link ApiWriter#decision} writes it. */
  public static ObjectNode decision(Decision decision) {
    return ApiWriter.tree(out -> ApiWriter.decision(out, decision));
  }

  /** One reason, as {@link ApiWriter#reason} writes it. */
  public static ObjectNode reason(Reason reason) {
    return ApiWriter.tree(out -> ApiWriter.reason(out, reason));
  }

  /** One route, as {@link ApiWriter#route} writes it. */
  public static ObjectNode route(Route route) {
    return ApiWriter.tree(out -> ApiWriter.route(out, route));
  }

  /** An agreement with its status at {@code at}, its timeline and its provisions versions. */
  public static ObjectNode agreement(Agreement agreement, Instant at, boolean full) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", agreement.id().value());
    node.put("kind", agreement.kind().name());
    node.put("title", agreement.title());
    ArrayNode parties = node.putArray("parties");
    agreement.parties().forEach(party -> parties.add(party.value()));
    AgreementStatus status = agreement.statusAt(at);
    ObjectNode statusNode = node.putObject("status");
    statusNode.put("at", DateSpec.format(at));
    statusNode.put("phase", status.phase().name());
    statusNode.put("display", status.display());
    statusNode.put("since", status.since() == null ? null : DateSpec.format(status.since()));
    TimelineEvent since = status.since() == null ? null : agreement.timeline().eventAt(status.since());
    if (since != null) {
      statusNode.put("sincePrecision", DateSpec.jsonName(since.precision()));
      statusNode.put("sinceDate", since.date());
    }
    statusNode.put("terminationTakesEffect", status.terminationTakesEffect() == null ? null : DateSpec.format(status.terminationTakesEffect()));
    statusNode.put("noticeSuspended", status.noticeSuspended());
    statusNode.put("assumed", status.assumed());
    ArrayNode sources = node.putArray("sources");
    agreement.sources().forEach(sources::add);
    if (!agreement.note().isEmpty()) {
      node.put("note", agreement.note());
    }
    if (full) {
      ArrayNode timeline = node.putArray("timeline");
      for (TimelineEvent event : agreement.timeline().events()) {
        ObjectNode item = timeline.addObject();
        item.put("type", event.type().name());
        item.put("at", DateSpec.format(event.at()));
        item.put("precision", DateSpec.jsonName(event.precision()));
        item.put("date", event.date());
        if (event.takesEffect() != null) {
          item.put("takesEffect", DateSpec.format(event.takesEffect()));
        }
        item.put("assumed", event.assumed());
        ArrayNode eventSources = item.putArray("sources");
        event.sources().forEach(eventSources::add);
        if (!event.note().isEmpty()) {
          item.put("note", event.note());
        }
      }
      ArrayNode versions = node.putArray("provisions");
      for (ProvisionVersion version : agreement.versions()) {
        versions.add(provisions(version));
      }
    }
    return node;
  }

  /**
   * A party's partners at an instant: the named partners in force, each with its agreements, and the
   * counts the record gives up to then (newest first) with their sources. The counts are not
   * reconciled with the names: no unnamed party is invented.
   */
  public static ObjectNode partners(PartnersAt partners) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("party", partners.party().value());
    node.put("at", DateSpec.format(partners.at()));
    node.put("kind", partners.kind().name());
    ArrayNode named = node.putArray("named");
    partners.named().forEach((partner, agreements) -> {
      ObjectNode item = named.addObject();
      item.put("party", partner.value());
      ArrayNode ids = item.putArray("agreements");
      for (Agreement agreement : agreements) {
        AgreementStatus status = agreement.statusAt(partners.at());
        ObjectNode entry = ids.addObject();
        entry.put("id", agreement.id().value());
        TimelineEvent since = status.since() == null ? null : agreement.timeline().eventAt(status.since());
        entry.put("since", status.since() == null ? null : DateSpec.format(status.since()));
        entry.put("sinceDate", since == null ? null : since.date());
        entry.put("assumed", status.assumed());
      }
    });
    node.put("namedCount", partners.named().size());
    ArrayNode counts = node.putArray("counts");
    for (PartnerCount count : partners.counts()) {
      ObjectNode item = counts.addObject();
      item.put("asOf", DateSpec.format(count.asOf()));
      item.put("precision", DateSpec.jsonName(count.precision()));
      item.put("date", count.date());
      item.put("count", count.count());
      item.put("basis", count.basis());
      ArrayNode sources = item.putArray("sources");
      count.sources().forEach(sources::add);
      if (!count.confidence().isEmpty()) {
        item.put("confidence", count.confidence());
      }
      if (!count.note().isEmpty()) {
        item.put("note", count.note());
      }
    }
    node.put("note", "counts are the record's, shown beside the named partners; no unnamed party is invented to match them");
    return node;
  }

  /** The exercise series the world dates, each edition with its dates as the record gives them, its precision and sources. */
  public static ArrayNode exercises(List<Exercise> exercises) {
    ArrayNode array = MAPPER.createArrayNode();
    for (Exercise exercise : exercises) {
      ObjectNode node = array.addObject();
      node.put("id", exercise.id());
      node.put("title", exercise.title());
      ArrayNode parties = node.putArray("parties");
      exercise.parties().forEach(party -> parties.add(party.value()));
      ArrayNode sources = node.putArray("sources");
      exercise.sources().forEach(sources::add);
      if (!exercise.note().isEmpty()) {
        node.put("note", exercise.note());
      }
      ArrayNode editions = node.putArray("editions");
      for (ExerciseEdition edition : exercise.editions()) {
        ObjectNode item = editions.addObject();
        if (edition.number() != null) {
          item.put("edition", edition.number());
        }
        item.put("from", DateSpec.format(edition.from()));
        item.put("until", DateSpec.format(edition.until()));
        item.put("precision", DateSpec.jsonName(edition.precision()));
        item.put("dates", edition.dates());
        item.put("location", edition.location());
        item.put("assumed", edition.assumed());
        if (!edition.confidence().isEmpty()) {
          item.put("confidence", edition.confidence());
        }
        ArrayNode editionSources = item.putArray("sources");
        edition.sources().forEach(editionSources::add);
        if (!edition.note().isEmpty()) {
          item.put("note", edition.note());
        }
      }
    }
    return array;
  }

  public static ObjectNode provisions(ProvisionVersion version) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("from", version.from() == null ? null : DateSpec.format(version.from()));
    if (!version.label().isEmpty()) {
      node.put("label", version.label());
    }
    Provisions provisions = version.provisions();
    if (provisions.scope().isUnrestricted()) {
      node.put("scope", "all");
    } else {
      ArrayNode scope = node.putArray("scope");
      provisions.scope().topics().forEach(topic -> scope.add(topic.slug()));
    }
    node.put("thirdParty", provisions.thirdPartyRule().name());
    node.put("assumed", provisions.assumed());
    ProvisionsJson.of(provisions.kind()).write(node, provisions);
    ArrayNode sources = node.putArray("sources");
    provisions.sources().forEach(sources::add);
    if (!provisions.note().isEmpty()) {
      node.put("note", provisions.note());
    }
    return node;
  }

  public static ObjectNode coverageCell(CoverageCell cell) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("from", cell.from().value());
    node.put("to", cell.to().value());
    node.put("direct", cell.direct().map(Level::qualified).orElse(null));
    node.put("directRecipientLevel", cell.directRecipientLevel().map(Level::qualified).orElse(null));
    node.put("directAgreement", cell.directAgreement().map(id -> id.value()).orElse(null));
    node.put("relay", cell.relay().map(Level::qualified).orElse(null));
    node.put("relaySanctioned", cell.relaySanctioned());
    node.set("relayRoute", cell.relayRoute().map(Json::route).orElse(null));
    return node;
  }
}
