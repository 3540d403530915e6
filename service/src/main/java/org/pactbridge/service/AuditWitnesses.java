package org.pactbridge.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.pactbridge.core.audit.AuditActor;
import org.pactbridge.core.audit.AuditEntry;
import org.pactbridge.core.audit.AuditLog;
import org.pactbridge.core.audit.Checkpoint;
import org.pactbridge.core.merkle.MerkleTree;
import org.pactbridge.core.party.PartyCode;
import org.pactbridge.store.JdbcWitnesses;
import org.pactbridge.store.JdbcWitnesses.Witnessed;
import org.pactbridge.store.Store;

/**
 * Witnessed audit (issue 20 part 4), as Certificate Transparency witnesses do it (RFC 9162; C2SP
 * tlog-witness): nodes exchange their signed audit checkpoints (tree size, Merkle root, chain hash), each
 * keeps its peers' and cosigns them, and a node can show that its own log is consistent with every
 * checkpoint its peers hold of it.
 *
 * <p>Three roles, all over the federation listener ({@link PeerChannel}, mutual TLS) and signed with the
 * nodes' certificates ({@link NodeSignatures}):
 * <ul>
 *   <li><b>Log</b>: {@link #checkpointStatement()} is this node's latest signed head as a statement its node
 *       signs ({@value #CHECKPOINT_PATH}); {@link #consistency} answers RFC 9162 consistency proofs between
 *       two sizes ({@value #CONSISTENCY_PATH}); {@link #acceptCosignature} keeps a witness's cosignature.
 *   <li><b>Witness</b>: {@link #witness(PartyCode)} fetches a peer's checkpoint, checks the signature and
 *       that it extends the one held (same size: same root; larger: a consistency proof from the peer that
 *       verifies; smaller: a rollback), keeps and cosigns it, and sends the cosignature back. An inconsistent
 *       checkpoint is refused and kept as evidence with an audit entry. {@link #witnessed(PartyCode)} is the
 *       cosignature held of a peer's log ({@value #WITNESSED_PATH}).
 *   <li><b>Verifier</b>: {@link #verify()} asks every peer for the cosigned checkpoint of this node it holds
 *       and compares it with the local log: a local log shorter than it is rolled back, a different root or
 *       chain hash at its size is a fork.
 * </ul>
 * Routine rounds write no audit entry (each would grow the log and start a new round at every peer).
 */
public final class AuditWitnesses {
  public static final String CHECKPOINT_PATH = "/federation/v1/checkpoint";
  public static final String CONSISTENCY_PATH = "/federation/v1/consistency";
  public static final String COSIGNATURES_PATH = "/federation/v1/cosignatures";
  public static final String WITNESSED_PATH = "/federation/v1/witnessed";
  static final String CHECKPOINT_TYPE = "pactbridge-checkpoint-statement-v1";
  static final String COSIGNATURE_TYPE = "pactbridge-cosignature-v1";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** A checkpoint as statements carry it: whose log, its size, Merkle root, chain hash and signing instant. */
  public record Head(PartyCode party, long size, String root, String hash, String at) {}

  /** How one witness round for one peer ended. */
  public enum Outcome {
    /** A new checkpoint, consistent with the one held (or the first), kept and cosigned. */
    COSIGNED,
    /** The checkpoint held already: nothing new. */
    UNCHANGED,
    /** Inconsistent with the one held: refused and kept as evidence. */
    REFUSED,
    /** The peer gave no complete answer, or an answer that does not verify. */
    FAILED
  }

  /** One witness round: the peer, the outcome, the sizes held before and offered, and a line for people (no protected content). */
  public record Round(PartyCode peer, Outcome outcome, long heldSize, long offeredSize, String detail) {}

  /** How this node's log stands against what one peer holds of it. */
  public enum Status {
    OK, ROLLED_BACK, FORKED, NOT_WITNESSED, UNREACHABLE, INVALID;

