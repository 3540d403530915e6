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
  private final List<ObjectNode> audit = new CopyOnWriteArrayList<>();
  private final AtomicInteger itemSeq = new AtomicInteger();
  private final AtomicInteger consentSeq = new AtomicInteger();
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
        if (parts.length == 4 && parts[3].equals("decision")) {
          ObjectNode item = visibleItem(parts[2], caller);
          Instant when = query.containsKey("at") ? at : Instant.now();
          return Json.decision(engine.decide(request(item, registry.requireParty(query.get("to")).code(), when)));
        }
        if (parts.length == 3) {
          ObjectNode item = visibleItem(parts[2], caller).deepCopy();
          item.put("content", contents.get(parts[2]));
          return item;
        }
        ArrayNode list = Json.MAPPER.createArrayNode();
        items.values().stream().filter(item -> visible(item, caller)).sorted((a, b) -> a.get("id").asText().compareTo(b.get("id").asText()))
            .forEach(list::add);
        return list;
      case "POST items":
        requireRole(caller, "originator", "admin");
        return new Created(register(body, caller));
      case "GET consents":
        return consentList(query, caller);
      case "POST consents":
        if (parts.length == 4 && parts[3].equals("answer")) {
          return answer(parts[2], body, caller);
        }
        return new Created(askConsent(body, caller));
      case "GET audit": {
        requireRole(caller, "auditor", "admin");
        ArrayNode array = Json.MAPPER.createArrayNode();
        // The export is the same entries; the real node writes its own format.
        audit.forEach(array::add);
        return array;
      }
      case "POST audit": {
        requireRole(caller, "auditor", "admin");
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
        intact.put("headHex", previous);
        return intact;
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

  // ---- items and consents ---------------------------------------------------------------------------

  private ObjectNode register(JsonNode body, ObjectNode caller) {
    if (body.hasNonNull("marking")) {
      throw new ProblemException(400, "UNSUPPORTED", "this test node reads the marking fields, not a whole marking");
    }
    Party originator = registry.requireParty(body.path("originator").asText());
    Level level = originator.findLevel(body.path("level").asText(), Instant.now())
        .orElseThrow(() -> new ProblemException(400, "UNKNOWN_LEVEL", "unknown level '" + body.path("level").asText() + "'"));
    String title = body.path("title").asText();
    if (title.isBlank()) {
      throw new ProblemException(400, "MISSING_FIELD", "missing field 'title'");
    }
    String id = "ITEM-" + itemSeq.incrementAndGet();
    ObjectNode item = Json.MAPPER.createObjectNode();
    item.put("id", id);
    item.put("title", title);
    item.putArray("originators").add(originator.code().value());
    item.put("level", level.qualified());
    ArrayNode relTo = item.putArray("relTo");
    body.path("relTo").forEach(entry -> relTo.add(registry.requireParty(entry.asText()).code().value()));
    item.put("noforn", body.path("noforn").asBoolean(false));
    item.put("orcon", body.path("orcon").asBoolean(false));
    ArrayNode topics = item.putArray("topics");
    body.path("topics").forEach(topic -> topics.add(Topic.of(topic.asText()).slug()));
    item.put("holder", body.hasNonNull("holder") ? body.get("holder").asText() : caller.get("nationality").asText());
    StringBuilder marking = new StringBuilder("//").append(originator.code().value()).append(' ').append(level.code());
    if (item.get("noforn").asBoolean()) {
      marking.append("//NOFORN");
    } else if (!relTo.isEmpty()) {
      List<String> entries = new ArrayList<>();
      relTo.forEach(entry -> entries.add(entry.asText()));
      marking.append("//REL TO ").append(String.join(", ", entries));
    }
    if (item.get("orcon").asBoolean()) {
      marking.append("//ORCON");
    }
    item.put("marking", marking.toString());
    item.put("created", DateSpec.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    items.put(id, item);
    contents.put(id, body.path("content").asText());
    record("ITEM_ADDED", caller, id);
    return item;
  }

  private ReleaseRequest request(ObjectNode item, PartyCode recipient, Instant at) {
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
    for (ObjectNode consent : consents.values()) {
      if (consent.get("item").asText().equals(item.get("id").asText()) && consent.get("recipient").asText().equals(recipient.value())
          && consent.get("state").asText().equals("GRANTED")) {
        granted.add(PartyCode.of(consent.get("originator").asText()));
      }
    }
    return new ReleaseRequest(originators, itemLevel, releasability, item.get("orcon").asBoolean(), topics, null,
        PartyCode.of(item.get("holder").asText()), recipient, null, granted, at);
  }

  private boolean visible(ObjectNode item, ObjectNode caller) {
    String nation = caller.get("nationality").asText();
    if (item.get("holder").asText().equals(nation)) {
      return true;
    }
    for (JsonNode originator : item.get("originators")) {
      if (originator.asText().equals(nation)) {
        return true;
      }
    }
    Decision decision = engine.decide(request(item, PartyCode.of(nation), Instant.now()), false);
    return decision instanceof Decision.Permit;
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
    String id = "C-" + consentSeq.incrementAndGet();
    ObjectNode consent = Json.MAPPER.createObjectNode();
    consent.put("id", id);
    consent.put("item", item.get("id").asText());
    consent.put("title", item.get("title").asText());
    consent.put("marking", item.get("marking").asText());
    consent.put("originator", item.get("originators").get(0).asText());
    consent.put("requester", item.get("holder").asText());
    consent.put("recipient", registry.requireParty(body.path("recipient").asText()).code().value());
    consent.put("requestedAt", DateSpec.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    consent.put("state", "PENDING");
    consent.putArray("conditions");
    consents.put(id, consent);
    record("CONSENT_REQUESTED", caller, id);
    return consent;
  }

  private ArrayNode consentList(Map<String, String> query, ObjectNode caller) {
    String nation = caller.get("nationality").asText();
    boolean officer = false;
    for (JsonNode role : caller.get("roles")) {
      officer |= role.asText().equals("disclosure-officer");
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (ObjectNode consent : consents.values().stream().sorted((a, b) -> a.get("id").asText().compareTo(b.get("id").asText())).toList()) {
      boolean mine = (officer && consent.get("originator").asText().equals(nation)) || consent.get("requester").asText().equals(nation);
      String state = consent.get("state").asText();
      if (!mine
          || (query.containsKey("item") && !consent.get("item").asText().equals(query.get("item")))
          || ("PENDING".equals(query.get("state")) && (!state.equals("PENDING") || !consent.get("originator").asText().equals(nation)))
          || ("ANSWERED".equals(query.get("state")) && state.equals("PENDING"))) {
        continue;
      }
      array.add(consent);
    }
    return array;
  }

  private ObjectNode answer(String id, JsonNode body, ObjectNode caller) {
    requireRole(caller, "disclosure-officer");
    ObjectNode consent = consents.get(id);
    if (consent == null || !consent.get("originator").asText().equals(caller.get("nationality").asText())) {
      throw new ProblemException(404, "NOT_FOUND", "no consent request '" + id + "'");
    }
    if (!consent.get("state").asText().equals("PENDING")) {
      throw new ProblemException(409, "ALREADY_ANSWERED", "consent request '" + id + "' was already answered");
    }
    String verdict = body.path("verdict").asText();
    if (!verdict.equals("GRANTED") && !verdict.equals("REFUSED")) {
      throw new ProblemException(400, "BAD_VERDICT", "verdict must be GRANTED or REFUSED");
    }
    consent.put("state", verdict);
    consent.put("answeredAt", DateSpec.format(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    consent.set("conditions", body.path("conditions").isArray() ? body.get("conditions").deepCopy() : Json.MAPPER.createArrayNode());
    record("CONSENT_" + verdict, caller, id);
    return consent;
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
