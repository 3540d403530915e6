package org.pactbridge.core.audit;

/** What the store records as the chain's last entry: {@code seq} 0 and the genesis hash when empty. */
public record ChainHead(long seq, String hashHex) {}
