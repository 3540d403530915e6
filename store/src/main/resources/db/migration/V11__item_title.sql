-- An item's title is protected like its content: sealed with a data key of its own under the node's
-- master key (AES-GCM, associated data "title:<item id>"), never stored in the clear. Items registered
-- without a title, and every item registered before this table, have no row here.
CREATE TABLE item_title (
  item_id VARCHAR(64) PRIMARY KEY REFERENCES item (id),
  master_key_id VARCHAR(32) NOT NULL,
  key_iv BYTEA NOT NULL,
  wrapped_key BYTEA NOT NULL,
  title_iv BYTEA NOT NULL,
  ciphertext BYTEA NOT NULL
);
