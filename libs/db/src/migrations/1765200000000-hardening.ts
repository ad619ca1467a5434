import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * the database as the last line. The claim lifecycle (docs/rules.md §5) as a trigger; the
 * definer functions immune to a temporary table shadowing theirs; the public verification without
 * the requester; sessions that end when their user is deactivated (a notification per change);
 * sign-in rate limits counted here, shared by every API process; `Idempotency-Key` for every POST.
 */
export class Hardening1765200000000 implements MigrationInterface {
  name = 'Hardening1765200000000';

  async up(q: QueryRunner): Promise<void> {
    // docs/rules.md §5: DRAFT → SUBMITTED → APPROVED or REJECTED → PAID (from APPROVED); nothing returns.
    await q.query(`
      CREATE FUNCTION careops_claim_lifecycle() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state AND (OLD.state, NEW.state) NOT IN
             (('DRAFT', 'SUBMITTED'), ('SUBMITTED', 'APPROVED'), ('SUBMITTED', 'REJECTED'), ('APPROVED', 'PAID')) THEN
          RAISE EXCEPTION 'claim % cannot go from % to %', OLD.number, OLD.state, NEW.state
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        -- Who submitted, decided and paid, and why it was rejected, are facts once recorded.
        IF (OLD.submitted_at IS NOT NULL AND (NEW.submitted_at, NEW.submitted_by) IS DISTINCT FROM (OLD.submitted_at, OLD.submitted_by))
           OR (OLD.decided_at IS NOT NULL AND (NEW.decided_at, NEW.decided_by, NEW.rejection_reason) IS DISTINCT FROM (OLD.decided_at, OLD.decided_by, OLD.rejection_reason))
           OR (OLD.paid_at IS NOT NULL AND (NEW.paid_at, NEW.paid_by) IS DISTINCT FROM (OLD.paid_at, OLD.paid_by)) THEN
          RAISE EXCEPTION 'claim %: a recorded submission, decision or payment cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER claim_lifecycle BEFORE UPDATE ON claim FOR EACH ROW EXECUTE FUNCTION careops_claim_lifecycle()`);
    // A claim is born a DRAFT with nothing recorded (else INSERT … 'APPROVED' would skip the lifecycle).
    await q.query(`
      CREATE FUNCTION careops_claim_born_draft() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF NEW.state <> 'DRAFT' OR num_nonnulls(NEW.submitted_at, NEW.submitted_by, NEW.decided_at, NEW.decided_by, NEW.paid_at, NEW.paid_by, NEW.rejection_reason) > 0 THEN
          RAISE EXCEPTION 'a claim begins as a DRAFT with nothing recorded' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER claim_born_draft BEFORE INSERT ON claim FOR EACH ROW EXECUTE FUNCTION careops_claim_born_draft()`);
    // A line moved out of a frozen claim is a change of that claim too: both ends are checked.
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_claim_line_frozen() RETURNS trigger LANGUAGE plpgsql AS
      $$ DECLARE s text;
      BEGIN
        FOR s IN SELECT c.state FROM public.claim c
                 WHERE c.id IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD.claim_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.claim_id END) LOOP
          IF s IS DISTINCT FROM 'DRAFT' THEN
            RAISE EXCEPTION 'claim is % and frozen: its lines cannot change', s USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END LOOP;
        RETURN coalesce(NEW, OLD);
      END $$`);
    // The app may not make temporary tables at all (none is needed): nothing can shadow a table a
    // trigger or function reads; and every plpgsql function searches pg_temp last besides.
    await q.query(`DO $$ BEGIN
      EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
      EXECUTE format('GRANT TEMPORARY ON DATABASE %I TO %I', current_database(), current_user);
    END $$`);

    // Definer functions: pg_temp last (a temporary app_user must not be found first), names qualified.
    // Deactivation: who ended the account and why; tokens issued before `sessions_valid_after` are void.
    await q.query(
      `ALTER TABLE app_user ADD COLUMN disabled_by uuid, ADD COLUMN disabled_reason text, ADD COLUMN sessions_valid_after timestamptz`,
    );
    await q.query(`DROP FUNCTION careops_auth_user(text, uuid)`);
    await q.query(`
      CREATE FUNCTION careops_auth_user(p_username text, p_id uuid)
      RETURNS TABLE (id uuid, username text, password_hash text, role text, facility_id uuid, division_code text, disabled_at timestamptz,
                     sessions_valid_after timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT u.id, u.username, u.password_hash, u.role, u.facility_id, u.division_code::text, u.disabled_at, u.sessions_valid_after
         FROM public.app_user u
         WHERE (p_username IS NOT NULL AND lower(u.username) = lower(p_username)) OR (p_id IS NOT NULL AND u.id = p_id) $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_auth_user(text, uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_auth_user(text, uuid) TO careops_app`);
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_facility_division(p_id uuid) RETURNS text
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT f.division_code::text FROM public.facility f WHERE f.id = p_id $$`);
    // docs/api.md "Additions": what the document is, by its hash, printed code or number; never who asked.
    await q.query(`DROP FUNCTION careops_verify_document(text)`);
    await q.query(`
      CREATE FUNCTION careops_verify_document(p_ref text)
      RETURNS TABLE (number text, kind text, title text, facility_name text, division_code text, period text, sha256 text,
                     issued_at timestamptz, matched text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET app.platform = 'on' AS
      $$ SELECT d.number, d.kind, d.title, f.name, d.division_code::text, d.period, d.sha256::text, d.issued_at,
                CASE WHEN d.sha256 = lower(p_ref) THEN 'FILE' WHEN d.content_hash = lower(p_ref) THEN 'CODE' ELSE 'NUMBER' END
         FROM public.document d LEFT JOIN public.facility f ON f.id = d.facility_id
         WHERE d.sha256 = lower(p_ref) OR d.content_hash = lower(p_ref) OR d.number = p_ref
         LIMIT 1 $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_verify_document(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_verify_document(text) TO careops_app`);
    await q.query(`CREATE INDEX document_content_hash_idx ON document (content_hash)`);

    // Every process forgets what it knew of a user whose standing changed.
    await q.query(`
      CREATE FUNCTION careops_user_changed() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        PERFORM pg_notify('careops_user', coalesce(NEW.id, OLD.id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER app_user_changed AFTER UPDATE OF disabled_at, sessions_valid_after, role, facility_id, division_code OR DELETE ON app_user
      FOR EACH ROW EXECUTE FUNCTION careops_user_changed()`);

    // Sign-in attempts per client address and window, counted once for all API processes.
    await q.query(`
      CREATE TABLE rate_limit (
        key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 300),
        hits integer NOT NULL CHECK (hits >= 0),
        window_ends timestamptz NOT NULL,
        blocked_until timestamptz
      )`);

    // Same key + same request → the first answer again, for every POST (Stripe's rules); a user's own.
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`
      CREATE TABLE idempotent_request (
        user_id uuid NOT NULL,
        key text NOT NULL CHECK (key ~ '^[\\x21-\\x7e]{1,255}$'),
        facility_id uuid REFERENCES facility (id),
        route text NOT NULL,
        request_hash bytea NOT NULL,
        completed boolean NOT NULL DEFAULT false,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
    await q.query(`CREATE INDEX idempotent_request_age_idx ON idempotent_request (created_at)`);
    await q.query(`ALTER TABLE idempotent_request ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE idempotent_request FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY idempotent_request_owner ON idempotent_request
      USING (user_id = careops_user() OR careops_platform()) WITH CHECK (user_id = careops_user())`);
    // Last, so that it covers every trigger function, this migration's included.
    await q.query(`
      DO $$ DECLARE f regprocedure;
      BEGIN
        FOR f IN SELECT p.oid FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'plpgsql' AND starts_with(p.proname, 'careops_') LOOP
          EXECUTE format('ALTER FUNCTION %s SET search_path = pg_catalog, public, pg_temp', f);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotent_request`);
    await q.query(`DROP TABLE rate_limit`);
    await q.query(`DROP TRIGGER app_user_changed ON app_user`);
    await q.query(`DROP FUNCTION careops_user_changed()`);
    await q.query(`ALTER TABLE app_user DROP COLUMN disabled_by, DROP COLUMN disabled_reason, DROP COLUMN sessions_valid_after`);
    await q.query(`DROP TRIGGER claim_born_draft ON claim`);
    await q.query(`DROP FUNCTION careops_claim_born_draft()`);
    await q.query(`DROP TRIGGER claim_lifecycle ON claim`);
    await q.query(`DROP FUNCTION careops_claim_lifecycle()`);
  }
}
