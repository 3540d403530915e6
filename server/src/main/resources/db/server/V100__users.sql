-- The server's own tables: users and the hashes of their API tokens. Kept in a separate Flyway
-- history table (pactbridge_server_schema_history) so that the store's migrations and these never
-- collide; versions start at 100.
CREATE TABLE pb_user (
  id            VARCHAR(64)   PRIMARY KEY,
  name          VARCHAR(64)   NOT NULL UNIQUE,
  nationality   VARCHAR(8)    NOT NULL,
  clearance     VARCHAR(80)   NOT NULL,
  need_to_know  VARCHAR(4000) NOT NULL,
  compartments  VARCHAR(4000) NOT NULL,
  roles         VARCHAR(400)  NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE pb_api_token (
  id          VARCHAR(64)  PRIMARY KEY,
  user_id     VARCHAR(64)  NOT NULL REFERENCES pb_user (id),
  token_hash  VARCHAR(128) NOT NULL UNIQUE,
  label       VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE,
  revoked_at  TIMESTAMP WITH TIME ZONE
);

CREATE INDEX pb_api_token_user ON pb_api_token (user_id);
