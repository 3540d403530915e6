package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditFilter;
import org.pactbridge.core.audit.IndexedFields;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.AuditReading;

/**
 * The audit feature, {@code /api/v1/audit}: verify the chain, and export the entries the caller may
 * read, filtered and in either order. Which entries those are is the use case's ({@link AuditReading});
 * this class reads the filters and writes the JSON.
 */
final class AuditEndpoints {
  /** The filter parameters, echoed in the answer so that an export says what it holds. */
  private static final List<String> FILTERS = List.of("item", "actor", "kind", "since", "until");
  private static final Pattern KIND = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private final AuditReading audit;

  AuditEndpoints(AuditReading audit) {
    this.audit = audit;
  }

  List<Endpoint> endpoints() {
    Set<Role> auditors = EnumSet.of(Role.AUDITOR, Role.NODE_AUDITOR, Role.ADMIN);
    return List.of(
        new Endpoint("GET", "/api/v1/audit/verify", "verifyAudit", "Verify the hash chain, head and checkpoints", auditors, null,
            "{ok, …}", this::verifyAudit),
        new Endpoint("GET", "/api/v1/audit/entries", "exportAudit", "Export the audit entries the caller may read (?from=1&limit=1000), "
            + "filtered by item, actor, kind and instant range (?item=&actor=&kind=&since=&until=), oldest or newest first (?order=): "
            + "their nation's actions and the items they may see; a node auditor reads all", auditors, null,
            "{entries, next, order, filters}", this::exportAudit));
  }

  private void verifyAudit(Context ctx, User caller) {
    org.pactbridge.core.audit.Verification verification = audit.verify();
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("ok", verification.ok());
    if (verification instanceof org.pactbridge.core.audit.Verification.Intact intact) {
      node.put("entries", intact.entries());
      node.put("lastSeq", intact.lastSeq());
      node.put("head", intact.headHex());
      node.put("checkpoints", intact.checkpoints());
    } else if (verification instanceof org.pactbridge.core.audit.Verification.Broken broken) {
      node.put("problem", broken.problem().name());
      node.put("seq", broken.seq());
      node.put("message", broken.message());
    }
    Http.json(ctx, 200, node);
  }

  private void exportAudit(Context ctx, User caller) {
    boolean newestFirst = newestFirst(ctx.queryParam("order"));
    AuditFilter filter = filter(ctx);
    int limit = Params.intParam(ctx, "limit", 1, 10_000, 1000);
    // The cursor is a sequence number: oldest first it starts at 1, newest first at the head.
    long from = ctx.queryParam("from") == null ? (newestFirst ? Long.MAX_VALUE : 1) : Params.intParam(ctx, "from", 1, Integer.MAX_VALUE, 1);
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("entries");
    AuditReading.Page page = audit.search(caller, filter, from, newestFirst, limit);
    for (org.pactbridge.core.audit.AuditEntry entry : page.shown()) {
      ObjectNode entryNode = array.addObject();
      entryNode.put("seq", entry.seq());
      entryNode.put("prevHash", java.util.HexFormat.of().formatHex(entry.prevHash()));
      entryNode.put("hash", entry.hashHex());
      entryNode.put("body", new String(entry.body(), StandardCharsets.UTF_8));
      org.pactbridge.core.audit.AuditEvent event = entry.event();
      entryNode.put("at", DateSpec.format(event.at()));
      entryNode.put("kind", event.kind());
      // "actor" stays the name it always was; the id and nation (v2) say who exactly
      entryNode.put("actor", event.actor().userName());
      entryNode.put("actorId", event.actor().isV1() ? null : event.actor().userId());
      entryNode.put("actorNation", event.actor().nation() == null ? null : event.actor().nation().value());
      entryNode.put("subject", event.subject());
      ObjectNode details = entryNode.putObject("details");
      event.details().forEach(details::put);
    }
    // The cursor follows the chain, not what was shown: hidden entries still move it.
    node.put("next", page.next());
    node.put("order", newestFirst ? "newest" : "oldest");
    ObjectNode filters = node.putObject("filters");
    FILTERS.forEach(name -> {
      if (ctx.queryParam(name) != null) {
        filters.put(name, ctx.queryParam(name));
      }
    });
    Http.json(ctx, 200, node);
  }

  private static boolean newestFirst(String order) {
    if (order == null || order.equals("oldest")) {
      return false;
    }
    if (order.equals("newest")) {
      return true;
    }
    throw ApiProblem.badParameter("order", "expected oldest or newest");
  }

  /**
   * The filters of {@code ?item=&actor=&kind=&since=&until=}; a bad value is a {@code BAD_PARAMETER}
   * problem naming the parameter. {@code since} and {@code until} take a date or an instant: a date as
   * {@code until} includes that whole day (UTC), an instant is the last one included.
   */
  static AuditFilter filter(Context ctx) {
    String item = text(ctx, "item", IndexedFields.SUBJECT_LENGTH);
    String actor = text(ctx, "actor", AuditActor.MAX_LENGTH);
    String kind = ctx.queryParam("kind");
    if (kind != null && !KIND.matcher(kind).matches()) {
      throw ApiProblem.badParameter("kind", "expected an entry kind such as DECISION_RECORDED (upper-case letters, digits and _)");
    }
    Instant since = instant(ctx, "since");
    Instant before = null;
    String until = ctx.queryParam("until");
    if (until != null) {
      Instant last = instant(ctx, "until");
      before = DAY.matcher(until.strip()).matches() ? last.plus(1, ChronoUnit.DAYS) : last.plusNanos(1);
    }
    if (since != null && before != null && !since.isBefore(before)) {
      throw ApiProblem.badParameter("until", "the range ends before it starts (since " + ctx.queryParam("since") + ")");
    }
    return new AuditFilter(kind, item, actor, since, before);
  }

  private static String text(Context ctx, String name, int maxLength) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > maxLength || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw ApiProblem.badParameter(name, "expected 1 to " + maxLength + " characters, no control characters");
    }
    return value;
  }

  private static Instant instant(Context ctx, String name) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return null;
    }
    try {
      return DateSpec.parseInstant(value);
    } catch (InvalidInputException e) {
      throw ApiProblem.badParameter(name, "expected a date (2026-12-03) or an instant (2026-12-03T10:15:30Z)");
    }
  }
}
