package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Consents;
import org.pactbridge.service.Items;

/**
 * The consents feature, {@code /api/v1/consents}: a holder asks the originators for consent, their
 * disclosure officers answer. The use case is {@link Consents}; this class reads the bodies (the
 * verdict and its conditions) and writes the JSON.
 */
final class ConsentEndpoints {
  private static final ObjectReader CONSENT_REQUEST = org.pactbridge.api.request.Bodies.readerFor(Bodies.ConsentRequestBody.class);
  private static final ObjectReader CONSENT_ANSWER = org.pactbridge.api.request.Bodies.readerFor(Bodies.ConsentAnswerBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final Items items;
  private final Consents consents;

  ConsentEndpoints(ServerConfig config, Registry registry, Items items, Consents consents) {
    this.config = config;
    this.registry = registry;
    this.items = items;
    this.consents = consents;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    Set<Role> holders = ItemEndpoints.HOLDERS;
    list.add(new Endpoint("POST", "/api/v1/consents", "requestConsent", "A holder asks the originator's disclosure officer for consent",
        holders, Bodies.ConsentRequestBody.class, "{requests}", this::requestConsent));
    list.add(new Endpoint("GET", "/api/v1/consents", "listConsents",
        "Consent requests the caller's nation asked or (disclosure officers) must answer; ?state=pending|all", holders, null, "[request]",
        this::listConsents));
    list.add(new Endpoint("GET", "/api/v1/consents/{id}", "getConsent", "One consent request with its answer", holders, null, "request",
        this::getConsent));
    list.add(new Endpoint("POST", "/api/v1/consents/{id}/answer", "answerConsent",
        "The originator's disclosure officer grants (optionally with expiry, downgrade, added caveat) or refuses",
        EnumSet.of(Role.DISCLOSURE_OFFICER), Bodies.ConsentAnswerBody.class, "request with answer", this::answerConsent));
    return list;
  }

  private void requestConsent(Context ctx, User caller) {
    Bodies.ConsentRequestBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), CONSENT_REQUEST);
    if (body.item() == null || body.to() == null) {
      String field = body.item() == null ? "item" : "to";
      throw InvalidInputException.invalid("MISSING_FIELD", field, "missing field '" + field + "'");
    }
    org.pactbridge.core.item.Item item = items.requireVisible(caller, body.item());
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("requests");
    consents.request(caller, item, registry.requireParty(body.to()).code()).forEach(request -> array.add(consentJson(request)));
    Http.json(ctx, 201, node);
  }

  private void listConsents(Context ctx, User caller) {
    String state = ctx.queryParam("state");
    if (state != null && !state.equals("pending") && !state.equals("all")) {
      throw ApiProblem.badParameter("state", "expected pending or all");
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    consents.visibleTo(caller, !"all".equals(state)).forEach(request -> array.add(consentJson(request)));
    Http.json(ctx, 200, array);
  }

  private void getConsent(Context ctx, User caller) {
    Http.json(ctx, 200, consentJson(consents.require(caller, ctx.pathParam("id"))));
  }

  private void answerConsent(Context ctx, User caller) {
    org.pactbridge.core.consent.ConsentRequest request = consents.require(caller, ctx.pathParam("id"));
    Bodies.ConsentAnswerBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), CONSENT_ANSWER);
    org.pactbridge.core.consent.ConsentAnswer.Verdict verdict;
    try {
      verdict = org.pactbridge.core.consent.ConsentAnswer.Verdict.valueOf(String.valueOf(body.verdict()).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.invalid("BAD_VERDICT", String.valueOf(body.verdict()),
          "verdict '" + body.verdict() + "' (expected GRANTED or REFUSED)");
    }
    List<org.pactbridge.core.consent.ConsentCondition> conditions = new ArrayList<>();
    if (body.expiresAt() != null) {
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.Expiry(DateSpec.parseInstant(body.expiresAt())));
    }
    if (body.downgradeTo() != null) {
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.Downgrade(items.levelOf(body.downgradeTo()).qualified()));
    }
    if (body.addCaveat() != null) {
      if (body.addCaveat().isBlank() || body.addCaveat().length() > 64 || !body.addCaveat().matches("[A-Z0-9 ,/_-]+")) {
        throw InvalidInputException.invalid("BAD_CAVEAT", body.addCaveat(), "a caveat is 1 to 64 upper-case letters, digits, spaces and , / _ -");
      }
      conditions.add(new org.pactbridge.core.consent.ConsentCondition.AddedCaveat(body.addCaveat()));
    }
    if (verdict == org.pactbridge.core.consent.ConsentAnswer.Verdict.REFUSED && !conditions.isEmpty()) {
      throw InvalidInputException.invalid("CONDITIONS_ON_REFUSAL", "verdict", "a refusal carries no conditions");
    }
    consents.answer(caller, request, verdict, conditions);
    Http.json(ctx, 200, consentJson(request));
  }

  private ObjectNode consentJson(org.pactbridge.core.consent.ConsentRequest request) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", request.id());
    node.put("item", request.item().value());
    node.put("originator", request.originator().value());
    node.put("requester", request.requester().value());
    // The user who asked (null for a request stored before the node kept it: only the nation is known).
    if (request.requestedBy() == null) {
      node.putNull("requestedBy");
    } else {
      node.putObject("requestedBy").put("id", request.requestedBy().id()).put("name", request.requestedBy().name());
    }
    node.put("recipient", request.recipient().value());
    node.put("requestedAt", DateSpec.format(request.requestedAt()));
    // a request between nodes (issue 20): IN, asked by the holder's node; OUT, asked of the originator's node
    Optional<Consents.CrossNode> crossNode = consents.crossNode(request);
    if (crossNode.isEmpty()) {
      node.putNull("node");
    } else {
      node.putObject("node").put("direction", crossNode.get().direction()).put("peer", crossNode.get().peer().value());
    }
    Optional<org.pactbridge.core.consent.ConsentAnswer> answer = consents.answerTo(request);
    if (answer.isEmpty()) {
      node.putNull("answer");
    } else {
      ObjectNode answerNode = node.putObject("answer");
      answerNode.put("verdict", answer.get().verdict().name());
      answerNode.put("by", answer.get().by().value());
      answerNode.put("answeredAt", DateSpec.format(answer.get().answeredAt()));
      ArrayNode conditions = answerNode.putArray("conditions");
      answer.get().conditions().forEach(condition -> conditions.addObject().put("kind", condition.kind()).put("value", condition.value()));
    }
    return node;
  }
}
