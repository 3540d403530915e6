package org.pactbridge.web.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.agreement.Agreement;
import org.pactbridge.core.agreement.AgreementId;
import org.pactbridge.core.agreement.AgreementKind;
import org.pactbridge.core.agreement.EventType;
import org.pactbridge.core.agreement.Timeline;
import org.pactbridge.core.agreement.TimelineEvent;
import org.pactbridge.core.coverage.Coverage;
import org.pactbridge.core.coverage.CoverageCell;
import org.pactbridge.core.label.Releasability;
import org.pactbridge.core.party.ClassificationScheme;
import org.pactbridge.core.party.Level;
import org.pactbridge.core.party.Party;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.party.Topic;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.registry.Source;
import org.pactbridge.core.release.Decision;
import org.pactbridge.core.release.ReleaseEngine;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.web.WebAssets;
import org.pactbridge.world.WorldLoader;

/**
 * A throwaway stand-in for the node service (issue 5) while its server is not on main: the JDK's HTTP
 * server serving the web assets from the classpath and the slice of {@code /api/v1} the pages call,
 * with the same paths, JSON shapes and bearer tokens as the server branch, over the real reference
 * world and the real release engine. Items, consents and audit entries live in memory. Only the tests
 * use it; it goes once {@code pactbridge serve} is on main.
 */