    /** Whether this status is a problem: all but OK and NOT_WITNESSED (a peer that holds nothing of this log yet). */
    public boolean problem() {
      return this != OK && this != NOT_WITNESSED;
    }
  }

  /** One peer's check: its status, the size it holds cosigned, the local size, and a line naming both. */
  public record Check(PartyCode peer, Status status, long heldSize, long localSize, String detail) {}

  /** A peer's checkpoint this node holds, cosigned: its size, root and when it was witnessed. */
  public record Held(PartyCode party, long size, String root, Instant witnessedAt) {}

  /** Evidence kept against a peer: its id, kind (ROLLBACK, FORK), the sizes held and offered, a line, when. */
  public record Kept(String id, PartyCode party, String kind, long heldSize, long offeredSize, String detail, Instant recordedAt) {}

  private final AuditLog audit;
  private final JdbcWitnesses witnesses;
  private final PeerChannel channel;
  private final NodeSignatures signatures;
  private final Clock clock;
  private final Clock real;

  /**
   * {@code clock}: the node's clock (an exercise clock on {@code serve --clock}), for the instants of audit
   * entries; the real clock behind it stamps cosignatures and evidence.
   */
  public AuditWitnesses(Store store, PeerChannel channel, NodeSignatures signatures, Clock clock) {
    this.audit = store.audit();
    this.witnesses = store.witnesses();
    this.channel = channel;
    this.signatures = signatures;
    this.clock = clock;
    this.real = ExerciseClock.real(clock);
  }

  /** The peers, as the peers file names them now. */
  public List<PartyCode> peers() {
    return channel.peers().stream().sorted(java.util.Comparator.comparing(PartyCode::value)).toList();
  }

  // ---- the log's side ----

  /** This node's latest signed head as a statement its node signs (compact JWS); 404 when the log is empty. */
  public String checkpointStatement() {
    Checkpoint checkpoint = audit.checkpoint().orElseThrow(() -> ServiceException.notFound("this node's audit log is empty"));
    String root = checkpoint.rootHex().orElseGet(() -> HEX.formatHex(audit.treeRoot(checkpoint.seq())));
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", CHECKPOINT_TYPE);
    node.put("party", signatures.party().value());
    node.put("size", checkpoint.seq());
    node.put("root", root);
    node.put("hash", checkpoint.hashHex());
    node.put("at", checkpoint.at().toString());
    // the node's own Ed25519 signed head, for whoever checks it against the key the node publishes
    node.put("signerKey", checkpoint.signerKey());
    node.put("signature", checkpoint.signature());
    return signatures.sign(bytes(node));
  }

  /** The RFC 9162 consistency proof between sizes {@code from} and {@code to} of this node's log, as JSON. */
  public byte[] consistency(long from, long to) {
    long size = audit.head().seq();
    if (from < 1 || from > to || to > size) {
      throw ServiceException.badInput("CONSISTENCY_RANGE", "a consistency proof needs 1 <= from <= to <= " + size + "; asked from=" + from + " to=" + to);
    }
    ObjectNode node = MAPPER.createObjectNode();
    node.put("from", from);
    node.put("to", to);
    ArrayNode proof = node.putArray("proof");
    audit.consistencyProof(from, to).forEach(hash -> proof.add(HEX.formatHex(hash)));
    return bytes(node);
  }

  /**
   * Keeps {@code witness}'s cosignature of this node's checkpoint, after checking that {@code witness}'s node
   * signed it, that it is about this node's log, and that it matches the local log at its size (a
   * cosignature of something this log never was is refused, {@code COSIGNATURE_MISMATCH}).
   */
  public Head acceptCosignature(PartyCode witness, String jws) {
    Head head = readCosignature(jws, witness, signatures.party());
    long size = audit.head().seq();
    if (head.size() > size || !HEX.formatHex(audit.treeRoot(head.size())).equals(head.root())) {
      throw ServiceException.conflict("COSIGNATURE_MISMATCH", "Cosignature of another log",
          witness + " cosigned a checkpoint of size " + head.size() + " that this node's log (size " + size + ") does not have");
    }
    witnesses.recordCosignature(new JdbcWitnesses.Cosignature(witness, head.size(), head.root(), head.hash(), jws, real.instant()));
    return head;
  }

