package org.pactbridge.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * The append-only audit log. Appends are serialised across processes: concurrent writers produce one
 * chain, without forks or gaps. Each append is one commit and ends with a signed head. Nothing is ever
 * updated or deleted.
 */
public interface AuditLog {

  /** Appends one event, as a commit of its own in its own transaction, and returns the stored entry. */
  AuditEntry append(AuditEvent event);

  /** Entries from {@code fromSeq}, at most {@code limit}, in order. */
  List<AuditEntry> entries(long fromSeq, int limit);

  /**
   * Entries that may pass {@code filter}, at most {@code limit}, from sequence number {@code cursor}
   * onwards ({@code newestFirst}: from {@code cursor} downwards). The store narrows by the fields it
   * keeps in columns (kind, subject, actor) and may return entries that the instant range or a v1 actor
   * then excludes: callers apply {@link AuditFilter#matches}. The last entry returned is where the next
   * page continues.
   */
  List<AuditEntry> find(AuditFilter filter, long cursor, boolean newestFirst, int limit);

  /** The head, derived from the entries: the last entry's sequence number and hash (0 and 64 zeros when empty). */
  ChainHead head();

  /**
   * The signed head of the current head: the one its commit wrote, or, for a chain that ends in v1
   * entries (written before every commit was signed), a new one. Empty when the log is empty.
   */
  Optional<Checkpoint> checkpoint();

  /** Checkpoints (signed heads) from entry {@code fromSeq}, at most {@code limit}, in order. */
  List<Checkpoint> checkpoints(long fromSeq, int limit);

  /** Walks the whole chain against its checkpoints and the signed heads kept outside the database. */
  Verification verify();

  /**
   * The RFC 9162 Merkle tree head over entries 1..{@code size} (leaf hash: {@code MerkleTree.leafHash}
   * of each entry's body, v1 and v2 entries included): what a v2 checkpoint of that size signs. Size 0 is
   * the empty tree's head. Throws {@link IllegalArgumentException} when {@code size} is beyond the head.
   */
  byte[] treeRoot(long size);

  /**
   * RFC 9162 PROOF(m, D[n]): the consistency proof that the tree of the first {@code oldSize} entries
   * is a prefix of the tree of the first {@code newSize} ({@code 0 <= oldSize <= newSize <= head}); empty
   * when {@code oldSize} is 0 or equals {@code newSize}.
   */
  List<byte[]> consistencyProof(long oldSize, long newSize);

  /**
   * RFC 9162 PATH(m, D[n]): the inclusion proof of entry {@code seq} (1-based, leaf index {@code seq - 1})
   * in the tree of the first {@code size} entries ({@code 1 <= seq <= size <= head}).
   */
  List<byte[]> inclusionProof(long seq, long size);
}
