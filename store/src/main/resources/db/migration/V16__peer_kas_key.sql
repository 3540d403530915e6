-- Peers' KAS public keys (issue 20, federation): the key a peer's node states for its key access service,
-- fetched over mutual TLS at first use and pinned, and each rotation the peer's node announced, signed with
-- its node signing certificate. One row per key; the active one per party has active_for = the party (the
-- unique constraint keeps one, as tdf_key's active_for does: H2 has no partial indexes). The statement is the
-- peer's signed JWS (party, URL, kid, key), kept as the evidence of the pin or the rotation.
CREATE TABLE peer_kas_key (
  party VARCHAR(16) NOT NULL,
  kid VARCHAR(128) NOT NULL,
  url VARCHAR(2000) NOT NULL,
  algorithm VARCHAR(16) NOT NULL,
  public_key BYTEA NOT NULL,
  statement VARCHAR(100000) NOT NULL,
  stated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  pinned_at TIMESTAMP WITH TIME ZONE NOT NULL,
  how VARCHAR(16) NOT NULL,
  superseded_at TIMESTAMP WITH TIME ZONE,
  active_for VARCHAR(16) UNIQUE,
  PRIMARY KEY (party, kid),
  CONSTRAINT peer_kas_key_how CHECK (how IN ('FETCHED', 'ANNOUNCED'))
);
