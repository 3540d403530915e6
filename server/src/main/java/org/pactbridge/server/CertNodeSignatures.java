package org.pactbridge.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.pactbridge.api.json.Json;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.service.NodeSignatures;
import org.pactbridge.service.ServiceException;

/**
 * {@link NodeSignatures} with this node's signing certificate ({@code node-signing.pem} of its PKI folder,
 * read from {@link FederationTrust} as it is now): compact JWS, ES256 (ECDSA P-256 with SHA-256, the
 * signature as R‖S), header {@code {"alg":"ES256","x5c":[signing certificate, party CA]}}.
 *
 * <p>Verification trusts no certificate the token carries by itself: the signing certificate in
 * {@code x5c[0]} must be signed by the CA that the peers file gives for the signer (this node's own CA for
 * this node), valid at the real clock with that CA, not on that CA's CRL, and name the signer's party; a
 * second {@code x5c} entry, when present, must be that CA. Thread-safe.
 */
public final class CertNodeSignatures implements NodeSignatures {
  /** The largest token verified, so a peer cannot make this node parse megabytes of header. */
  static final int MAX_JWS = 16 * 1024 * 1024;

  private final FederationTrust trust;
  private final Clock realClock;

  public CertNodeSignatures(FederationTrust trust, Clock realClock) {
    this.trust = trust;
    this.realClock = realClock;
  }

  @Override
  public PartyCode party() {
    return trust.party();
  }

  @Override
  public String sign(byte[] payload) {
    FederationTrust.Identity self = trust.current().self();
    ObjectNode header = Json.MAPPER.createObjectNode();
    header.put("alg", "ES256");
    ArrayNode x5c = header.putArray("x5c");
    try {
      x5c.add(Base64.getEncoder().encodeToString(self.signingChain()[0].getEncoded()));
      x5c.add(Base64.getEncoder().encodeToString(self.ca().getEncoded()));
      String input = base64Url(Json.MAPPER.writeValueAsBytes(header)) + "." + base64Url(payload);
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(self.signingKey());
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + base64Url(signature.sign());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot sign as " + trust.party() + ": " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public byte[] verify(String jws, PartyCode signer) {
    FederationTrust.Snapshot now = trust.current();
    X509Certificate ca;
    Optional<X509CRL> crl;
    if (signer.equals(trust.party())) {
      ca = now.self().ca();
      crl = now.self().crl();
    } else {
      FederationTrust.Peer peer = now.peers().get(signer);
      if (peer == null) {
        throw ServiceException.forbidden("UNKNOWN_PEER", "Unknown peer", signer + " is not in the peers file: its signatures cannot be checked");
      }
      ca = peer.ca();
      crl = peer.crl();
    }
    if (jws == null || jws.length() > MAX_JWS) {
      throw invalid(signer, "no token, or one too large");
    }
    String[] parts = jws.split("\\.", -1);
    if (parts.length != 3) {
      throw invalid(signer, "not a compact JWS (three parts)");
    }
    JsonNode header;
    byte[] payload;
    byte[] signatureBytes;
    X509Certificate certificate;
    try {
      header = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[0]));
      payload = Base64.getUrlDecoder().decode(parts[1]);
      signatureBytes = Base64.getUrlDecoder().decode(parts[2]);
      if (header == null || !"ES256".equals(header.path("alg").asText()) || !header.path("x5c").isArray() || header.path("x5c").isEmpty()
          || header.path("x5c").size() > 2) {
        throw invalid(signer, "the header must name ES256 and carry x5c [signing certificate, CA]");
      }
      certificate = certificate(header.path("x5c").get(0).asText());
      if (header.path("x5c").size() == 2 && !certificate(header.path("x5c").get(1).asText()).equals(ca)) {
        throw invalid(signer, "x5c names a CA other than " + signer + "'s");
      }
    } catch (IOException | IllegalArgumentException | GeneralSecurityException e) {
      throw invalid(signer, "malformed token");
    }
    if (!FederationTrust.signedBy(certificate, ca)) {
      throw invalid(signer, "the signing certificate was not issued by " + signer + "'s CA");
    }
    boolean[] usage = certificate.getKeyUsage();
    if (usage == null || usage.length < 2 || !usage[1]) {
      throw invalid(signer, "the certificate is not a node signing certificate (key usage nonRepudiation)");
    }
    Instant at = realClock.instant();
    if (at.isAfter(ca.getNotAfter().toInstant()) || at.isBefore(ca.getNotBefore().toInstant())) {
      throw invalid(signer, signer + "'s CA certificate is not valid now");
    }
    Optional<String> refusal = FederationTrust.refusal(certificate, signer, crl, at);
    if (refusal.isPresent()) {
      switch (refusal.get()) {
        case "PEER_CERT_REVOKED" -> throw ServiceException.forbidden("CERTIFICATE_REVOKED", "Certificate revoked",
            "the signing certificate of " + signer + " is on its CA's CRL");
        case "PEER_PARTY_MISMATCH" -> throw invalid(signer, "the signing certificate does not name " + PartyPki.partyUri(signer));
        default -> throw invalid(signer, "the signing certificate of " + signer + " is not valid now");
      }
    }
    try {
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initVerify(certificate.getPublicKey());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(signatureBytes)) {
        throw invalid(signer, "the signature does not verify");
      }
    } catch (GeneralSecurityException e) {
      throw invalid(signer, "the signature does not verify");
    }
    return payload;
  }

  private static X509Certificate certificate(String base64) throws GeneralSecurityException {
    return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
  }

  private static ServiceException invalid(PartyCode signer, String why) {
    return ServiceException.badInput("SIGNATURE_INVALID", "a statement said to be signed by " + signer + "'s node: " + why);
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
