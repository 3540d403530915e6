-- Schema version 5 (PostgreSQL): the database itself refuses UPDATE, DELETE and TRUNCATE on the audit
-- tables, by triggers, and, where the migrating user may create roles, through an application role
-- that holds only INSERT and SELECT on them (docs/audit-chain.md, section 8: run the node as it).

CREATE FUNCTION pactbridge_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit table % is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION pactbridge_audit_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION pactbridge_audit_append_only();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION pactbridge_audit_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION pactbridge_audit_append_only();
-- The lock row: taking the lock (SELECT ... FOR UPDATE) fires no trigger; changing or removing it does.
CREATE TRIGGER audit_head_fixed BEFORE UPDATE OR DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION pactbridge_audit_append_only();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION pactbridge_audit_append_only();

-- The application role pactbridge_app: everything the node does on this schema's tables, but on the
-- audit tables only INSERT and SELECT (and, on the lock row, the UPDATE privilege that SELECT ... FOR
-- UPDATE requires; its trigger refuses a real UPDATE). Created only when the migrating user may create
-- roles, and only once (roles belong to the whole cluster); granted per schema.
DO $$
DECLARE
  may_create boolean;
BEGIN
  SELECT rolsuper OR rolcreaterole INTO may_create FROM pg_roles WHERE rolname = current_user;
  IF may_create AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pactbridge_app') THEN
    BEGIN
      CREATE ROLE pactbridge_app NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- another schema's migration created it at the same moment
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pactbridge_app') THEN
    BEGIN
      EXECUTE format('GRANT USAGE ON SCHEMA %I TO pactbridge_app', current_schema());
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO pactbridge_app', current_schema());
      EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO pactbridge_app', current_schema());
      REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_checkpoint FROM pactbridge_app;
      REVOKE DELETE, TRUNCATE ON audit_head FROM pactbridge_app;
      -- tables the node's later migrations create (the server's users and tokens, …) are the node's too
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO pactbridge_app',
        current_schema());
      EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO pactbridge_app', current_schema());
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pactbridge_app was not granted this schema''s tables: the migrating user may not grant them';
    END;
  END IF;
END
$$;
