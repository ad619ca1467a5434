import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * users, refresh tokens, login throttling, the append-only audit trail, and row-level
 * security. The application connects as `careops_app` (no ownership, no BYPASSRLS); migrations
 * run as the owner. Every table with `facility_id` gets RLS, enabled and forced.
 */
export class IdentityTenancyAudit1764100000000 implements MigrationInterface {
  name = 'IdentityTenancyAudit1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'careops_app') THEN
          CREATE ROLE careops_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO careops_app`);

    // The tenant context of the current transaction, set with set_config(…, true) by the app (docs/architecture.md).
    await q.query(`
      CREATE FUNCTION careops_tenant() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.facility_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION careops_platform() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.platform', true), '') = 'on' $$`);
    // docs/rules.md §1: a regulator sees the facilities whose division code starts with its prefix ('*' = all).
    await q.query(`
      CREATE FUNCTION careops_division_visible(code text) RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT CASE
           WHEN nullif(current_setting('app.division_prefix', true), '') IS NULL THEN false
           WHEN current_setting('app.division_prefix', true) = '*' THEN true
           ELSE starts_with(code, current_setting('app.division_prefix', true)) END $$`);

    // docs/rules.md §2: the facility's checks.
    await q.query(`
      ALTER TABLE facility
        ADD COLUMN fire_safety_passed_on date,
        ADD COLUMN medical_arrangement text CHECK (medical_arrangement IN ('IN_HOUSE_CLINIC', 'SIGNED_AGREEMENT', 'NONE')),
        ADD COLUMN safety_standard_checked_on date,
        ADD COLUMN quality_standard_checked_on date`);
    await q.query(`ALTER TABLE facility ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE facility FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY facility_read ON facility FOR SELECT
      USING (id = careops_tenant() OR careops_platform() OR careops_division_visible(division_code))`);
    await q.query(`CREATE POLICY facility_create ON facility FOR INSERT WITH CHECK (careops_platform())`);
    await q.query(`
      CREATE POLICY facility_update ON facility FOR UPDATE
      USING (id = careops_tenant() OR careops_platform()) WITH CHECK (id = careops_tenant() OR careops_platform())`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL CHECK (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'FACILITY_MANAGER', 'ACCOUNTANT', 'REGULATOR')),
        facility_id uuid REFERENCES facility (id),
        division_code char(6) CHECK (division_code ~ '^[0-9]{6}$'),
        display_name text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT app_user_scope CHECK (
          (role = 'PLATFORM_ADMIN' AND facility_id IS NULL AND division_code IS NULL)
          OR (role IN ('FACILITY_MANAGER', 'ACCOUNTANT') AND facility_id IS NOT NULL AND division_code IS NULL)
          OR (role = 'REGULATOR' AND facility_id IS NULL AND division_code IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);
    await q.query(`CREATE INDEX app_user_facility_idx ON app_user (facility_id)`);
    await q.query(`ALTER TABLE app_user ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE app_user FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY app_user_access ON app_user
      USING (facility_id = careops_tenant() OR careops_platform())
      WITH CHECK (facility_id = careops_tenant() OR careops_platform())`);

    // Login needs a user before any tenant is known: a narrow definer function, not table access.
    await q.query(`
      CREATE FUNCTION careops_auth_user(p_username text, p_id uuid)
      RETURNS TABLE (id uuid, username text, password_hash text, role text, facility_id uuid, division_code text, disabled_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.platform = 'on' AS
      $$ SELECT u.id, u.username, u.password_hash, u.role, u.facility_id, u.division_code::text, u.disabled_at
         FROM app_user u
         WHERE (p_username IS NOT NULL AND lower(u.username) = lower(p_username)) OR (p_id IS NOT NULL AND u.id = p_id) $$`);
    // The access guard's one question before a tenant is set: does this facility exist, and where.
    await q.query(`
      CREATE FUNCTION careops_facility_division(p_id uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public SET app.platform = 'on' AS
      $$ SELECT division_code::text FROM facility WHERE id = p_id $$`);
    for (const fn of ['careops_auth_user(text, uuid)', 'careops_facility_division(uuid)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO careops_app`);
    }

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL UNIQUE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);

    // Five failures within 15 minutes lock a username for 15 minutes, whether or not it exists.
    await q.query(`
      CREATE TABLE login_throttle (
        username_key text PRIMARY KEY,
        failures timestamptz[] NOT NULL DEFAULT '{}',
        locked_until timestamptz
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        facility_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        request_id text,
        client_ip inet,
        diff jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_event_facility_at_idx ON audit_event (facility_id, at)`);
    await q.query(`
      CREATE FUNCTION careops_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION careops_audit_is_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION careops_audit_is_append_only()`);
    await q.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_event FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT USING (facility_id = careops_tenant() OR careops_platform())`);
    await q.query(`
      CREATE POLICY audit_event_write ON audit_event FOR INSERT
      WITH CHECK (facility_id IS NULL OR facility_id = careops_tenant() OR careops_platform())`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON facility TO careops_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON app_user TO careops_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON refresh_token, login_throttle TO careops_app`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO careops_app`);
    await q.query(`GRANT SELECT, INSERT ON data_health_report TO careops_app`);
    await q.query(`GRANT SELECT ON migrations TO careops_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO careops_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM careops_app`);
    await q.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM careops_app`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION careops_audit_is_append_only()`);
    await q.query(`DROP TABLE login_throttle`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP FUNCTION careops_facility_division(uuid)`);
    await q.query(`DROP FUNCTION careops_auth_user(text, uuid)`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP POLICY facility_read ON facility`);
    await q.query(`DROP POLICY facility_create ON facility`);
    await q.query(`DROP POLICY facility_update ON facility`);
    await q.query(`ALTER TABLE facility NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE facility DROP COLUMN fire_safety_passed_on, DROP COLUMN medical_arrangement,
      DROP COLUMN safety_standard_checked_on, DROP COLUMN quality_standard_checked_on`);
    await q.query(`DROP FUNCTION careops_division_visible(text)`);
    await q.query(`DROP FUNCTION careops_platform()`);
    await q.query(`DROP FUNCTION careops_tenant()`);
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM careops_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM careops_app`);
  }
}
