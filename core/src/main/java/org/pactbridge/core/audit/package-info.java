/**
 * The tamper-evident audit log: every decision, release, consent, agreement change and item
 * registration is appended as an {@link org.pactbridge.core.audit.AuditEvent}, encoded canonically
 * ({@link org.pactbridge.core.audit.AuditCodec}) and hash-chained
 * ({@link org.pactbridge.core.audit.AuditChain}): each entry's SHA-256 covers the previous entry's hash
 * and its own canonical bytes. Signed {@link org.pactbridge.core.audit.Checkpoint}s pin the chain
 * periodically. {@link org.pactbridge.core.audit.ChainVerifier} finds the first altered, missing or
 * reordered entry. The format is specified in {@code docs/audit-chain.md}. Pure JDK: hashing uses
 * {@link java.security.MessageDigest}; signatures are checked through a function the caller passes.
 */
package org.pactbridge.core.audit;