  /** The cosignature this node made of {@code peer}'s latest checkpoint it holds (what {@value #WITNESSED_PATH} answers). */
  public Optional<String> witnessed(PartyCode peer) {
    return witnesses.latest(peer).map(Witnessed::cosignature);
  }

  // ---- the witness's side ----

  /** The latest checkpoint held of each peer, for peers of which one is held. */
  public List<Held> held() {
    List<Held> held = new ArrayList<>();
    for (PartyCode peer : peers()) {
      witnesses.latest(peer).ifPresent(kept -> held.add(new Held(peer, kept.size(), kept.root(), kept.witnessedAt())));
    }
    return held;
  }

  /** The evidence kept against any peer, oldest first. */
  public List<Kept> evidence() {
    return witnesses.evidence(null).stream()
        .map(kept -> new Kept(kept.id(), kept.party(), kept.kind(), kept.heldSize(), kept.offeredSize(), kept.detail(), kept.recordedAt())).toList();
  }

  /** One witness round for every peer, in the peers file's order; a failure for one does not stop the others. */
  public List<Round> witnessAll() {
    List<Round> rounds = new ArrayList<>();
    for (PartyCode peer : peers()) {
      rounds.add(witness(peer));
    }
    return rounds;
  }

  /** One witness round for {@code peer}: fetch, verify, check consistency with the checkpoint held, keep, cosign, send back. */
  public Round witness(PartyCode peer) {
    Optional<Witnessed> held = witnesses.latest(peer);
    long heldSize = held.map(Witnessed::size).orElse(0L);
    String statement;
    Head offered;
    try {
      PeerChannel.Response answer = channel.get(peer, CHECKPOINT_PATH);
      if (answer.status() != 200) {
        return new Round(peer, Outcome.FAILED, heldSize, 0, peer + " answered " + answer.status() + " for its checkpoint");
      }
      statement = new String(answer.body(), StandardCharsets.US_ASCII).strip();
      offered = readCheckpoint(statement, peer);
    } catch (PeerUnreachableException e) {
      return new Round(peer, Outcome.FAILED, heldSize, 0, peer + " is unreachable: " + e.getMessage());
    } catch (ServiceException e) {
      return new Round(peer, Outcome.FAILED, heldSize, 0, peer + "'s checkpoint does not verify: " + e.code());
    }
    if (held.isPresent()) {
      Witnessed before = held.get();
      if (offered.size() < before.size()) {
        return refuse(peer, "ROLLBACK", before, offered, statement,
            peer + " offered a checkpoint of size " + offered.size() + ", smaller than the " + before.size() + " this node holds cosigned");
      }
      if (offered.size() == before.size()) {
        if (offered.root().equals(before.root()) && offered.hash().equals(before.hash())) {
          return new Round(peer, Outcome.UNCHANGED, heldSize, offered.size(), peer + "'s log is still at size " + offered.size());
        }
        return refuse(peer, "FORK", before, offered, statement,
            peer + " offered a different head for size " + offered.size() + " than the one this node holds cosigned");
      }
      List<byte[]> proof;
      try {
        proof = fetchProof(peer, before.size(), offered.size());
      } catch (PeerUnreachableException e) {
        return new Round(peer, Outcome.FAILED, heldSize, offered.size(), peer + " is unreachable for its consistency proof: " + e.getMessage());
      } catch (ServiceException e) {
        return new Round(peer, Outcome.FAILED, heldSize, offered.size(), peer + "'s consistency proof is malformed: " + e.code());
      }
      if (!MerkleTree.verifyConsistency(before.size(), offered.size(), HEX.parseHex(before.root()), HEX.parseHex(offered.root()), proof)) {
        return refuse(peer, "FORK", before, offered, statement, peer + "'s log of size " + offered.size()
            + " is not an extension of the size " + before.size() + " this node holds cosigned: the consistency proof does not verify");
      }
    }
    String cosignature = cosign(offered);
    Witnessed kept = witnesses.record(new Witnessed(peer, offered.size(), offered.root(), offered.hash(), offered.at(), statement, cosignature,
        real.instant()));
    try {
      channel.post(peer, COSIGNATURES_PATH, "cosignature-" + signatures.party() + "-" + peer + "-" + kept.size(), "application/jose",
          kept.cosignature().getBytes(StandardCharsets.US_ASCII));
    } catch (PeerUnreachableException e) {
      // the peer also fetches it from WITNESSED_PATH: the cosignature is kept here either way
    }
    return new Round(peer, Outcome.COSIGNED, heldSize, kept.size(), "cosigned " + peer + "'s checkpoint of size " + kept.size());
  }

