/**
 * Persistence over plain JDBC: one {@link org.pactbridge.store.Store} per database, embedded H2 by
 * default (a file under the user's data directory) or PostgreSQL, the same SQL on both, migrated by
 * Flyway at start. Item content is encrypted at rest (AES-GCM, a per-item data key wrapped by the node's
 * master key, {@link org.pactbridge.store.NodeKeys}); the audit log is hash-chained and serialised
 * across processes by a row lock on its head. Every operation is one transaction.
 */
package org.pactbridge.store;
