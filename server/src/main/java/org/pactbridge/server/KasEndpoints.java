package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.time.DateSpec;
import org.pactbridge.core.user.User;
import org.pactbridge.service.KasRefusal;
import org.pactbridge.service.KeyAccessService;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.tdf.RewrapToken;
import org.pactbridge.tdf.TdfException;

/**
 * The key access service feature: {@code POST /kas/v1/rewrap} (a signed request token in, the key share
 * wrapped to the client's key out, after a release decision for the caller) and {@code GET
 * /kas/v1/public-key} (the KAS key exports wrap for; {@code ?kid=} for a superseded one). The use case is
 * {@link KeyAccessService}; this class reads the body and writes the JSON. A refusal is a problem whose
 * {@code reasons} are the decision's reason codes (or the one format or token code) and whose {@code
 * decision}, when the engine ran, is the decision's JSON.
 */
final class KasEndpoints {
  private final ServerConfig config;
  private final KeyAccessService kas;
  private final NodeKeyring keyring;

  KasEndpoints(ServerConfig config, KeyAccessService kas, NodeKeyring keyring) {
    this.config = config;
    this.kas = kas;
    this.keyring = keyring;
  }

  List<Endpoint> endpoints() {
    return List.of(
        new Endpoint("GET", "/kas/v1/public-key", "kasPublicKey",
            "The node's KAS public key that exports wrap data keys for: {kid, alg, publicKey (PEM), url}; ?kid= for a superseded key",
            Endpoint.PUBLIC, null, "{kid, alg, publicKey, url}", this::publicKey),
        new Endpoint("POST", "/kas/v1/rewrap", "kasRewrap",
            "Rewrap a key access object for the caller: a token signed by the client key names the object, the policy and the key;"
                + " the release engine decides for the caller now (audited as KAS_REWRAP); on a permit the key share comes back wrapped"
                + " to the client key",
            ItemEndpoints.HOLDERS, RewrapBody.class, "{entityWrappedKey, kid, decision, reasons}", this::rewrap));
  }

  /** The rewrap request's body, for the OpenAPI document. */
  record RewrapBody(String signedRequestToken) {}

  private void publicKey(Context ctx, User caller) {
    String kid = ctx.queryParam("kid");
    NodeKeyring.KeyView key = kid == null ? keyring.activeKasView() : keyring.unwrappingKasKey(kid)
        .orElseThrow(() -> ApiProblem.notFound("no KAS key that unwraps on this node with that kid"));
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("kid", key.kid());
    node.put("alg", RewrapToken.ALGORITHM);
    node.put("publicKey", RewrapToken.pem(key.publicKey()));
    node.put("url", kas.kasUrl());
    node.put("status", key.status());
    Http.json(ctx, 200, node);
  }

  private void rewrap(Context ctx, User caller) {
    byte[] body = Http.body(ctx, config.maxBodyBytes());
    KeyAccessService.Rewrapped rewrapped;
    try {
      rewrapped = kas.rewrap(caller, RewrapToken.tokenOf(body));
    } catch (TdfException e) {
      throw new ApiProblem(400, e.reason().name(), "Bad rewrap request", e.getMessage(), Map.of("reasons", List.of(e.reason().name())));
    } catch (KasRefusal refused) {
      throw problem(refused);
    }
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("entityWrappedKey", rewrapped.entityWrappedKey());
    node.put("kid", rewrapped.verdict().kid());
    node.put("schemaVersion", "1.0.0");
    verdictJson(node, rewrapped.verdict());
    Http.json(ctx, 200, node);
  }

  static void verdictJson(ObjectNode node, KeyAccessService.Verdict verdict) {
    node.put("outcome", verdict.outcome().name());
    ArrayNode reasons = node.putArray("reasons");
    verdict.reasons().forEach(reasons::add);
    node.set("decision", Json.decision(verdict.decision()));
    node.put("policyUuid", verdict.policyUuid());
    verdict.item().ifPresent(item -> node.put("item", item.value()));
    verdict.heldUnder().ifPresent(holding -> node.putObject("heldUnder")
        .put("agreement", holding.agreement().value()).put("received", DateSpec.format(holding.received())));
  }

  static ApiProblem problem(KasRefusal refused) {
    int status = switch (refused.kind()) {
      case MALFORMED -> 400;
      case REFUSED, INTEGRITY -> 403;
      case BUSY -> 503;
    };
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("reasons", refused.reasons());
    refused.decision().ifPresent(decision -> {
      extensions.put("outcome", decision.outcome().name());
      extensions.put("decision", Json.decision(decision));
    });
    String title = refused.decision().isPresent() ? "Release refused" : status == 400 ? "Bad rewrap request" : "Rewrap refused";
    return new ApiProblem(status, refused.code(), title, refused.getMessage(), extensions);
  }
}
