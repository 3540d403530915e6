-- Schema version 5 (H2): the database itself refuses UPDATE and DELETE on the audit tables. H2 has no
-- roles that would separate the node from the file's owner, so triggers are the refusal here; someone
-- who drops them (the database owner) is still caught by verification (docs/audit-chain.md, section 7).
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
  FOR EACH ROW CALL "org.pactbridge.store.AppendOnlyTrigger";
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE, DELETE ON audit_checkpoint
  FOR EACH ROW CALL "org.pactbridge.store.AppendOnlyTrigger";
CREATE TRIGGER audit_head_fixed BEFORE UPDATE, DELETE ON audit_head
  FOR EACH ROW CALL "org.pactbridge.store.AppendOnlyTrigger";

-- H2 has no TRUNCATE trigger, but it refuses to truncate a table that a foreign key references. This
-- table stays empty; it exists so that TRUNCATE fails on the three audit tables as DELETE does.
CREATE TABLE audit_truncate_guard (
  entry_seq BIGINT REFERENCES audit_entry (seq),
  checkpoint_seq BIGINT REFERENCES audit_checkpoint (seq),
  lock_id INT REFERENCES audit_head (id)
);
