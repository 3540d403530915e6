package org.pactbridge.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.JdbcPeerKasKeys;
import org.pactbridge.store.JdbcPeerKasKeys.How;
import org.pactbridge.store.JdbcPeerKasKeys.PeerKasKey;
import org.pactbridge.store.Store;

/**
 * {@link PeerKeys} from the store: a peer's KAS key is fetched at first use from the peer's
 * {@value #KAS_KEY_PATH} (a statement its node signed, checked with {@link NodeSignatures}) and pinned; later
 * uses read the pin and ask nothing. It changes only by {@link #acceptAnnouncement}: a rotation statement
 * the peer's node signed, newer than the pinned one, posted by that peer to {@value #ANNOUNCEMENTS_PATH}.
 *
 * <p>A statement is the JSON {@code {"type":"pactbridge.kas-key","party","url","kid","alg","key","statedAt"}}
 * ({@code key}: the X.509 SubjectPublicKeyInfo, base64; {@code statedAt}: the real clock when signed, which
 * orders a peer's statements so an old one replayed is refused), signed as a compact JWS. Thread-safe.
 */
public final class PinnedPeerKeys implements PeerKeys {
  public static final String KAS_KEY_PATH = "/federation/v1/kas-key";
  public static final String ANNOUNCEMENTS_PATH = "/federation/v1/kas-key-announcements";
  /** The media type of a compact JWS (RFC 7515). */
  public static final String JOSE = "application/jose";
  private static final String TYPE = "pactbridge.kas-key";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JdbcPeerKasKeys keys;
  private final PeerChannel channel;
  private final NodeSignatures signatures;
  private final Clock realClock;
  private final AuditActor node;

  /** What an announcement did. */
  public enum Outcome { PINNED, ROTATED, UNCHANGED }

  /** A statement's content, once its signature was checked. */
  public record Statement(PartyCode party, String url, String kid, PublicKey key, Instant statedAt) {}

  public PinnedPeerKeys(Store store, PeerChannel channel, NodeSignatures signatures, Clock realClock) {
    this.keys = store.peerKasKeys();
    this.channel = channel;
    this.signatures = signatures;
    this.realClock = realClock;
    this.node = AuditActor.node(signatures.party());
  }

  @Override
  public Kas kas(PartyCode peer) throws PeerUnreachableException {
    Optional<PeerKasKey> pinned = keys.active(peer);
    if (pinned.isPresent()) {
      return kas(pinned.get());
    }
    PeerChannel.Response response = channel.get(peer, KAS_KEY_PATH);
    if (response.status() != 200) {
      throw ServiceException.forbidden("PEER_REFUSED", "The peer refused",
          peer + " answered " + response.status() + " to " + KAS_KEY_PATH + problemCode(response).map(code -> " (" + code + ")").orElse(""));
    }
    String jws = new String(response.body(), StandardCharsets.US_ASCII).strip();
    Statement statement = read(jws, peer);
    return kas(keys.pinFirst(row(statement, jws, How.FETCHED), node));
  }

  /**
   * A rotation announced by {@code peer} (the party its client certificate names): the statement must be
   * signed by {@code peer}'s node, name {@code peer}, and be newer than the pinned one; it is then pinned in
   * its place. The kid already pinned is {@link Outcome#UNCHANGED}.
   *
   * @throws ServiceException {@code SIGNATURE_INVALID}, {@code UNKNOWN_PEER}, {@code CERTIFICATE_REVOKED} from
   *     the signature's check; {@code KAS_KEY_PARTY_MISMATCH} when it states another party's key;
   *     {@code KAS_KEY_STALE} when it is not newer than the pinned one
   */
  public Outcome acceptAnnouncement(PartyCode peer, String jws) {
    Statement statement = read(jws, peer);
    Optional<PeerKasKey> pinned = keys.active(peer);
    if (pinned.isPresent() && pinned.get().kid().equals(statement.kid())) {
      return Outcome.UNCHANGED;
    }
    if (pinned.isPresent() && !statement.statedAt().isAfter(pinned.get().statedAt())) {
      throw ServiceException.conflict("KAS_KEY_STALE", "Stale KAS key statement",
          "the announced KAS key of " + peer + " (" + statement.kid() + ") was stated at " + statement.statedAt() + ", not after the pinned one ("
              + pinned.get().kid() + ", " + pinned.get().statedAt() + ")");
    }
    keys.rotate(row(statement, jws, How.ANNOUNCED), node);
    return pinned.isPresent() ? Outcome.ROTATED : Outcome.PINNED;
  }

  /** This node's statement of its KAS key, signed: what {@value #KAS_KEY_PATH} answers and announcements carry. */
  public static String statement(NodeSignatures signatures, String url, String kid, PublicKey key, Instant statedAt) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", TYPE);
    node.put("party", signatures.party().value());
    node.put("url", url);
    node.put("kid", kid);
    node.put("alg", key.getAlgorithm());
    node.put("key", Base64.getEncoder().encodeToString(key.getEncoded()));
    node.put("statedAt", statedAt.toString());
    try {
      return signatures.sign(MAPPER.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a KAS key statement", e);
    }
  }

  /** Checks {@code jws} as a KAS key statement signed by {@code signer}'s node about its own key. */
  public Statement read(String jws, PartyCode signer) {
    byte[] payload = signatures.verify(jws, signer);
    try {
      JsonNode node = MAPPER.readTree(payload);
      if (node == null || !TYPE.equals(node.path("type").asText())) {
        throw ServiceException.badInput("KAS_KEY_STATEMENT_INVALID", "the statement signed by " + signer + " is not a KAS key statement");
      }
      PartyCode party = PartyCode.of(node.path("party").asText());
      if (!party.equals(signer)) {
        throw ServiceException.forbidden("KAS_KEY_PARTY_MISMATCH", "KAS key of another party",
            signer + "'s node signed a KAS key statement for " + party);
      }
      String alg = node.path("alg").asText();
      PublicKey key = KeyFactory.getInstance(alg).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(node.path("key").asText())));
      String url = node.path("url").asText();
      String kid = node.path("kid").asText();
      if (url.isBlank() || kid.isBlank() || kid.length() > 128 || url.length() > 2000) {
        throw ServiceException.badInput("KAS_KEY_STATEMENT_INVALID", "the KAS key statement of " + signer + " lacks its URL or kid");
      }
      return new Statement(party, url, kid, key, Instant.parse(node.path("statedAt").asText()));
    } catch (IOException | GeneralSecurityException | IllegalArgumentException | DateTimeParseException e) {
      throw ServiceException.badInput("KAS_KEY_STATEMENT_INVALID", "the KAS key statement of " + signer + " is malformed");
    }
  }

  private PeerKasKey row(Statement statement, String jws, How how) {
    return new PeerKasKey(statement.party(), statement.kid(), statement.url(), statement.key().getAlgorithm(), statement.key().getEncoded(), jws,
        statement.statedAt(), realClock.instant(), how, Optional.empty());
  }

  private static Kas kas(PeerKasKey pinned) {
    try {
      PublicKey key = KeyFactory.getInstance(pinned.algorithm()).generatePublic(new X509EncodedKeySpec(pinned.publicKey()));
      return new Kas(pinned.url(), pinned.kid(), key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the pinned KAS key of " + pinned.party() + " cannot be read", e);
    }
  }

  private static Optional<String> problemCode(PeerChannel.Response response) {
    try {
      JsonNode node = MAPPER.readTree(response.body());
      return node != null && node.hasNonNull("code") ? Optional.of(node.get("code").asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
