package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
import org.pactbridge.service.ItemReleases;
import org.pactbridge.service.Items;

/**
 * The items feature: {@code /api/v1/items} (register, list, read with content, decide about one,
 * release one) and {@code /api/v1/co-originations} (JOINT items awaiting the caller's nation's
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

  ItemEndpoints(ServerConfig config, Registry registry, Items items, ItemReleases releases) {
    this.config = config;
    this.registry = registry;
    this.items = items;
    this.releases = releases;
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
