package org.pactbridge.service;

import org.pactbridge.core.party.PartyCode;

/** No complete answer came from a peer: the exchange may be repeated with the same idempotency key. */
public final class PeerUnreachableException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient PartyCode peer;

  public PeerUnreachableException(PartyCode peer, String detail, Throwable cause) {
    super(peer + ": " + detail, cause);
    this.peer = peer;
  }

  public PartyCode peer() {
    return peer;
  }
}
