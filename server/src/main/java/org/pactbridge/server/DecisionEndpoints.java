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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
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
import org.pactbridge.service.Decisions;
import org.pactbridge.service.Items;

/**
 * The decisions feature: one release decision or a batch ({@code /api/v1/decisions}), routes, the
 * coverage matrix and what-if. Decisions run on the immutable registry snapshot and never touch the
 * database; {@link Decisions} puts each on record before its answer completes: one {@code DECISION}
 * entry per single decision, whose sequence number is sent in the {@value #AUDIT_HEADER} header, and one
 * {@code DECISION_BATCH} entry per batch ({@link DecisionBatch}, streamed, so the entry is written after
 * the last byte of the answer and before the response completes: its number cannot travel in a header),
 * holding the SHA-256 of the request body as read and of the answer as written. The decision JSON is
 * streamed ({@link ApiWriter#decision}): this endpoint is the node's hot path.
 */
final class DecisionEndpoints {
  private static final JsonFactory FACTORY = Json.MAPPER.getFactory();
  /** The response header naming the audit entry that records a single decision. */
  static final String AUDIT_HEADER = "Pactbridge-Audit-Entry";
  private static final ObjectReader DECISION = org.pactbridge.api.request.Bodies.readerFor(DecisionBody.class);
  private static final ObjectReader WHATIF = org.pactbridge.api.request.Bodies.readerFor(WhatIfBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final ReleaseEngine engine;
  private final Decisions service;
  private final Items items;
  private final DecisionBatch batch;
  private final Map<Outcome, Counter> decisions = new EnumMap<>(Outcome.class);

  DecisionEndpoints(ServerConfig config, ReleaseEngine engine, Decisions service, Items items, MeterRegistry metrics,
      BatchAnswered.Listener batches) {
    this.config = config;
    this.registry = engine.registry();
    this.engine = engine;
    this.service = service;
    this.items = items;
    for (Outcome outcome : Outcome.values()) {
      decisions.put(outcome, Counter.builder("pactbridge.decisions").tag("outcome", outcome.name()).register(metrics));
    }
    this.batch = new DecisionBatch(registry, service, config.maxBatch(), decisions, batches);
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    list.add(new Endpoint("POST", "/api/v1/decisions", "decide",
        "One release decision (the fields of check), or a batch {\"requests\": [...]} answered as {\"decisions\": [...]},"
            + " or a batch as JSON Lines (application/x-ndjson, one request a line) answered one decision a line", Endpoint.ASKERS,
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
    String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    boolean lines = contentType.startsWith(DecisionBatch.NDJSON);
    if (!lines && !contentType.startsWith(Http.JSON)) {
      throw new ApiProblem(415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type", "expected Content-Type application/json or "
          + DecisionBatch.NDJSON + ", got " + (ctx.contentType() == null ? "none" : "'" + ctx.contentType() + "'"));
    }
    long limit = config.maxBodyBytes();
    if (ctx.req().getContentLengthLong() > limit) {
      throw ApiProblem.bodyTooLarge(limit);
    }
    DigestingStreams.Input received = DigestingStreams.input(ctx.req().getInputStream(), limit);
    Instant now = now();
    if (lines) {
      batch.answerLines(ctx, caller, received, now);
      return;
    }
    byte[] head = head(received);
    if (isBatch(head, true)) {
      batch.answerJson(ctx, caller, new SequenceInputStream(new ByteArrayInputStream(head), received), received, now);
      return;
    }
    byte[] body = head;
    try {
      byte[] rest = received.readAllBytes();
      if (rest.length > 0) {
        body = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, body, head.length, rest.length);
      }
    } catch (IOException e) {
      throw new ApiProblem(400, "BODY_UNREADABLE", "Body unreadable", "the request body could not be read");
    }
    if (body.length == 0) {
      throw ApiProblem.emptyBody();
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

  /**
   * The body's first bytes, enough to see whether its first field is {@code requests}: read in growing
   * pieces until the first field name is complete or the body ends (a few hundred bytes, in practice).
   */
  private static byte[] head(InputStream in) {
    byte[] head = new byte[0];
    int want = 512;
    try {
      while (true) {
        byte[] more = in.readNBytes(want - head.length);
        boolean ended = head.length + more.length < want;
        byte[] joined = Arrays.copyOf(head, head.length + more.length);
        System.arraycopy(more, 0, joined, head.length, more.length);
        head = joined;
        if (ended || isBatch(head, false) != null) {
          return head;
        }
        want = Math.multiplyExact(want, 4);
      }
    } catch (IOException e) {
      throw new ApiProblem(400, "BODY_UNREADABLE", "Body unreadable", "the request body could not be read");
    }
  }

  /** Whether the body's first field is {@code requests}: the batch form. Null if {@code head} is cut before that shows and {@code whole} is false. */
  private static Boolean isBatch(byte[] head, boolean whole) {
    try (JsonParser parser = FACTORY.createParser(head)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return whole ? Boolean.FALSE : null; // only whitespace so far
      }
      return first == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME && "requests".equals(parser.currentName());
    } catch (IOException e) {
      return whole ? Boolean.FALSE : null; // cut short, or not JSON: the strict read reports it
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
