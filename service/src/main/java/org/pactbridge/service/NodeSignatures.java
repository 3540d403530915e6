package org.pactbridge.service;

import org.pactbridge.core.party.PartyCode;

/**
 * Statements between nodes (receipts, consent answers, checkpoints, key announcements): compact JWS
 * (ES256) whose {@code x5c} header carries the signer's node signing certificate and its party CA, so a
 * peer verifies them against that party's CA alone.
 */
public interface NodeSignatures {

  /** This node's party, the one its signing certificate names. */
  PartyCode party();

  /** Signs {@code payload} as this node; the answer is a compact JWS. */
  String sign(byte[] payload);

  /**
   * Checks that {@code jws} was signed by {@code signer}'s node: the chain ends at the CA the peers file
   * gives for {@code signer} (or this node's own CA when {@code signer} is this node), no certificate is
   * revoked by that CA's CRL, each is valid at the real clock, and the signing certificate names
   * {@code urn:pactbridge:party:<signer>}.
   *
   * @return the payload
   * @throws ServiceException with code {@code SIGNATURE_INVALID}, {@code UNKNOWN_PEER} or
   *     {@code CERTIFICATE_REVOKED}, naming the signer and never the payload
   */
  byte[] verify(String jws, PartyCode signer);
}
