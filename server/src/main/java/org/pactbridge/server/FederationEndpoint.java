package org.pactbridge.server;

import io.javalin.http.Context;
import org.pactbridge.core.party.PartyCode;

/**
 * One route of the federation listener. The listener authenticates the caller by its client
 * certificate (chained to a peer's CA, naming that peer's party, not revoked) and checks that this node
 * has an information agreement with that party before the handler runs; {@code peer} is that party.
 */
public record FederationEndpoint(String method, String path, String summary, Handler handler) {

  @FunctionalInterface
  public interface Handler {
    void handle(Context ctx, PartyCode peer) throws Exception;
  }
}