final class FakeNode implements TestNode {
  private final Registry registry = WorldLoader.reference();
  private final ReleaseEngine engine = new ReleaseEngine(registry);
  private final HttpServer server;
  private final java.util.concurrent.ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "fake-node");
    thread.setDaemon(true);
    return thread;
  });
  private final SecureRandom random = new SecureRandom();
  private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> items = new ConcurrentHashMap<>();
  private final Map<String, String> contents = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> consents = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> holdings = new ConcurrentHashMap<>();
  private final List<ObjectNode> audit = new CopyOnWriteArrayList<>();
  private final AtomicInteger itemSeq = new AtomicInteger();
  private final String adminToken;

  FakeNode() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    ObjectNode admin = user("admin", "KOR", "KOR:I", List.of(), List.of("admin"));
    adminToken = issue(admin.get("id").asText());
    server.start();
  }

  @Override
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public String adminToken() {
    return adminToken;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private ObjectNode user(String name, String nationality, String clearance, List<String> needToKnow, List<String> roles) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    String id = "u-" + (users.size() + 1);
    node.put("id", id);
    node.put("name", name);
    node.put("nationality", nationality);
    node.put("clearance", clearance);
    ArrayNode topics = node.putArray("needToKnow");
    needToKnow.forEach(topics::add);
    node.putArray("compartments");
    ArrayNode roleArray = node.putArray("roles");
    roles.forEach(roleArray::add);
    node.put("createdAt", DateSpec.format(Instant.now()));
    users.put(id, node);
    return node;
  }

  private String issue(String userId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = "pbt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(secret, userId);
    return secret;
  }

  // ---- HTTP ---------------------------------------------------------------------------------------

  private record Problem(int status, String code, String detail) {}

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      if (!path.startsWith("/api/")) {
        serveAsset(exchange, path);
        return;
      }
      String header = exchange.getRequestHeaders().getFirst("Authorization");
      ObjectNode caller = header != null && header.startsWith("Bearer ") ? users.get(tokens.getOrDefault(header.substring(7).strip(), "")) : null;
      if (caller == null) {
        throw new Problem401();
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      JsonNode body = exchange.getRequestMethod().equals("POST") ? readBody(exchange) : null;
      Object answer = route(exchange.getRequestMethod(), path.substring("/api/v1".length()), query, body, caller);
      send(exchange, answer instanceof Created created ? 201 : 200, "application/json",
          Json.write(answer instanceof Created created ? created.node() : answer, false).getBytes(StandardCharsets.UTF_8));
    } catch (Problem401 e) {
      problem(exchange, new Problem(401, "UNAUTHENTICATED", "send an API token as 'Authorization: Bearer pbt_…'"));
    } catch (ProblemException e) {
      problem(exchange, e.problem);
    } catch (InvalidInputException e) {
      problem(exchange, new Problem(400, e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      problem(exchange, new Problem(500, "INTERNAL", e.getClass().getSimpleName()));
    }
  }

  private record Created(ObjectNode node) {}

  private static final class Problem401 extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  private static final class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    ProblemException(int status, String code, String detail) {
      super(detail);
      this.problem = new Problem(status, code, detail);
    }
  }

  private Object route(String method, String path, Map<String, String> query, JsonNode body, ObjectNode caller) {
    String[] parts = path.split("/");
    String key = method + " " + (parts.length > 1 ? parts[1] : "");
    Instant at = query.containsKey("at") ? DateSpec.parseInstant(query.get("at")) : Instant.now();
    switch (key) {
      case "GET me":
        return caller;
      case "POST users": {
        requireRole(caller, "admin");
        if (parts.length == 4 && parts[3].equals("tokens")) {
          ObjectNode token = Json.MAPPER.createObjectNode();
          token.put("id", "t-" + tokens.size());
          token.put("userId", parts[2]);
          token.put("token", issue(parts[2]));
          return new Created(token);
        }
        List<String> topics = new ArrayList<>();
        body.path("needToKnow").forEach(topic -> topics.add(topic.asText()));
        List<String> roles = new ArrayList<>();
        body.path("roles").forEach(role -> roles.add(role.asText()));
        String nationality = body.path("nationality").asText();
        String clearance = body.path("clearance").asText();
        return new Created(user(body.path("name").asText(), nationality, clearance.contains(":") ? clearance : nationality + ":" + clearance, topics, roles));
      }
      case "GET parties": {
        ArrayNode array = Json.MAPPER.createArrayNode();
        registry.parties().forEach(party -> array.add(partyJson(party)));
        return array;
      }
      case "GET sources": {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Source source : registry.sources().values()) {
          ObjectNode node = array.addObject();
          node.put("id", source.id());
          node.put("url", source.url());
          node.put("publisher", source.publisher());
          node.put("type", source.type());
          node.put("lang", source.lang());
        }
        return array;
      }
      case "GET agreements": {
        if (parts.length == 3) {
          Agreement agreement = registry.findAgreement(AgreementId.of(parts[2]))
              .orElseThrow(() -> new ProblemException(404, "NOT_FOUND", "no agreement '" + parts[2] + "'"));
          return Json.agreement(agreement, at, true);
        }
        ArrayNode array = Json.MAPPER.createArrayNode();
        registry.agreements().forEach(agreement -> array.add(Json.agreement(agreement, at, true)));
        return array;
      }
      case "GET coverage": {
        ArrayNode array = Json.MAPPER.createArrayNode();
        coverage(engine, at, query).forEach(cell -> array.add(Json.coverageCell(cell)));
        return array;
      }
      case "POST whatif":
        return whatIf(body);
      case "GET items":
        if (parts.length == 3) {
          ObjectNode item = visibleItem(parts[2], caller).deepCopy();
          item.put("content", contents.get(parts[2]));
          return item;
        }
        return itemList(caller);
      case "POST items":
        if (parts.length == 4 && parts[3].equals("decisions")) {
          ObjectNode item = visibleItem(parts[2], caller);
          Instant when = body.hasNonNull("at") ? DateSpec.parseInstant(body.get("at").asText()) : Instant.now();
          return itemDecision(item, caller, registry.requireParty(body.path("to").asText()).code(), when, null);
        }
        if (parts.length == 4 && parts[3].equals("releases")) {
          return release(visibleItem(parts[2], caller), caller, registry.requireParty(body.path("to").asText()).code());
        }
        requireRole(caller, "originator");
        return new Created(register(body, caller));
      case "GET consents": {
        boolean pendingOnly = !"all".equals(query.get("state"));
        ArrayNode array = Json.MAPPER.createArrayNode();
        consents.values().stream().sorted((a, b) -> a.get("requestedAt").asText().compareTo(b.get("requestedAt").asText()))
            .filter(consent -> mine(consent, caller) && (!pendingOnly || consent.get("answer").isNull())).forEach(array::add);
        return array;
      }
      case "POST consents":
        if (parts.length == 4 && parts[3].equals("answer")) {
          return answer(parts[2], body, caller);
        }
        return new Created(askConsent(body, caller));
      case "GET audit": {
        requireRole(caller, "auditor", "admin");
        if (parts.length == 3 && parts[2].equals("verify")) {
          return verify();
        }
        int from = Integer.parseInt(query.getOrDefault("from", "1"));
        int limit = Integer.parseInt(query.getOrDefault("limit", "1000"));
        ObjectNode page = Json.MAPPER.createObjectNode();
        ArrayNode entries = page.putArray("entries");
        audit.stream().skip(from - 1L).limit(limit).forEach(entries::add);
        page.put("next", entries.size() < limit ? null : Long.valueOf(from + limit));
        return page;
      }
      default:
        throw new ProblemException(404, "NOT_FOUND", "no resource at " + path);
    }
  }

  private static void requireRole(ObjectNode caller, String... roles) {
    for (JsonNode role : caller.get("roles")) {
      for (String wanted : roles) {
        if (role.asText().equals(wanted)) {
          return;
        }
      }
    }
    throw new ProblemException(403, "FORBIDDEN", "needs one of the roles " + String.join(", ", roles));
  }

  private List<CoverageCell> coverage(ReleaseEngine with, Instant at, Map<String, String> query) {
    List<PartyCode> codes = new ArrayList<>();
    for (String token : query.getOrDefault("parties", "KOR,JPN,USA").split(",")) {
      codes.add(registry.requireParty(token.strip()).code());
    }
    return new Coverage(with).compute(at, Topic.parseList(query.get("topics")), codes);
  }

  private ObjectNode whatIf(JsonNode body) {
    Map<AgreementId, List<TimelineEvent>> events = new LinkedHashMap<>();
    for (JsonNode event : body.path("events")) {
      AgreementId id = registry.requireAgreement(AgreementId.of(event.path("agreement").asText())).id();
      events.computeIfAbsent(id, ignored -> new ArrayList<>()).add(event(event));
    }
    List<Agreement> added = new ArrayList<>();
    for (JsonNode agreement : body.path("agreements")) {
      List<PartyCode> parties = new ArrayList<>();
      agreement.path("parties").forEach(party -> parties.add(registry.requireParty(party.asText()).code()));
      List<TimelineEvent> timeline = new ArrayList<>();
      agreement.path("events").forEach(event -> timeline.add(event(event)));
      Agreement model = registry.requireAgreement(AgreementId.of(agreement.path("provisionsFrom").asText()));
      added.add(new Agreement(AgreementId.of(agreement.path("id").asText()), AgreementKind.valueOf(agreement.path("kind").asText("INFORMATION")),
          null, parties, new Timeline(timeline), model.versions(), List.of(), "hypothetical"));
    }
    ReleaseEngine changed = new ReleaseEngine(registry.withEvents(events, added));
    Instant at = DateSpec.parseInstant(body.path("at").asText());
    Map<String, String> query = new LinkedHashMap<>();
    List<String> parties = new ArrayList<>();
    body.path("parties").forEach(party -> parties.add(party.asText()));
    query.put("parties", parties.isEmpty() ? "KOR,JPN,USA" : String.join(",", parties));
    List<String> topics = new ArrayList<>();
    body.path("topics").forEach(topic -> topics.add(topic.asText()));
    query.put("topics", String.join(",", topics));
    List<CoverageCell> before = coverage(engine, at, query);
    List<CoverageCell> after = coverage(changed, at, query);
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("at", DateSpec.format(at));
    ArrayNode cells = node.putArray("cells");
    for (int i = 0; i < before.size(); i++) {
      CoverageCell was = before.get(i);
      CoverageCell will = after.get(i);
      if (!was.direct().equals(will.direct()) || !was.relay().equals(will.relay()) || !was.directAgreement().equals(will.directAgreement())
          || was.relaySanctioned() != will.relaySanctioned()) {
        ObjectNode cell = cells.addObject();
        cell.put("from", was.from().value());
        cell.put("to", was.to().value());
        cell.set("before", Json.coverageCell(was));
        cell.set("after", Json.coverageCell(will));
      }
    }
    node.putArray("decisions");
    return node;
  }

  private static TimelineEvent event(JsonNode event) {
    EventType type = EventType.valueOf(event.path("type").asText().toUpperCase(Locale.ROOT));
    Instant effect = event.hasNonNull("takesEffect") ? DateSpec.parseInstant(event.get("takesEffect").asText()) : null;
    return new TimelineEvent(type, DateSpec.parseInstant(event.path("at").asText()), effect, false, List.of(), "hypothetical");
  }

  // ---- items and consents: as the server branch's NodeServer and NodeItems do them ------------------

  private ObjectNode register(JsonNode body, ObjectNode caller) {
    if (body.hasNonNull("marking")) {
      throw new ProblemException(400, "UNSUPPORTED", "this test node reads the label fields, not a whole marking");
    }
    List<String> originatorTokens = new ArrayList<>();
    if (body.path("originator").isArray()) {
      body.get("originator").forEach(token -> originatorTokens.add(token.asText()));
    } else if (body.hasNonNull("originator")) {
      originatorTokens.add(body.get("originator").asText());
    }
    if (originatorTokens.isEmpty()) {
      throw new ProblemException(400, "MISSING_FIELD", "missing field 'originator' (or 'marking')");
    }
    Party originator = registry.requireParty(originatorTokens.get(0));
    if (!originator.code().value().equals(caller.get("nationality").asText())) {
      throw new ProblemException(403, "NOT_ORIGINATOR", "a user of " + caller.get("nationality").asText() + " registers items that it originates");
    }
    Level level = originator.findLevel(body.path("level").asText(), Instant.now())
        .orElseThrow(() -> new ProblemException(400, "UNKNOWN_LEVEL", "unknown level '" + body.path("level").asText() + "'"));
    if (!body.hasNonNull("content")) {
      throw new ProblemException(400, "MISSING_FIELD", "missing field 'content'");
    }
    String id = "ITEM-" + itemSeq.incrementAndGet();
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("id", id);
    item.putArray("originators").add(originator.code().value());
    item.put("level", level.qualified());
    item.put("noforn", body.path("noforn").asBoolean(false));
    ArrayNode relTo = item.putArray("relTo");
    body.path("relTo").forEach(entry -> relTo.add(registry.requireParty(entry.asText()).code().value()));
    item.put("orcon", body.path("orcon").asBoolean(false));
    ArrayNode topics = item.putArray("topics");
    body.path("topics").forEach(topic -> topics.add(Topic.of(topic.asText()).slug()));
    item.put("created", DateSpec.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    item.putNull("declassifyOn");
    item.put("marking", "");
    items.put(id, item);
    contents.put(id, body.path("content").asText());
    holdings.computeIfAbsent(id, ignored -> new java.util.concurrent.CopyOnWriteArraySet<>()).add(originator.code().value());
    record("ITEM_ADDED", caller, id);
    return item;
  }

  private ArrayNode itemList(ObjectNode caller) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    items.values().stream().filter(item -> visible(item, caller)).sorted((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()))
        .forEach(list::add);
    return list;
  }

  /** The decision for the caller's nation as holder, with the granted, unexpired consents applied. */
  private ObjectNode itemDecision(ObjectNode item, ObjectNode caller, PartyCode to, Instant at, Boolean released) {
    String holder = caller.get("nationality").asText();
    Set<PartyCode> originators = new LinkedHashSet<>();
    item.get("originators").forEach(code -> originators.add(PartyCode.of(code.asText())));
    String[] level = item.get("level").asText().split(":");
    Level itemLevel = registry.requireParty(level[0]).findLevelInAnyVersion(level[1]).orElseThrow();
    List<String> relTo = new ArrayList<>();
    item.get("relTo").forEach(entry -> relTo.add(entry.asText()));
    Releasability releasability = item.get("noforn").asBoolean() ? Releasability.noforn() : relTo.isEmpty() ? Releasability.open() : Releasability.relTo(relTo);
    Set<Topic> topics = new LinkedHashSet<>();
    item.get("topics").forEach(topic -> topics.add(Topic.of(topic.asText())));
    Set<PartyCode> granted = new LinkedHashSet<>();
    ArrayNode conditions = Json.MAPPER.createArrayNode();
    for (ObjectNode consent : consents.values()) {
      JsonNode answer = consent.get("answer");
      if (consent.get("item").asText().equals(item.get("id").asText()) && consent.get("requester").asText().equals(holder)
          && consent.get("recipient").asText().equals(to.value()) && !answer.isNull() && answer.get("verdict").asText().equals("GRANTED")
          && !expired(answer, at)) {
        granted.add(PartyCode.of(consent.get("originator").asText()));
        answer.get("conditions").forEach(conditions::add);
      }
    }
    Decision decision = engine.decide(new ReleaseRequest(originators, itemLevel, releasability, item.get("orcon").asBoolean(), topics, null,
        PartyCode.of(holder), to, null, granted, at));
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("decision", Json.decision(decision));
    node.put("level", itemLevel.qualified());
    if (released != null) {
      node.put("released", released);
    }
    node.set("conditions", conditions);
    return node;
  }

  private static boolean expired(JsonNode answer, Instant at) {
    for (JsonNode condition : answer.get("conditions")) {
      if (condition.get("kind").asText().equals("EXPIRY") && !at.isBefore(Instant.parse(condition.get("value").asText()))) {
        return true;
      }
    }
    return false;
  }

  private ObjectNode release(ObjectNode item, ObjectNode caller, PartyCode to) {
    ObjectNode decided = itemDecision(item, caller, to, Instant.now(), null);
    boolean permitted = decided.get("decision").get("decision").asText().equals("PERMIT");
    if (permitted) {
      holdings.get(item.get("id").asText()).add(to.value());
    }
    decided.put("released", permitted);
    if (permitted) {
      record("HOLDING_ADDED", caller, item.get("id").asText());
    }
    return decided;
  }

  /** Visible to a user whose nation holds a copy. */
  private boolean visible(ObjectNode item, ObjectNode caller) {
    return holdings.getOrDefault(item.get("id").asText(), Set.of()).contains(caller.get("nationality").asText());
  }

  /** An item the caller may not see is "not found": its existence is not the caller's business. */
  private ObjectNode visibleItem(String id, ObjectNode caller) {
    ObjectNode item = items.get(id);
    if (item == null || !visible(item, caller)) {
      throw new ProblemException(404, "NOT_FOUND", "no item '" + id + "'");
    }
    return item;
  }

  private ObjectNode askConsent(JsonNode body, ObjectNode caller) {
    ObjectNode item = visibleItem(body.path("item").asText(), caller);
    String holder = caller.get("nationality").asText();
    List<String> originators = new ArrayList<>();
    item.get("originators").forEach(code -> originators.add(code.asText()));
    if (originators.contains(holder)) {
      throw new ProblemException(409, "ORIGINATOR_NEEDS_NO_CONSENT", holder + " originates item " + item.get("id").asText() + " and needs no one's consent");
    }
    ObjectNode created = Json.MAPPER.createObjectNode();
    ArrayNode requests = created.putArray("requests");
    for (String originator : originators) {
      String id = UUID.randomUUID().toString();
      ObjectNode consent = Json.MAPPER.createObjectNode();
      consent.put("id", id);
      consent.put("item", item.get("id").asText());
      consent.put("originator", originator);
      consent.put("requester", holder);
      consent.put("recipient", registry.requireParty(body.path("to").asText()).code().value());
      consent.put("requestedAt", DateSpec.format(Instant.now()));
      consent.putNull("answer");
      consents.put(id, consent);
      requests.add(consent);
      record("CONSENT_REQUESTED", caller, id);
    }
    return created;
  }

  private static boolean mine(ObjectNode consent, ObjectNode caller) {
    String nation = caller.get("nationality").asText();
    boolean officer = false;
    for (JsonNode role : caller.get("roles")) {
      officer |= role.asText().equals("disclosure-officer");
    }
    return consent.get("requester").asText().equals(nation) || (officer && consent.get("originator").asText().equals(nation));
  }

  private ObjectNode answer(String id, JsonNode body, ObjectNode caller) {
    ObjectNode consent = consents.get(id);
    if (consent == null || !mine(consent, caller)) {
      throw new ProblemException(404, "NOT_FOUND", "no consent request '" + id + "'");
    }
    if (!consent.get("originator").asText().equals(caller.get("nationality").asText())) {
      throw new ProblemException(403, "NOT_ORIGINATOR_OFFICER", "only the originator's disclosure officer answers");
    }
    if (!consent.get("answer").isNull()) {
      throw new ProblemException(409, "ALREADY_ANSWERED", "consent request " + id + " has been answered already");
    }
    String verdict = body.path("verdict").asText().toUpperCase(Locale.ROOT);
    if (!verdict.equals("GRANTED") && !verdict.equals("REFUSED")) {
      throw new ProblemException(400, "BAD_VERDICT", "verdict must be GRANTED or REFUSED");
    }
    ArrayNode conditions = Json.MAPPER.createArrayNode();
    if (body.hasNonNull("expiresAt")) {
      conditions.addObject().put("kind", "EXPIRY").put("value", DateSpec.parseInstant(body.get("expiresAt").asText()).toString());
    }
    if (body.hasNonNull("downgradeTo")) {
      conditions.addObject().put("kind", "DOWNGRADE").put("value", body.get("downgradeTo").asText());
    }
    if (body.hasNonNull("addCaveat")) {
      conditions.addObject().put("kind", "ADDED_CAVEAT").put("value", body.get("addCaveat").asText());
    }
    if (verdict.equals("REFUSED") && !conditions.isEmpty()) {
      throw new ProblemException(400, "CONDITIONS_ON_REFUSAL", "a refusal carries no conditions");
    }
    ObjectNode answer = consent.putObject("answer");
    answer.put("verdict", verdict);
    answer.put("by", caller.get("nationality").asText());
    answer.put("answeredAt", DateSpec.format(Instant.now()));
    answer.set("conditions", conditions);
    record("CONSENT_ANSWERED", caller, id);
    return consent;
  }

  private ObjectNode verify() {
    String previous = "0".repeat(64);
    for (ObjectNode entry : audit) {
      if (!entry.get("hash").asText().equals(hash(previous, entry))) {
        ObjectNode broken = Json.MAPPER.createObjectNode();
        broken.put("ok", false);
        broken.put("problem", "ALTERED");
        broken.put("seq", entry.get("seq").asLong());
        broken.put("message", "entry " + entry.get("seq").asLong() + " no longer matches its hash");
        return broken;
      }
      previous = entry.get("hash").asText();
    }
    ObjectNode intact = Json.MAPPER.createObjectNode();
    intact.put("ok", true);
    intact.put("entries", audit.size());
    intact.put("lastSeq", audit.size());
    intact.put("head", previous);
    intact.put("checkpoints", 0);
    return intact;
  }

  private synchronized void record(String kind, ObjectNode caller, String subject) {
    ObjectNode entry = Json.MAPPER.createObjectNode();
    entry.put("seq", audit.size() + 1);
    entry.put("at", DateSpec.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    entry.put("kind", kind);
    entry.put("actor", caller.get("nationality").asText() + "/" + caller.get("name").asText());
    entry.put("subject", subject);
    entry.putObject("details");
    entry.put("hash", hash(audit.isEmpty() ? "0".repeat(64) : audit.get(audit.size() - 1).get("hash").asText(), entry));
    audit.add(entry);
  }

  private static String hash(String previous, ObjectNode entry) {
    String canonical = previous + "|" + entry.get("seq").asText() + "|" + entry.get("at").asText() + "|" + entry.get("kind").asText() + "|"
        + entry.get("actor").asText() + "|" + entry.get("subject").asText();
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- plumbing ---------------------------------------------------------------------------------------

  /** The party JSON of the server branch: schemes with qualified level codes. */
  private static ObjectNode partyJson(Party party) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("code", party.code().value());
    node.put("name", party.name());
    node.put("kind", party.kind().name());
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
    return node;
  }

  private static JsonNode readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(1 << 20);
      return bytes.length == 0 ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static void serveAsset(HttpExchange exchange, String path) throws IOException {
    String name = path.equals("/") ? "/index.html" : path;
    if (name.contains("..")) {
      send(exchange, 404, "text/plain", new byte[0]);
      return;
    }
    try (InputStream in = FakeNode.class.getResourceAsStream(WebAssets.CLASSPATH_ROOT + name)) {
      if (in == null) {
        send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String type = name.endsWith(".html") ? "text/html; charset=utf-8"
          : name.endsWith(".js") ? "text/javascript; charset=utf-8"
          : name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
      send(exchange, 200, type, in.readAllBytes());
    }
  }

  private static void problem(HttpExchange exchange, Problem problem) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", "urn:pactbridge:problem:" + problem.code().toLowerCase(Locale.ROOT));
    node.put("title", problem.code());
    node.put("status", problem.status());
    node.put("detail", problem.detail());
    node.put("code", problem.code());
    send(exchange, problem.status(), "application/problem+json", Json.write(node, false).getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
