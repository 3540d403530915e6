package org.pactbridge.core.audit;

/**
 * The chain's last entry, derived from the entries (the highest {@code seq}), not stored apart:
 * {@code seq} 0 and 64 zeros when empty.
 */
public record ChainHead(long seq, String hashHex) {}
