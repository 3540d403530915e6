package org.pactbridge.core.audit;

import java.util.Objects;

/**
 * An entry as a store holds it: the chained entry (sequence number, previous hash, body, hash) and the
 * copies of body fields kept in columns of their own ({@code columns}; null when the store keeps none,
 * as for a chain held in memory).
 */
public record AuditRow(AuditEntry entry, IndexedFields columns) {
  public AuditRow {
    Objects.requireNonNull(entry, "entry");
  }
}
