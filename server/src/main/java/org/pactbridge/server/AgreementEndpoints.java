package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.registry.PartnersAt;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.user.User;

/**
 * The agreements feature: parties and their schemes, agreements with their status as of {@code ?at=}
 * and their timelines, and the sources facts cite. Read from the node's immutable registry snapshot;
 * no store, no use case beyond reading.
 */
final class AgreementEndpoints {
  private final ServerConfig config;
  private final Registry registry;

  AgreementEndpoints(ServerConfig config, Registry registry) {
    this.config = config;
    this.registry = registry;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    list.add(new Endpoint("GET", "/api/v1/parties", "listParties", "Parties and their classification schemes", Endpoint.ANY_USER, null,
        "[party]", this::listParties));
    list.add(new Endpoint("GET", "/api/v1/parties/{code}", "getParty", "One party", Endpoint.ANY_USER, null, "party", this::getParty));
    list.add(new Endpoint("GET", "/api/v1/parties/{code}/partners", "getPartyPartners",
        "A party's named partners in force as of ?at= (kind: INFORMATION by default) and the record's counts of partners then, with sources",
        Endpoint.ANY_USER, null, "partners", this::getPartners));
    list.add(new Endpoint("GET", "/api/v1/agreements", "listAgreements",
        "Agreements with their status as of ?at= (filters: party, kind, inForce)", Endpoint.ANY_USER, null, "[agreement]", this::listAgreements));
    list.add(new Endpoint("GET", "/api/v1/agreements/{id}", "getAgreement", "One agreement as of ?at=, with timeline and provisions",
        Endpoint.ANY_USER, null, "agreement", this::getAgreement));
    list.add(new Endpoint("GET", "/api/v1/agreements/{id}/events", "listAgreementEvents", "An agreement's timeline events",
        Endpoint.ANY_USER, null, "{id, events}", this::agreementEvents));
    list.add(new Endpoint("GET", "/api/v1/exercises", "listExercises",
        "The exercise series the record dates, with their editions (dates, precision, location, sources)", Endpoint.ANY_USER, null,
        "[exercise]", (ctx, caller) -> Http.json(ctx, 200, Json.exercises(registry.exercises()))));
    list.add(new Endpoint("GET", "/api/v1/sources", "listSources", "The sources that facts cite, with their URLs", Endpoint.ANY_USER, null,
        "[{id, url, publisher, type, lang}]", this::listSources));
    return list;
  }

  private Instant now() {
    return Params.now(config.clock());
  }

  private Instant at(Context ctx) {
    return Params.at(ctx, config.clock());
  }

  private void listParties(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    registry.parties().forEach(each -> array.add(partyJson(each)));
    Http.json(ctx, 200, array);
  }

  private void getParty(Context ctx, User caller) {
    Http.json(ctx, 200, partyJson(registry.requireParty(ctx.pathParam("code"))));
  }

  private void getPartners(Context ctx, User caller) {
    PartyCode code = registry.requireParty(ctx.pathParam("code")).code();
    Http.json(ctx, 200, Json.partners(PartnersAt.of(registry, code, at(ctx), kind(ctx, AgreementKind.INFORMATION))));
  }

  private static ObjectNode partyJson(Party party) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("code", party.code().value());
    node.put("name", party.name());
    node.put("kind", party.kind().name());
    node.put("schemeAssumed", party.schemeAssumed());
    ArrayNode schemes = node.putArray("schemes");
    for (ClassificationScheme scheme : party.schemes()) {
      ObjectNode schemeNode = schemes.addObject();
      schemeNode.put("name", scheme.name());
      schemeNode.put("validFrom", scheme.validFrom() == null ? null : DateSpec.format(scheme.validFrom()));
      ArrayNode levels = schemeNode.putArray("levels");
      for (Level level : scheme.levels()) {
        ObjectNode levelNode = levels.addObject();
        levelNode.put("code", level.qualified());
        levelNode.put("rank", level.rank());
        levelNode.put("nativeName", level.nativeName());
        levelNode.put("englishName", level.englishName());
      }
    }
    ArrayNode sources = node.putArray("sources");
    party.sources().forEach(sources::add);
    return node;
  }

  private void listAgreements(Context ctx, User caller) {
    Instant at = at(ctx);
    String partyParam = ctx.queryParam("party");
    PartyCode filter = partyParam == null ? null : registry.requireParty(partyParam).code();
    AgreementKind kind = kind(ctx, null);
    boolean inForceOnly = Params.booleanParam(ctx, "inForce");
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Agreement agreement : registry.agreements()) {
      if ((filter != null && !agreement.hasParty(filter)) || (kind != null && agreement.kind() != kind)
          || (inForceOnly && !agreement.statusAt(at).inForce())) {
        continue;
      }
      array.add(Json.agreement(agreement, at, true));
    }
    Http.json(ctx, 200, array);
  }

  /** The {@code kind} query parameter, or {@code fallback} when absent; an unknown kind is a bad parameter. */
  private static AgreementKind kind(Context ctx, AgreementKind fallback) {
    String kindParam = ctx.queryParam("kind");
    if (kindParam == null) {
      return fallback;
    }
    try {
      return AgreementKind.valueOf(kindParam.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("kind", "unknown kind '" + kindParam + "' (INFORMATION, LOGISTICS or ARRANGEMENT)");
    }
  }

  private Agreement requireAgreement(String id) {
    try {
      return registry.requireAgreement(AgreementId.of(id));
    } catch (InvalidInputException e) {
      throw ApiProblem.notFound("no agreement '" + id + "'");
    }
  }

  private void getAgreement(Context ctx, User caller) {
    Agreement agreement = requireAgreement(ctx.pathParam("id"));
    Http.json(ctx, 200, Json.agreement(agreement, at(ctx), true));
  }

  private void listSources(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (org.pactbridge.core.registry.Source source : registry.sources().values()) {
      ObjectNode node = array.addObject();
      node.put("id", source.id());
      node.put("url", source.url());
      node.put("publisher", source.publisher());
      node.put("type", source.type());
      node.put("lang", source.lang());
    }
    Http.json(ctx, 200, array);
  }

  private void agreementEvents(Context ctx, User caller) {
    Agreement agreement = requireAgreement(ctx.pathParam("id"));
    ObjectNode full = Json.agreement(agreement, now(), true);
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", agreement.id().value());
    node.set("events", full.get("timeline"));
    Http.json(ctx, 200, node);
  }
}
