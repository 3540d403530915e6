package org.pactbridge.service;

import java.security.PublicKey;
import org.pactbridge.core.party.PartyCode;

/**
 * The peers' key access services: a peer's KAS public key is fetched from the peer over mutual TLS at
 * first use and pinned; it changes only when the peer announces a rotation signed by its node.
 */
public interface PeerKeys {

  /** The peer's KAS: its URL, the kid of its active key and the key. */
  Kas kas(PartyCode peer) throws PeerUnreachableException;

  record Kas(String url, String kid, PublicKey key) {}
}
