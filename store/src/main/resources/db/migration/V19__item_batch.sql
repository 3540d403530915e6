-- Bulk import in signed batches (issue 22): a batch of imported items is one Merkle tree (RFC 9162
-- hashing) whose root the node signs once. The batch row keeps the tree's size, its root (hex) and the
-- node's Ed25519 signature over ItemBatchProof.signedRootBytes; each item of the batch keeps its leaf
-- index and its inclusion proof (the audit path, 32-byte hashes concatenated), so one item verifies
-- alone. Items signed one by one (before V19, and by item add and tdf import) have no batch and keep
-- their own signature in item.signature; a batch item's item.signature is empty.
CREATE TABLE item_batch (
  id VARCHAR(64) PRIMARY KEY,
  created TIMESTAMP WITH TIME ZONE NOT NULL,
  tree_size INT NOT NULL,
  root VARCHAR(64) NOT NULL,
  signature VARCHAR(200) NOT NULL,
  signer_key VARCHAR(200) NOT NULL
);

ALTER TABLE item ADD COLUMN batch_id VARCHAR(64);
ALTER TABLE item ADD COLUMN leaf_index INT;
ALTER TABLE item ADD COLUMN inclusion_proof BYTEA;
ALTER TABLE item ADD CONSTRAINT item_batch_fk FOREIGN KEY (batch_id) REFERENCES item_batch (id);
