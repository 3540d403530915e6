/**
 * Merkle trees as RFC 9162 (Certificate Transparency 2.0) section 2.1 defines them: leaf and interior
 * hashes with distinct prefixes, the tree head of any list, inclusion proofs and consistency proofs, and
 * their verification. Item batches and audit commits are such trees.
 */
package org.pactbridge.core.merkle;
