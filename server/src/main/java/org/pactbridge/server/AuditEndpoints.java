package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.AuditReading;

/**
 * The audit feature, {@code /api/v1/audit}: verify the chain, and export the entries the caller may
 * read. Which entries those are is the use case's ({@link AuditReading}); this class writes the JSON.
 */
final class AuditEndpoints {
  private final AuditReading audit;

  AuditEndpoints(AuditReading audit) {
    this.audit = audit;
  }

  List<Endpoint> endpoints() {
    Set<Role> auditors = EnumSet.of(Role.AUDITOR, Role.NODE_AUDITOR, Role.ADMIN);
    return List.of(
        new Endpoint("GET", "/api/v1/audit/verify", "verifyAudit", "Verify the hash chain, head and checkpoints", auditors, null,
            "{ok, …}", this::verifyAudit),
        new Endpoint("GET", "/api/v1/audit/entries", "exportAudit", "Export the audit entries the caller may read (?from=1&limit=1000): "
            + "their nation's actions and the items they may see; a node auditor reads all", auditors, null,
            "{entries, next}", this::exportAudit));
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
    int from = Params.intParam(ctx, "from", 1, Integer.MAX_VALUE, 1);
    int limit = Params.intParam(ctx, "limit", 1, 10_000, 1000);
    ObjectNode node = Json.MAPPER.createObjectNode();
    ArrayNode array = node.putArray("entries");
    AuditReading.Page page = audit.page(caller, from, limit);
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
    Http.json(ctx, 200, node);
  }
}
