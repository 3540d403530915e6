package org.pactbridge.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.NodeKeyring;
import org.pactbridge.service.NodeSignatures;
import org.pactbridge.service.PeerChannel;
import org.pactbridge.service.PeerUnreachableException;
import org.pactbridge.service.PinnedPeerKeys;
import org.pactbridge.tdf.KasKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's KAS key on the federation: {@code GET /federation/v1/kas-key} answers the statement of its
 * active KAS key signed by its node ({@link PinnedPeerKeys#statement}); {@code POST
 * /federation/v1/kas-key-announcements} takes a peer's signed rotation; and the announcer tells every peer
 * this node's active KAS key when the node starts and whenever it has changed since it last told that peer
 * (a {@code keys rotate --kas} by another process is seen at the next check, every
 * {@link #CHECK_SECONDS} seconds), trying again at each check while a peer is unreachable.
 */
final class KasKeyFederation implements AutoCloseable {
  static final long CHECK_SECONDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(KasKeyFederation.class);

  private final NodeKeyring keyring;
  private final NodeSignatures signatures;
  private final PinnedPeerKeys peerKeys;
  private final PeerChannel channel;
  private final Supplier<String> kasUrl;
  private final Clock realClock;
  /** The kid each peer was last told, and accepted. */
  private final Map<PartyCode, String> told = new ConcurrentHashMap<>();
  private ScheduledExecutorService announcer;

  KasKeyFederation(NodeKeyring keyring, NodeSignatures signatures, PinnedPeerKeys peerKeys, PeerChannel channel, Supplier<String> kasUrl,
      Clock realClock) {
    this.keyring = keyring;
    this.signatures = signatures;
    this.peerKeys = peerKeys;
    this.channel = channel;
    this.kasUrl = kasUrl;
    this.realClock = realClock;
  }

  List<FederationEndpoint> endpoints() {
    return List.of(
        new FederationEndpoint("GET", PinnedPeerKeys.KAS_KEY_PATH, "This node's KAS key, as a statement its node signed (application/jose)",
            (ctx, peer) -> ctx.contentType(PinnedPeerKeys.JOSE).result(statement())),
        new FederationEndpoint("POST", PinnedPeerKeys.ANNOUNCEMENTS_PATH,
            "A peer's KAS key rotation: its signed statement (application/jose); answers {party, kid, outcome}", (ctx, peer) -> {
              String jws = new String(Http.body(ctx, CertNodeSignatures.MAX_JWS, PinnedPeerKeys.JOSE), StandardCharsets.US_ASCII).strip();
              PinnedPeerKeys.Outcome outcome = peerKeys.acceptAnnouncement(peer, jws);
              ObjectNode node = Json.MAPPER.createObjectNode();
              node.put("party", peer.value());
              node.put("kid", peerKeys.read(jws, peer).kid());
              node.put("outcome", outcome.name());
              Http.json(ctx, 200, node);
            }));
  }

  /** The signed statement of this node's active KAS key, stated now. */
  String statement() {
    KasKey key = keyring.kasKey(kasUrl.get());
    return PinnedPeerKeys.statement(signatures, key.url(), key.kid(), key.publicKey(), realClock.instant());
  }

  /** Announces now, then at each check. */
  void start() {
    announcer = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "pactbridge-kas-announcer");
      thread.setDaemon(true);
      return thread;
    });
    announcer.scheduleWithFixedDelay(this::announceQuietly, 0, CHECK_SECONDS, TimeUnit.SECONDS);
  }

  private void announceQuietly() {
    try {
      announce();
    } catch (RuntimeException e) {
      LOG.warn("federation: announcing the KAS key failed: {}", e.getClass().getSimpleName());
    }
  }

  /** Tells each peer not yet told the active kid; returns how many accepted it this time. */
  int announce() {
    String kid = keyring.kasKey(kasUrl.get()).kid();
    int accepted = 0;
    String jws = null;
    for (PartyCode peer : channel.peers()) {
      if (kid.equals(told.get(peer))) {
        continue;
      }
      jws = jws == null ? statement() : jws;
      try {
        PeerChannel.Response response = channel.post(peer, PinnedPeerKeys.ANNOUNCEMENTS_PATH, null, PinnedPeerKeys.JOSE,
            jws.getBytes(StandardCharsets.US_ASCII));
        if (response.status() == 200) {
          told.put(peer, kid);
          accepted++;
        } else {
          LOG.warn("federation: {} answered {} to the KAS key announcement", peer, response.status());
        }
      } catch (PeerUnreachableException e) {
        LOG.info("federation: {} unreachable for the KAS key announcement; trying again in {} s", peer, CHECK_SECONDS);
      }
    }
    return accepted;
  }

  @Override
  public void close() {
    if (announcer != null) {
      announcer.shutdownNow();
    }
  }
}
