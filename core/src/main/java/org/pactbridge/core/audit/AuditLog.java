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
}
