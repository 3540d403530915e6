/**
 * The tamper-evident audit log: every decision, release, consent, agreement change, item registration
 * and account change is appended as an {@link org.pactbridge.core.audit.AuditEvent} naming the person
 * who acted ({@link org.pactbridge.core.audit.AuditActor}), encoded canonically
 * ({@link org.pactbridge.core.audit.AuditCodec}, format v2; v1 is still read) and hash-chained
 * ({@link org.pactbridge.core.audit.AuditChain}): each entry's SHA-256 covers the previous entry's hash
 * and its own canonical bytes. Entries appended together form a commit
 * ({@link org.pactbridge.core.audit.CommitRange}) that ends in a signed head
 * ({@link org.pactbridge.core.audit.Checkpoint}). {@link org.pactbridge.core.audit.ChainVerifier} names
 * the first altered, missing, reordered or unsigned entry. The format is specified in
 * {@code docs/audit-chain.md}. Pure JDK: hashing uses {@link java.security.MessageDigest}; signatures are
 * checked through a function the caller passes.
 */
package org.pactbridge.core.audit;
