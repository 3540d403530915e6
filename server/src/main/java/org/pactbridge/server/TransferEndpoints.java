package org.pactbridge.server;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.InvalidInputException;
import org.pactbridge.core.registry.Registry;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.Role;
import org.pactbridge.core.user.User;
import org.pactbridge.service.Transfers;

/**
 * The transfers feature, {@code /api/v1/transfers} (issue 20): a user of this node's nation sends an item
 * it holds to a peer node, and reads the transfers sent (state, reasons, delivery attempts, the receiver's
 * signed receipt) and the inbox. The use case is {@link Transfers}; the roles are those of an export.
 */
final class TransferEndpoints {
  private static final ObjectReader TRANSFER = org.pactbridge.api.request.Bodies.readerFor(Bodies.TransferBody.class);

  private final ServerConfig config;
  private final Registry registry;
  private final Transfers transfers;

  TransferEndpoints(ServerConfig config, Registry registry, Transfers transfers) {
    this.config = config;
    this.registry = registry;
    this.transfers = transfers;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> list = new ArrayList<>();
    var senders = EnumSet.of(Role.ORIGINATOR, Role.DISCLOSURE_OFFICER);
    list.add(new Endpoint("POST", "/api/v1/transfers", "sendTransfer",
        "Send an item to a peer node: decided now; queued (PERMIT), refused (DENY) or awaiting the originators' consents",
        senders, Bodies.TransferBody.class, "transfer", this::send));
    list.add(new Endpoint("GET", "/api/v1/transfers", "listTransfers", "Transfers the caller's nation sent, newest first; ?offset, ?limit",
        ItemEndpoints.HOLDERS, null, "[transfer]", this::list));
    list.add(new Endpoint("GET", "/api/v1/transfers/inbox", "transferInbox", "What arrived at this node from its peers, newest first, with receipts",
        ItemEndpoints.HOLDERS, null, "[inbox entry]", this::inbox));
    list.add(new Endpoint("GET", "/api/v1/transfers/{id}", "getTransfer", "One transfer with its reasons, attempts and receipt",
        ItemEndpoints.HOLDERS, null, "transfer", this::get));
    return list;
  }

  private void send(Context ctx, User caller) {
    Bodies.TransferBody body = Http.read(Http.body(ctx, config.maxBodyBytes()), TRANSFER);
    if (body.item() == null || body.to() == null) {
      String field = body.item() == null ? "item" : "to";
      throw InvalidInputException.invalid("MISSING_FIELD", field, "missing field '" + field + "'");
    }
    Transfers.TransferView view = transfers.send(caller, body.item(), registry.requireParty(body.to()).code());
    Http.json(ctx, 201, transferJson(view));
  }

  private void list(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    transfers.list(caller, Params.intParam(ctx, "offset", 0, Integer.MAX_VALUE, 0), Params.intParam(ctx, "limit", 1, 500, 100))
        .forEach(view -> array.add(transferJson(view)));
    Http.json(ctx, 200, array);
  }

  private void get(Context ctx, User caller) {
    Http.json(ctx, 200, transferJson(transfers.get(caller, ctx.pathParam("id"))));
  }

  private void inbox(Context ctx, User caller) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (Transfers.InboxView view : transfers.inbox(caller, Params.intParam(ctx, "offset", 0, Integer.MAX_VALUE, 0),
        Params.intParam(ctx, "limit", 1, 500, 100))) {
      ObjectNode node = array.addObject();
      node.put("key", view.key());
      node.put("from", view.from().value());
      if (view.item().isPresent()) {
        node.put("item", view.item().get().value());
      } else {
        node.putNull("item");
      }
      node.put("outcome", view.outcome());
      reasons(node, view.reasons());
      node.put("receivedAt", DateSpec.format(view.receivedAt()));
      node.set("receipt", receiptJson(view.receipt()));
    }
    Http.json(ctx, 200, array);
  }

  static ObjectNode transferJson(Transfers.TransferView view) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", view.id());
    node.put("item", view.item().value());
    node.put("from", view.from().value());
    node.put("to", view.to().value());
    node.put("state", view.state());
    if (view.refusedBy().isPresent()) {
      node.put("refusedBy", view.refusedBy().get().value());
    } else {
      node.putNull("refusedBy");
    }
    reasons(node, view.reasons());
    ArrayNode consents = node.putArray("consents");
    view.consents().forEach(party -> consents.add(party.value()));
    node.put("decidedAt", DateSpec.format(view.decidedAt()));
    node.put("attempts", view.attempts());
    if (view.lastError().isPresent()) {
      node.put("lastError", view.lastError().get());
    } else {
      node.putNull("lastError");
    }
    if (view.receipt().isPresent()) {
      node.set("receipt", receiptJson(view.receipt().get()));
    } else {
      node.putNull("receipt");
    }
    return node;
  }

  private static void reasons(ObjectNode node, List<Transfers.TransferReason> reasons) {
    ArrayNode array = node.putArray("reasons");
    reasons.forEach(reason -> array.addObject().put("code", reason.code()).put("message", reason.message()));
  }

  private static ObjectNode receiptJson(Transfers.Receipt receipt) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("id", receipt.id());
    node.put("outcome", receipt.outcome());
    node.put("by", receipt.receiver().value());
    node.put("at", DateSpec.format(receipt.at()));
    node.put("archiveSha256", receipt.archiveSha256());
    node.put("jws", receipt.jws());
    return node;
  }
}
