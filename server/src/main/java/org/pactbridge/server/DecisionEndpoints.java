package org.pactbridge.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pactbridge.api.json.ApiWriter;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.json.WhatIfJson;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.api.request.RequestException;
import org.pactbridge.api.request.WhatIfBody;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.engine.ReleaseEngine;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.release.Route;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.User;
import org.pactbridge.core.whatif.Probe;
import org.pactbridge.core.whatif.WhatIf;
import org.pactbridge.core.whatif.WhatIfResult;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.service.Decisions;
import org.pactbridge.service.Items;

/**
 * The decisions feature: one release decision or a batch ({@code /api/v1/decisions}), routes, the
 * coverage matrix and what-if. Decisions run on the immutable registry snapshot and never touch the
 * database; {@link Decisions} puts each on record before its answer leaves: one {@code DECISION}
 * entry per single decision, one {@code DECISION_BATCH} entry per batch, holding the SHA-256 of the
 * request body exactly as read and of the response body exactly as written. The entry's sequence
 * number is sent back in the {@value #AUDIT_HEADER} header. The decision JSON is streamed
 * ({@link ApiWriter#decision}): this endpoint is the node's hot path.
 */
final class DecisionEndpoints {
  /** The response header naming the audit entry that records the decision or the batch. */
  static final String AUDIT_HEADER = "Pactbridge-Audit-Entry";
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  private static final ObjectReader DECISION = org.pactbridge.api.request.Bodies.readerFor(DecisionBody.class);
  private static final ObjectReader BATCH = org.pactbridge.api.request.Bodies.readerFor(Bodies.BatchBody.class);
  private static final ObjectReader WHATIF = org.pactbridge.api.request.Bodies.readerFor(WhatIfBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final ReleaseEngine engine;
  private final Decisions service;
  private final Items items;
  private final JsonLimits batchLimits;
  private final Map<Outcome, Counter> decisions = new EnumMap<>(Outcome.class);

  DecisionEndpoints(ServerConfig config, ReleaseEngine engine, Decisions service, Items items, MeterRegistry metrics) {
    this.config = config;
    this.registry = engine.registry();
    this.engine = engine;
    this.service = service;
    this.items = items;
    this.batchLimits = JsonLimits.DEFAULT.withList("requests", config.maxBatch());
    for (Outcome outcome : Outcome.values()) {
      decisions.put(outcome, Counter.builder("pactbridge.decisions").tag("outcome", outcome.name()).register(metrics));
    }
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    list.add(new Endpoint("POST", "/api/v1/decisions", "decide",
        "One release decision (the fields of check), or a batch {\"requests\": [...]} answered as {\"decisions\": [...]}", Endpoint.ASKERS,
        DecisionBody.class, "the decision object of check --json", this::decide));
    list.add(new Endpoint("POST", "/api/v1/routes", "findRoutes", "Routes that would lawfully reach the recipient", Endpoint.ASKERS,
        DecisionBody.class, "{routes}", this::routes));
    list.add(new Endpoint("GET", "/api/v1/coverage", "coverage", "The coverage matrix at ?at= for ?parties= and ?topics=", Endpoint.ANY_USER,
        null, "[cell] as coverage --json", this::coverage));
    list.add(new Endpoint("POST", "/api/v1/whatif", "whatIf", "Hypothetical events in; changed coverage cells and decisions out",
        Endpoint.ASKERS, WhatIfBody.class, "{at, cells, decisions}", this::whatIf));
    return list;
  }

  private Instant now() {
    return Params.now(config.clock());
  }

  private Instant at(Context ctx) {
    return Params.at(ctx, config.clock());
  }

  private void decide(Context ctx, User caller) throws IOException {
    byte[] body = Http.body(ctx, config.maxBodyBytes());
    Instant now = now();
    if (isBatch(body)) {
      Bodies.BatchBody batch = Http.read(body, BATCH, batchLimits);
      List<DecisionBody> requests = batch.requests() == null ? List.of() : batch.requests();
      if (requests.size() > config.maxBatch()) {
        throw ApiProblem.tooManyRequests(requests.size(), config.maxBatch());
      }
      // Translate every request first: a bad one refuses the whole batch, naming its index.
      List<ReleaseRequest> translated = new ArrayList<>(requests.size());
      for (int i = 0; i < requests.size(); i++) {
        try {
          translated.add(requests.get(i).toRequest(registry, now));
        } catch (RequestException e) {
          throw new ApiProblem(400, e.code(), "Bad input", "requests[" + i + "]: " + Excerpt.detail(e.getMessage(), e.token()),
              Map.of("index", i, "token", String.valueOf(e.token())));
        }
      }
      Decisions.Batch decided = service.batch(caller);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(translated.size() * 512);
      try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
        out.writeStartObject();
        out.writeArrayFieldStart("decisions");
        for (ReleaseRequest request : translated) {
          Decision decision = decided.decide(request);
          decisions.get(decision.outcome()).increment();
          ApiWriter.decision(out, decision);
        }
        out.writeEndArray();
        out.writeEndObject();
      }
      byte[] response = bytes.toByteArray();
      // the hashes of the bytes as read and as they will be written, on record before the answer leaves
      AuditEntry entry = decided.record(Decisions.sha256Hex(body), Decisions.sha256Hex(response));
      ctx.header(AUDIT_HEADER, Long.toString(entry.seq()));
      ctx.status(200).contentType(Http.JSON).result(response);
      return;
    }
    DecisionBody request = Http.read(body, DECISION);
    Decisions.Recorded recorded = service.decide(caller, request.toRequest(registry, now));
    Decision decision = recorded.decision();
    decisions.get(decision.outcome()).increment();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
    try (JsonGenerator out = FACTORY.createGenerator(bytes)) {
      ApiWriter.decision(out, decision);
    }
    ctx.header(AUDIT_HEADER, Long.toString(recorded.entry().seq()));
    ctx.status(200).contentType(Http.JSON).result(bytes.toByteArray());
  }

