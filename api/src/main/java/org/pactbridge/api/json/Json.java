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
import org.pactbridge.core.release.ConsentNeed;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Hop;
import org.pactbridge.core.release.Reason;
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

  /** The decision object of docs/decision-json.md. */
  public static ObjectNode decision(Decision decision) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("decision", decision.outcome().name());
    node.put("at", DateSpec.format(decision.at()));
    node.put("recipientLevel", decision.recipientLevel().map(Level::qualified).orElse(null));
    ArrayNode agreements = node.putArray("agreements");
    decision.agreements().forEach(id -> agreements.add(id.value()));
    ArrayNode reasons = node.putArray("reasons");
    for (Reason reason : decision.reasons()) {
      reasons.add(reason(reason));
    }
    if (decision instanceof Decision.ConsentRequired required) {
      ArrayNode needed = node.putArray("consentsRequired");
      for (ConsentNeed need : required.needed()) {
        ObjectNode item = needed.addObject();
        item.put("from", need.from().value());
        item.put("hopFrom", need.hopFrom().value());
        item.put("hopTo", need.hopTo().value());
        item.put("orcon", need.orcon());
      }
    }
    ArrayNode routes = node.putArray("routes");
    for (Route route : decision.routes()) {
      routes.add(route(route));
    }
    return node;
  }

  public static ObjectNode reason(Reason reason) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("code", reason.code().name());
    node.put("message", reason.message());
    node.put("effect", reason.effect().name());
    node.put("rule", reason.rule());
    if (reason.agreement() != null) {
      node.put("agreement", reason.agreement().value());
    }
    putParty(node, "from", reason.from());
    putParty(node, "to", reason.to());
    putParty(node, "party", reason.party());
    if (reason.level() != null) {
      node.put("level", reason.level().qualified());
    }
    if (reason.instant() != null) {
      node.put("instant", DateSpec.format(reason.instant()));
    }
    return node;
  }

  public static ObjectNode route(Route route) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode hops = node.putArray("hops");
    for (Hop hop : route.hops()) {
      ObjectNode item = hops.addObject();
      item.put("from", hop.from().value());
      item.put("to", hop.to().value());
      item.put("agreement", hop.agreement().value());
      item.put("level", hop.level().qualified());
      item.put("assumed", hop.assumed());
      ArrayNode sources = item.putArray("sources");
      hop.sources().forEach(sources::add);
    }
    ArrayNode consents = node.putArray("consents");
    route.consents().forEach(party -> consents.add(party.value()));
    node.put("sanctionedBy", route.sanctionedBy() == null ? null : route.sanctionedBy().value());
    return node;
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
    if (provisions.equivalence() != null) {
      ObjectNode table = node.putObject("equivalence");
      table.put("assumed", provisions.equivalence().assumed());
      ArrayNode rows = table.putArray("rows");
      for (var row : provisions.equivalence().rows()) {
        ObjectNode rowNode = rows.addObject();
        row.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(cell -> {
          ArrayNode levels = rowNode.putArray(cell.getKey().value());
          cell.getValue().forEach(level -> levels.add(level.code()));
        });
      }
      ArrayNode sources = table.putArray("sources");
      provisions.equivalence().sources().forEach(sources::add);
      if (!provisions.equivalence().note().isEmpty()) {
        table.put("note", provisions.equivalence().note());
      }
    }
    if (provisions.channel() != null) {
      ObjectNode channel = node.putObject("channel");
      channel.put("hub", provisions.channel().hub().value());
      ArrayNode paths = channel.putArray("paths");
      for (List<PartyCode> path : provisions.channel().paths()) {
        ArrayNode pathNode = paths.addArray();
        path.forEach(party -> pathNode.add(party.value()));
      }
    }
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

  private static void putParty(ObjectNode node, String field, PartyCode party) {
    if (party != null) {
      node.put(field, party.value());
    }
  }
}
