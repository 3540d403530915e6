package org.pactbridge.core.audit;

import java.util.List;
import java.util.Optional;

/**
 * The append-only audit log. Appends are serialised across processes: concurrent writers produce one
 * chain, without forks or gaps. Nothing is ever updated or deleted.
 */
public interface AuditLog {

  /** Appends one event, in its own transaction, and returns the stored entry. */
  AuditEntry append(AuditEvent event);

  /** Entries from {@code fromSeq}, at most {@code limit}, in order. */
  List<AuditEntry> entries(long fromSeq, int limit);

  /** The recorded head: the last entry's sequence number and hash. */
  ChainHead head();

  /** Signs the current head; empty when the log is empty. */
  Optional<Checkpoint> checkpoint();

  List<Checkpoint> checkpoints();

  /** Walks the whole chain, the head and the checkpoints. */
  Verification verify();
}