  private Round refuse(PartyCode peer, String kind, Witnessed held, Head offered, String statement, String detail) {
    witnesses.recordEvidence(peer, kind, held.size(), held.root(), offered.size(), offered.root(), statement, detail, real.instant(),
        clock.instant(), AuditActor.node(signatures.party()));
    return new Round(peer, Outcome.REFUSED, held.size(), offered.size(), kind + ": " + detail);
  }

  private List<byte[]> fetchProof(PartyCode peer, long from, long to) throws PeerUnreachableException {
    PeerChannel.Response answer = channel.get(peer, CONSISTENCY_PATH + "?from=" + from + "&to=" + to);
    if (answer.status() != 200) {
      throw ServiceException.badInput("CONSISTENCY_PROOF_INVALID", peer + " answered " + answer.status());
    }
    try {
      JsonNode node = MAPPER.readTree(answer.body());
      if (node == null || node.path("from").asLong() != from || node.path("to").asLong() != to || !node.path("proof").isArray()) {
        throw ServiceException.badInput("CONSISTENCY_PROOF_INVALID", "not the proof asked for");
      }
      List<byte[]> proof = new ArrayList<>();
      for (JsonNode hash : node.get("proof")) {
        proof.add(HEX.parseHex(hash.asText()));
      }
      return proof;
    } catch (IOException | IllegalArgumentException e) {
      throw ServiceException.badInput("CONSISTENCY_PROOF_INVALID", "not JSON");
    }
  }

