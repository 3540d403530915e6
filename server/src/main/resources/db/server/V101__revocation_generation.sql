-- Revocation that every instance on one database sees within a second. Every revoke, user deletion or
-- user change bumps the generation in the same transaction; each instance polls it a few times a second
-- and, when it moves, drops every token it had cached (Accounts). A deleted user is kept, marked, so that
-- audit entries naming it still resolve; every look-up skips it and its tokens.
CREATE TABLE pb_revocation (
  id          INT    PRIMARY KEY,
  generation  BIGINT NOT NULL
);

INSERT INTO pb_revocation (id, generation) VALUES (1, 0);

ALTER TABLE pb_user ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
