-- Schema version 4: the audit chain's format v2 (docs/audit-chain.md). Entries name the person who
-- acted: user id, user name and nation are kept beside the body, as copies for filtering, like kind and
-- subject; verification checks each copy against the body. v1 rows keep NULL there.
ALTER TABLE audit_entry ADD COLUMN actor_id VARCHAR(128);
ALTER TABLE audit_entry ADD COLUMN actor_name VARCHAR(128);
ALTER TABLE audit_entry ADD COLUMN actor_nation VARCHAR(4);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id);

-- One entry links to each hash: two writers that both got past the head lock cannot fork the chain.
CREATE UNIQUE INDEX audit_entry_prev_hash ON audit_entry (prev_hash);

-- The head is derived from the entries (the highest seq); the one row of audit_head stays only as the
-- lock that appenders take in turn (SELECT ... FOR UPDATE). Its seq and hash were a copy that anyone
-- with write access could move: signed heads (audit_checkpoint, one per commit) replace them.
ALTER TABLE audit_head DROP COLUMN seq;
ALTER TABLE audit_head DROP COLUMN hash;