  private String cosign(Head head) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", COSIGNATURE_TYPE);
    node.put("witness", signatures.party().value());
    node.put("party", head.party().value());
    node.put("size", head.size());
    node.put("root", head.root());
    node.put("hash", head.hash());
    node.put("at", head.at());
    node.put("cosignedAt", real.instant().toString());
    return signatures.sign(bytes(node));
  }

  // ---- the verifier's side ----

  /** For every peer: the cosigned checkpoint of this node it holds, against the local log. */
  public List<Check> verify() {
    List<Check> checks = new ArrayList<>();
    for (PartyCode peer : peers()) {
      checks.add(verify(peer));
    }
    return checks;
  }

  /** {@code peer}'s cosigned checkpoint of this node against the local log. */
  public Check verify(PartyCode peer) {
    long local = audit.head().seq();
    Head held;
    try {
      PeerChannel.Response answer = channel.get(peer, WITNESSED_PATH);
      if (answer.status() == 404) {
        return new Check(peer, Status.NOT_WITNESSED, 0, local, peer + " holds no checkpoint of this node's log yet");
      }
      if (answer.status() != 200) {
        return new Check(peer, Status.UNREACHABLE, 0, local, peer + " answered " + answer.status() + " for the checkpoint it holds of this node");
      }
      held = readCosignature(new String(answer.body(), StandardCharsets.US_ASCII).strip(), peer, signatures.party());
    } catch (PeerUnreachableException e) {
      return new Check(peer, Status.UNREACHABLE, 0, local, peer + " is unreachable: " + e.getMessage());
    } catch (ServiceException e) {
      return new Check(peer, Status.INVALID, 0, local, peer + "'s cosignature does not verify: " + e.code());
    }
    return compare(peer, held, local);
  }

  /** A cosigned checkpoint of this node's log against the local log of {@code local} entries. */
  Check compare(PartyCode peer, Head held, long local) {
    if (local < held.size()) {
      return new Check(peer, Status.ROLLED_BACK, held.size(), local, "rolled back: " + peer + " holds a cosigned checkpoint of size " + held.size()
          + ", the local log has " + local + " entries");
    }
    String root = HEX.formatHex(audit.treeRoot(held.size()));
    List<AuditEntry> at = audit.entries(held.size(), 1);
    String hash = at.isEmpty() ? "" : at.get(0).hashHex();
    if (!root.equals(held.root()) || !hash.equals(held.hash())) {
      return new Check(peer, Status.FORKED, held.size(), local, "forked: at size " + held.size() + " the local log's "
          + (root.equals(held.root()) ? "chain hash" : "tree root") + " differs from the checkpoint " + peer + " holds cosigned (local size " + local + ")");
    }
    return new Check(peer, Status.OK, held.size(), local, "consistent with the checkpoint of size " + held.size() + " " + peer + " holds cosigned");
  }

  // ---- statements ----

  private Head readCheckpoint(String jws, PartyCode signer) {
    JsonNode node = payload(jws, signer, CHECKPOINT_TYPE);
    Head head = head(node, "party");
    if (!head.party().equals(signer)) {
      throw ServiceException.forbidden("CHECKPOINT_PARTY_MISMATCH", "Checkpoint of another party", signer + "'s node signed a checkpoint of " + head.party());
    }
    return head;
  }

  private Head readCosignature(String jws, PartyCode witness, PartyCode log) {
    JsonNode node = payload(jws, witness, COSIGNATURE_TYPE);
    if (!witness.value().equals(node.path("witness").asText())) {
      throw ServiceException.forbidden("COSIGNATURE_PARTY_MISMATCH", "Cosignature of another witness", witness + "'s node signed a cosignature naming another witness");
    }
    Head head = head(node, "party");
    if (!head.party().equals(log)) {
      throw ServiceException.forbidden("COSIGNATURE_PARTY_MISMATCH", "Cosignature of another log", witness + " sent a cosignature of " + head.party() + "'s log");
    }
    return head;
  }

  private JsonNode payload(String jws, PartyCode signer, String type) {
    byte[] payload = signatures.verify(jws, signer);
    try {
      JsonNode node = MAPPER.readTree(payload);
      if (node == null || !type.equals(node.path("type").asText())) {
        throw ServiceException.badInput("STATEMENT_INVALID", "the statement signed by " + signer + " is not a " + type);
      }
      return node;
    } catch (IOException e) {
      throw ServiceException.badInput("STATEMENT_INVALID", "the statement signed by " + signer + " is not JSON");
    }
  }

  private static Head head(JsonNode node, String partyField) {
    try {
      PartyCode party = PartyCode.of(node.path(partyField).asText());
      long size = node.path("size").asLong(-1);
      String root = node.path("root").asText();
      String hash = node.path("hash").asText();
      String at = node.path("at").asText();
      if (size < 1 || !root.matches("[0-9a-f]{64}") || !hash.matches("[0-9a-f]{64}")) {
        throw ServiceException.badInput("STATEMENT_INVALID", "a checkpoint needs a size >= 1 and 64-hex root and hash");
      }
      Instant.parse(at);
      return new Head(party, size, root, hash, at);
    } catch (RuntimeException e) {
      if (e instanceof ServiceException service) {
        throw service;
      }
      throw ServiceException.badInput("STATEMENT_INVALID", "a checkpoint statement is malformed");
    }
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a statement", e);
    }
  }
}
