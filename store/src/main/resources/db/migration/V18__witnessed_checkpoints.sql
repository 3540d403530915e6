-- Witnessed audit (issue 20 part 4, docs/federation.md "Witnesses"). Three tables:
-- witnessed_checkpoint: the peers' checkpoints this node witnessed (as their witness), each with the peer's
--   signed statement and this node's cosignature; the latest per party is the one the next must extend.
-- witness_evidence: a checkpoint a peer offered that is inconsistent with the one held (a rollback, a fork,
--   a proof that does not verify), kept with the peer's signed statement as the evidence; never deleted.
-- audit_cosignature: the cosignatures peers made of THIS node's checkpoints, as they sent them back.
CREATE TABLE witnessed_checkpoint (
  party VARCHAR(16) NOT NULL,
  size BIGINT NOT NULL,
  root VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  signed_at VARCHAR(40) NOT NULL,
  statement VARCHAR(100000) NOT NULL,
  cosignature VARCHAR(100000) NOT NULL,
  witnessed_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (party, size)
);

CREATE TABLE witness_evidence (
  id VARCHAR(36) PRIMARY KEY,
  -- the order evidence was kept in, also within one microsecond
  no BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
  party VARCHAR(16) NOT NULL,
  kind VARCHAR(32) NOT NULL,
  held_size BIGINT NOT NULL,
  held_root VARCHAR(64) NOT NULL,
  offered_size BIGINT NOT NULL,
  offered_root VARCHAR(64) NOT NULL,
  statement VARCHAR(100000) NOT NULL,
  detail VARCHAR(1000) NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE audit_cosignature (
  witness VARCHAR(16) NOT NULL,
  size BIGINT NOT NULL,
  root VARCHAR(64) NOT NULL,
  hash VARCHAR(64) NOT NULL,
  cosignature VARCHAR(100000) NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (witness, size)
);
