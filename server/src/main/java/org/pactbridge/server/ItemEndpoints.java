package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pactbridge.api.json.Json;
import org.pactbridge.api.request.DecisionBody;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.item.ItemTitle;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.release.Outcome;
import org.pactbridge.core.release.ReleaseRequest;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.ItemArchives;
import org.pactbridge.service.ItemReleases;
import org.pactbridge.service.Items;

/**
 * The items feature: {@code /api/v1/items} (register, list, read with content, decide about one,
 * release one, export one as a ZTDF archive) and {@code /api/v1/co-originations} (JOINT items awaiting the caller's nation's
 * confirmation). The use cases are {@link Items} and {@link ItemReleases}; this class reads the bodies
 * and writes the JSON.
 */
final class ItemEndpoints {
  private static final ObjectReader ITEM = org.pactbridge.api.request.Bodies.readerFor(Bodies.ItemBody.class);
  private static final ObjectReader ITEM_SEARCH = org.pactbridge.api.request.Bodies.readerFor(Bodies.ItemSearchBody.class);
  private static final ObjectReader RELEASE = org.pactbridge.api.request.Bodies.readerFor(Bodies.ReleaseBody.class);
  /** Who may hold and see items. */
  static final Set<Role> HOLDERS = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER, Role.ANALYST);

  private final ServerConfig config;
  private final Registry registry;
  private final Items items;
  private final ItemReleases releases;
  private final ItemArchives archives;

  ItemEndpoints(ServerConfig config, Registry registry, Items items, ItemReleases releases, ItemArchives archives) {
    this.config = config;
    this.registry = registry;
    this.items = items;
    this.releases = releases;
    this.archives = archives;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    Set<Role> holders = HOLDERS;
    list.add(new Endpoint("POST", "/api/v1/items", "createItem", "Register an item of the caller's nation with its label and content",
        EnumSet.of(Role.ORIGINATOR), Bodies.ItemBody.class, "the item (without content)", this::createItem));
    list.add(new Endpoint("GET", "/api/v1/items", "listItems", "Items the caller may see, with their titles (?offset=, ?limit=)", holders, null,
        "[item]", this::listItems));
    list.add(new Endpoint("POST", "/api/v1/items/search", "searchItems",
        "Items the caller may see whose title contains the query, ignoring case, a page of them ({query, offset, limit})", holders,
        Bodies.ItemSearchBody.class, "[item]", this::searchItems));
    Set<Role> confirmers = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER);
    list.add(new Endpoint("GET", "/api/v1/co-originations", "listCoOriginations",
        "JOINT items that another nation registered naming the caller's nation as co-originator, awaiting its confirmation (without content)",
        confirmers, null, "[item]", (ctx, caller) -> {
          ArrayNode array = Json.MAPPER.createArrayNode();
          items.awaitingConfirmation(caller).forEach(item -> array.add(itemJson(item)));
          Http.json(ctx, 200, array);
        }));
    list.add(new Endpoint("POST", "/api/v1/co-originations/{id}", "confirmCoOrigination",
        "The caller's nation confirms it co-originated the item; its users then see it (audited)", confirmers, null, "the item (without content)",
        (ctx, caller) -> Http.json(ctx, 200, itemJson(items.confirmCoOriginator(caller, ctx.pathParam("id"))))));
    list.add(new Endpoint("GET", "/api/v1/items/{id}", "getItem", "One item with its content, if the caller may see it", holders, null,
        "item with content", this::getItem));
    list.add(new Endpoint("POST", "/api/v1/items/{id}/decisions", "decideItem",
        "The decision on releasing the item from the caller's nation, with recorded consents applied: recorded (DECISION_RECORDED), "
            + "or with record=false only shown (audited DECISION_SHOWN, no release record)", holders,
        Bodies.ReleaseBody.class, "{decision, level, conditions, recipientMarking}", this::decideItem));
    list.add(new Endpoint("POST", "/api/v1/items/{id}/releases", "releaseItem",
        "Decide now and, on a permit, release: the recipient's holding is recorded (audited)", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER),
        Bodies.ReleaseBody.class, "{decision, level, released, conditions, recipientMarking}", this::releaseItem));
    list.add(new Endpoint("POST", "/api/v1/items/{id}/exports", "exportItem",
        "Decide now and, on a permit, release and answer the item as a ZTDF archive for the recipient (application/zip; audited);"
            + " a DENY or CONSENT_REQUIRED is a 403 problem with the decision's reason codes", EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER),
        Bodies.ReleaseBody.class, "application/zip: the archive", this::exportItem));
    list.add(new Endpoint("POST", "/api/v1/items/imports", "importItem",
        "Import a ZTDF archive written for this node's KAS (body application/zip): checked whole, then the item is registered with its"
            + " label, title and this node's holding (audited); a failed check is a 422 problem naming the part, and nothing is stored",
        EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER), null, "the item (without content) with its archive", this::importItem));
    return list;
  }

  private Instant now() {
    return Params.now(config.clock());
  }

  private void createItem(Context ctx, User caller) {
    Bodies.ItemBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), ITEM);
    if (body.content() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "content", "missing field 'content'");
    }
    Instant now = now();
    // The label is read exactly as a decision's: the same fields, marking and errors.
    DecisionBody label = new DecisionBody(body.originator(), body.level(), caller.nationality().value(), null, body.topics(), body.relTo(),
        body.noforn(), body.orcon(), List.of(), null, body.marking());
    ReleaseRequest request = label.toRequest(registry, now);
    Instant declassify = body.declassifyOn() == null ? null : DateSpec.parseInstant(body.declassifyOn());
    ItemTitle title = ItemTitle.of(body.title());
    org.pactbridge.core.item.Item item = items.register(caller, request, body.marking() == null ? "" : body.marking(), declassify,
        body.content().getBytes(StandardCharsets.UTF_8), title);
    Http.json(ctx, 201, itemJson(item).put("title", title.value()));
  }

  private void listItems(Context ctx, User caller) {
    int offset = Params.intParam(ctx, "offset", 0, Integer.MAX_VALUE, 0);
    int limit = Params.intParam(ctx, "limit", 1, 1000, 100);
    Http.json(ctx, 200, titledItems(items.searchVisible(caller, null, offset, limit)));
  }

  private void searchItems(Context ctx, User caller) {
    Bodies.ItemSearchBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), ITEM_SEARCH);
    String query = body.query() == null ? "" : body.query();
    if (query.codePointCount(0, query.length()) > ItemTitle.MAX_LENGTH) {
      throw InvalidInputException.invalid("INVALID_QUERY", "query", "the query is longer than a title can be (" + ItemTitle.MAX_LENGTH + " characters)");
    }
    int offset = body.offset() == null ? 0 : body.offset();
    int limit = body.limit() == null ? 100 : body.limit();
    if (offset < 0) {
      throw InvalidInputException.invalid("INVALID_FIELD", "offset", "field 'offset' must be 0 or more");
    }
    if (limit < 1 || limit > 1000) {
      throw InvalidInputException.invalid("INVALID_FIELD", "limit", "field 'limit' must be a number from 1 to 1000");
    }
    Http.json(ctx, 200, titledItems(items.searchVisible(caller, query, offset, limit)));
  }

  private static ArrayNode titledItems(List<Items.Titled> titled) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    titled.forEach(entry -> array.add(itemJson(entry.item()).put("title", entry.title().value())));
    return array;
  }

  private void getItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    ObjectNode node = itemJson(item);
    node.put("title", items.title(item).value());
    node.put("content", items.content(item));
    archives.archiveOf(caller, item.id().value()).ifPresent(archive -> node.set("archive", archiveJson(archive)));
    Http.json(ctx, 200, node);
  }

  private void decideItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    Bodies.ReleaseBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), RELEASE);
    PartyCode to = recipient(body);
    Instant at = body.at() == null ? now() : DecisionBody.parseAt(body.at());
    // Asking is recording, as it always was; a page that only shows the answer says record=false.
    ItemReleases.Keeping keeping = Boolean.FALSE.equals(body.record()) ? ItemReleases.Keeping.SHOW : ItemReleases.Keeping.RECORD;
    Http.json(ctx, 200, itemDecisionJson(releases.decide(caller, item, to, at, keeping), null));
  }

  private void releaseItem(Context ctx, User caller) {
    org.pactbridge.core.item.Item item = items.requireVisible(caller, ctx.pathParam("id"));
    Bodies.ReleaseBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), RELEASE);
    if (body.at() != null) {
      throw new ApiProblem(400, "AT_NOT_ALLOWED", "Bad input", "a release happens now: 'at' is for decisions only");
    }
    if (body.record() != null) {
      throw new ApiProblem(400, "RECORD_NOT_ALLOWED", "Bad input", "a release is always recorded: 'record' is for decisions only");
    }
    ItemReleases.ItemDecision decided = releases.release(caller, item, recipient(body));
    Http.json(ctx, 200, itemDecisionJson(decided, decided.decision().outcome() == Outcome.PERMIT));
  }

  private void exportItem(Context ctx, User caller) {
    String id = ctx.pathParam("id");
    Bodies.ReleaseBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), RELEASE);
    if (body.at() != null) {
      throw new ApiProblem(400, "AT_NOT_ALLOWED", "Bad input", "an export happens now: 'at' is for decisions only");
    }
    if (body.record() != null) {
      throw new ApiProblem(400, "RECORD_NOT_ALLOWED", "Bad input", "an export is always recorded: 'record' is for decisions only");
    }
    PartyCode to = recipient(body);
    // the content is in memory once already (the store opens it whole); the archive is answered from memory so
    // that a refusal can still be a problem
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    ItemArchives.Export export = archives.export(caller, id, to, Optional.empty(), archive);
    if (!export.permitted()) {
      var decision = export.decided().decision();
      Map<String, Object> extensions = new LinkedHashMap<>();
      extensions.put("outcome", decision.outcome().name());
      extensions.put("reasons", decision.reasons().stream().map(reason -> reason.code().name()).toList());
      extensions.put("decision", Json.decision(decision));
      throw new ApiProblem(403, decision.outcome().name(), decision.outcome() == Outcome.DENY ? "Export denied" : "Consent required",
          "the release of item " + id + " to " + to + " is " + decision.outcome() + ": nothing was exported", extensions);
    }
    ctx.status(200);
    ctx.contentType("application/zip");
    ctx.header("Content-Disposition", "attachment; filename=\"item-" + id.replaceAll("[^A-Za-z0-9-]", "") + "-" + to.value() + ".tdf\"");
    ctx.result(archive.toByteArray());
  }

  private void importItem(Context ctx, User caller) throws java.io.IOException {
    byte[] body = Http.body(ctx, config.maxBodyBytes(), "application/zip");
    java.nio.file.Path file = java.nio.file.Files.createTempFile("pactbridge-import-", ".tdf");
    try {
      java.nio.file.Files.write(file, body);
      ItemArchives.Imported imported = archives.importArchive(caller, file);
      ObjectNode node = itemJson(imported.item());
      node.set("archive", archiveJson(imported.archive()));
      Http.json(ctx, 201, node);
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  private PartyCode recipient(Bodies.ReleaseBody body) {
    if (body.to() == null) {
      throw InvalidInputException.invalid("MISSING_FIELD", "to", "missing field 'to'");
    }
    return registry.requireParty(body.to()).code();
  }

  private static ObjectNode itemDecisionJson(ItemReleases.ItemDecision decided, Boolean released) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.set("decision", Json.decision(decided.decision()));
    node.put("level", decided.level().qualified());
    if (released != null) {
      node.put("released", released);
    }
    ArrayNode conditions = node.putArray("conditions");
    decided.conditions().forEach(condition -> conditions.addObject().put("kind", condition.kind()).put("value", condition.value()));
    // The marking the recipient's copy would be (or, on a release, was) recorded under; absent when no recipient level is named.
    if (!decided.recipientMarking().isEmpty()) {
      node.put("recipientMarking", decided.recipientMarking());
    }
    return node;
  }

  /** What the archive of an imported item said: both labels and the assertions' status at import (markings only). */
  static ObjectNode archiveJson(ItemArchives.ArchiveView archive) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("policyUuid", archive.policyUuid());
    node.put("form", archive.form());
    node.put("importedAt", DateSpec.format(archive.importedAt()));
    node.put("signerKid", archive.signerKid().orElse(null));
    node.put("originatorLabel", archive.originatorLabelXml());
    node.put("alternativeLabel", archive.alternativeLabelXml().orElse(null));
    ObjectNode alternative = node.putObject("alternative");
    alternative.put("recipient", archive.recipient().orElse(null));
    alternative.put("level", archive.recipientLevel().orElse(null));
    alternative.put("agreement", archive.agreement().orElse(null));
    alternative.put("decidedAt", archive.decidedAt().map(DateSpec::format).orElse(null));
    ArrayNode assertions = node.putArray("assertions");
    archive.assertions().forEach(assertion -> assertions.addObject().put("id", assertion.id()).put("status", assertion.status())
        .put("verified", assertion.verified()));
    return node;
  }

  static ObjectNode itemJson(org.pactbridge.core.item.Item item) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", item.id().value());
    ArrayNode originators = node.putArray("originators");
    item.originators().forEach(party -> originators.add(party.value()));
    node.put("level", item.level().qualified());
    node.put("noforn", item.releasability().isNoforn());
    ArrayNode relTo = node.putArray("relTo");
    item.releasability().relToEntries().forEach(relTo::add);
    node.put("orcon", item.orcon());
    ArrayNode topics = node.putArray("topics");
    item.sortedTopics().forEach(topic -> topics.add(topic.slug()));
    node.put("created", DateSpec.format(item.created()));
    node.put("declassifyOn", item.declassifyOn() == null ? null : DateSpec.format(item.declassifyOn()));
    node.put("marking", item.marking());
    node.put("contentSha256", item.contentSha256());
    return node;
  }
}
