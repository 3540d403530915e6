-- Schema version 20: the audit chain's format v3 (docs/audit-chain.md). The whole log is also one
-- RFC 9162 Merkle tree whose leaves are the entries' bodies. Every commit's signed head (a v2
-- checkpoint) signs the tree head over entries 1..seq (root), and keeps beside it the frontier: the
-- heads of the tree's complete subtrees, largest first, 64 hex digits each (at most 64 of them), from
-- which the next commit computes its tree head in O(k + log n). The frontier is not signed: it is
-- checked against the signed root before it is used, and verification recomputes the tree itself.
-- v1 checkpoints keep NULL in both.
ALTER TABLE audit_checkpoint ADD COLUMN root VARCHAR(64);
ALTER TABLE audit_checkpoint ADD COLUMN frontier VARCHAR(4096);