  /** Whether the body's first field is {@code requests}: the batch form. A cheap peek at one token. */
  private static boolean isBatch(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      return parser.nextToken() == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME
          && "requests".equals(parser.currentName());
    } catch (com.fasterxml.jackson.core.JsonParseException e) {
      return false; // the strict read reports it
    }
  }

  private void routes(Context ctx, User caller) {
    DecisionBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), DECISION);
    ReleaseRequest request = body.toRequest(registry, now());
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("at", DateSpec.format(request.at()));
    ArrayNode array = node.putArray("routes");
    for (Route route : engine.routes(request)) {
      array.add(Json.route(route));
    }
    Http.json(ctx, 200, node);
  }

  private void coverage(Context ctx, User caller) {
    Instant at = at(ctx);
    List<PartyCode> codes = new ArrayList<>();
    String parties = ctx.queryParam("parties");
    List<String> tokens = parties == null ? List.of("KOR", "JPN", "USA") : List.of(parties.split(","));
    if (tokens.size() == 1 && tokens.get(0).strip().equalsIgnoreCase("all")) {
      registry.parties().forEach(each -> codes.add(each.code()));
    } else {
      for (String token : tokens) {
        codes.add(registry.requireParty(token.strip()).code());
      }
    }
    Set<Topic> topics = Topic.parseList(ctx.queryParam("topics"));
    List<CoverageCell> cells = new Coverage(engine).compute(at, topics, codes);
    ArrayNode array = Json.MAPPER.createArrayNode();
    cells.forEach(cell -> array.add(Json.coverageCell(cell)));
    Http.json(ctx, 200, array);
  }

  private void whatIf(Context ctx, User caller) {
    WhatIfBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), WHATIF);
    Instant at = body.instant(now());
    List<Probe> probes = new ArrayList<>(body.probes(registry, at));
    List<PartyCode> parties = body.partyCodes(registry);
    // The stored items the caller sees and their nation holds, from that nation to each other party shown.
    for (org.pactbridge.core.item.Item item : items.listVisible(caller, 0, 1000)) {
      for (PartyCode to : parties) {
        if (!to.equals(caller.nationality())) {
          probes.add(new Probe("item:" + item.id() + ">" + to, new ReleaseRequest(Set.copyOf(item.originators()), item.level(), item.releasability(),
              item.orcon(), item.topics(), item.declassifyOn(), caller.nationality(), to, null, Set.of(), at)));
        }
      }
    }
    WhatIfResult result = new WhatIf(engine).compare(body.hypothesis(registry), at, body.topicSet(), parties, probes);
    Http.json(ctx, 200, WhatIfJson.result(result));
  }
}
