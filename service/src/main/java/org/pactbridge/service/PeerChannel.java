package org.pactbridge.service;

import java.util.Set;
import org.pactbridge.core.party.PartyCode;

/**
 * The way from this node to its peers' federation listeners: HTTPS with TLS 1.3 and this node's
 * client certificate, which names this node's party. The service layer sees parties and paths, never
 * sockets; the front door's wiring implements it from the peers file.
 */
public interface PeerChannel {

  /** The peer parties the peers file names, as it reads now (the file is re-read when it changes). */
  Set<PartyCode> peers();

  /**
   * Posts {@code body} (JSON, or a ZTDF archive when {@code contentType} says so) to {@code path} on the
   * peer's federation listener, with {@code idempotencyKey} as the {@code Idempotency-Key} header.
   *
   * @throws PeerUnreachableException when no complete answer came back (refused, reset, timed out, cut
   *     mid-body); the caller may send the same key again
   */
  Response post(PartyCode peer, String path, String idempotencyKey, String contentType, byte[] body) throws PeerUnreachableException;

  /** A GET on the peer's federation listener. */
  Response get(PartyCode peer, String path) throws PeerUnreachableException;

  /** A complete answer: its status, content type and body. */
  record Response(int status, String contentType, byte[] body) {}
}
