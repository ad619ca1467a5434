import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * docs/rules.md §5 "When a claim may be made", "Recording the bureau's answer": a draft made while
 * its month runs is an estimate 预估 (never submitted as such); the bureau's answer keeps its facts
 * (approval date and amount, rejection date, payment date, amount and bank reference), which never
 * change once set; every state change is a row of the append-only `claim_event`, written here by a
 * trigger with the acting user of the transaction (`app.user_id`), so that no code path can skip it.
 */
export class ClaimAnswers1765400000000 implements MigrationInterface {
  name = 'ClaimAnswers1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE claim
        ADD COLUMN estimate boolean NOT NULL DEFAULT false,
        ADD COLUMN approved_on date,
        ADD COLUMN approved_fen bigint CONSTRAINT claim_approved_fen_check CHECK (approved_fen >= 0),
        ADD COLUMN rejected_on date,
        ADD COLUMN paid_on date,
        ADD COLUMN paid_fen bigint CONSTRAINT claim_paid_fen_check CHECK (paid_fen >= 0),
        ADD COLUMN payment_reference text CONSTRAINT claim_payment_reference_check CHECK (length(payment_reference) <= 100)`);
    // Claims answered before these columns existed: the day of the answer in the facility's time
    // zone, the claimed total approved, the approved amount paid. Facility by facility, so that the
    // tenant policies (forced on the owner too) let the owner see each one's claims.
    await this.perFacility(
      q,
      `UPDATE claim c SET
         approved_on = CASE WHEN c.state IN ('APPROVED', 'PAID') THEN (c.decided_at AT TIME ZONE f.timezone)::date END,
         approved_fen = CASE WHEN c.state IN ('APPROVED', 'PAID') THEN c.total_fen END,
         rejected_on = CASE WHEN c.state = 'REJECTED' THEN (c.decided_at AT TIME ZONE f.timezone)::date END,
         paid_on = CASE WHEN c.state = 'PAID' THEN (c.paid_at AT TIME ZONE f.timezone)::date END,
         paid_fen = CASE WHEN c.state = 'PAID' THEN c.total_fen END
       FROM facility f WHERE f.id = c.facility_id AND c.state IN ('APPROVED', 'REJECTED', 'PAID')`,
    );
    await q.query(`
      ALTER TABLE claim
        ADD CONSTRAINT claim_estimate_is_draft CHECK (state = 'DRAFT' OR NOT estimate),
        ADD CONSTRAINT claim_approval_recorded CHECK ((state IN ('APPROVED', 'PAID')) = (approved_on IS NOT NULL AND approved_fen IS NOT NULL)),
        ADD CONSTRAINT claim_rejection_recorded CHECK ((state = 'REJECTED') = (rejected_on IS NOT NULL)),
        ADD CONSTRAINT claim_payment_recorded CHECK ((state = 'PAID') = (paid_on IS NOT NULL AND paid_fen IS NOT NULL)),
        ADD CONSTRAINT claim_payment_reference_paid CHECK (payment_reference IS NULL OR state = 'PAID'),
        ADD CONSTRAINT claim_paid_after_approval CHECK (paid_on >= approved_on)`);

    // The lifecycle of 1765200000000, the answer's facts added to what never changes once recorded.
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_claim_lifecycle() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state AND (OLD.state, NEW.state) NOT IN
             (('DRAFT', 'SUBMITTED'), ('SUBMITTED', 'APPROVED'), ('SUBMITTED', 'REJECTED'), ('APPROVED', 'PAID')) THEN
          RAISE EXCEPTION 'claim % cannot go from % to %', OLD.number, OLD.state, NEW.state
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        -- Who submitted, decided and paid, the answer's dates, amounts, reason and reference are facts once recorded.
        IF (OLD.submitted_at IS NOT NULL AND (NEW.submitted_at, NEW.submitted_by) IS DISTINCT FROM (OLD.submitted_at, OLD.submitted_by))
           OR (OLD.decided_at IS NOT NULL AND (NEW.decided_at, NEW.decided_by, NEW.rejection_reason, NEW.approved_on, NEW.approved_fen, NEW.rejected_on)
                IS DISTINCT FROM (OLD.decided_at, OLD.decided_by, OLD.rejection_reason, OLD.approved_on, OLD.approved_fen, OLD.rejected_on))
           OR (OLD.paid_at IS NOT NULL AND (NEW.paid_at, NEW.paid_by, NEW.paid_on, NEW.paid_fen, NEW.payment_reference)
                IS DISTINCT FROM (OLD.paid_at, OLD.paid_by, OLD.paid_on, OLD.paid_fen, OLD.payment_reference)) THEN
          RAISE EXCEPTION 'claim %: a recorded submission, decision or payment cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_claim_born_draft() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF NEW.state <> 'DRAFT' OR num_nonnulls(NEW.submitted_at, NEW.submitted_by, NEW.decided_at, NEW.decided_by, NEW.paid_at, NEW.paid_by,
             NEW.rejection_reason, NEW.approved_on, NEW.approved_fen, NEW.rejected_on, NEW.paid_on, NEW.paid_fen, NEW.payment_reference) > 0 THEN
          RAISE EXCEPTION 'a claim begins as a DRAFT with nothing recorded' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);

    // The history: one row per state change (the creation's from is null), append-only.
    await q.query(`
      CREATE TABLE claim_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        claim_id uuid NOT NULL,
        from_state text,
        to_state text NOT NULL,
        -- The transaction's time, as the claim's own stamps (submitted_at …); written_at orders events of one transaction.
        at timestamptz NOT NULL DEFAULT now(),
        written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        by_user uuid,
        note text,
        CONSTRAINT claim_event_claim_fk FOREIGN KEY (facility_id, claim_id) REFERENCES claim (facility_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX claim_event_claim_idx ON claim_event (facility_id, claim_id, at, written_at)`);
    await enableTenantRls(q, 'claim_event');
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON claim_event FROM careops_app`);
    await q.query(`GRANT SELECT, INSERT ON claim_event TO careops_app`);
    await q.query(
      `CREATE TRIGGER claim_event_append_only BEFORE UPDATE ON claim_event FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    // A draft may be deleted with its events (ON DELETE CASCADE); a frozen claim cannot be deleted at all.
    await q.query(`
      CREATE FUNCTION careops_claim_event() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF TG_OP = 'INSERT' OR NEW.state IS DISTINCT FROM OLD.state THEN
          INSERT INTO public.claim_event (facility_id, claim_id, from_state, to_state, by_user, note)
          VALUES (NEW.facility_id, NEW.id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.state END, NEW.state,
                  nullif(current_setting('app.user_id', true), '')::uuid,
                  CASE WHEN NEW.state = 'REJECTED' THEN NEW.rejection_reason END);
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER claim_event AFTER INSERT OR UPDATE OF state ON claim FOR EACH ROW EXECUTE FUNCTION careops_claim_event()`,
    );
    // What is known of the claims made before: their stamps.
    await this.perFacility(
      q,
      `INSERT INTO claim_event (facility_id, claim_id, from_state, to_state, at, by_user, note)
       SELECT c.facility_id, c.id, NULL, 'DRAFT', c.created_at, NULL, NULL FROM claim c
       UNION ALL SELECT c.facility_id, c.id, 'DRAFT', 'SUBMITTED', c.submitted_at, c.submitted_by, NULL FROM claim c WHERE c.submitted_at IS NOT NULL
       UNION ALL SELECT c.facility_id, c.id, 'SUBMITTED', CASE WHEN c.state = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END, c.decided_at,
                        c.decided_by, CASE WHEN c.state = 'REJECTED' THEN c.rejection_reason END FROM claim c WHERE c.decided_at IS NOT NULL
       UNION ALL SELECT c.facility_id, c.id, 'APPROVED', 'PAID', c.paid_at, c.paid_by, NULL FROM claim c WHERE c.paid_at IS NOT NULL`,
    );
  }

  /** Runs `sql` once in each facility's tenant scope (the facilities listed in the platform's). */
  private async perFacility(q: QueryRunner, sql: string): Promise<void> {
    await q.query(`SELECT set_config('app.platform', 'on', true)`);
    const facilities: { id: string }[] = await q.query(`SELECT id FROM facility`);
    await q.query(`SELECT set_config('app.platform', '', true)`);
    for (const f of facilities) {
      await q.query(`SELECT set_config('app.facility_id', $1, true)`, [f.id]);
      await q.query(sql);
    }
    await q.query(`SELECT set_config('app.facility_id', '', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER claim_event ON claim`);
    await q.query(`DROP FUNCTION careops_claim_event()`);
    await q.query(`DROP TABLE claim_event`);
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_claim_born_draft() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF NEW.state <> 'DRAFT' OR num_nonnulls(NEW.submitted_at, NEW.submitted_by, NEW.decided_at, NEW.decided_by, NEW.paid_at, NEW.paid_by, NEW.rejection_reason) > 0 THEN
          RAISE EXCEPTION 'a claim begins as a DRAFT with nothing recorded' USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION careops_claim_lifecycle() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF NEW.state IS DISTINCT FROM OLD.state AND (OLD.state, NEW.state) NOT IN
             (('DRAFT', 'SUBMITTED'), ('SUBMITTED', 'APPROVED'), ('SUBMITTED', 'REJECTED'), ('APPROVED', 'PAID')) THEN
          RAISE EXCEPTION 'claim % cannot go from % to %', OLD.number, OLD.state, NEW.state
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        IF (OLD.submitted_at IS NOT NULL AND (NEW.submitted_at, NEW.submitted_by) IS DISTINCT FROM (OLD.submitted_at, OLD.submitted_by))
           OR (OLD.decided_at IS NOT NULL AND (NEW.decided_at, NEW.decided_by, NEW.rejection_reason) IS DISTINCT FROM (OLD.decided_at, OLD.decided_by, OLD.rejection_reason))
           OR (OLD.paid_at IS NOT NULL AND (NEW.paid_at, NEW.paid_by) IS DISTINCT FROM (OLD.paid_at, OLD.paid_by)) THEN
          RAISE EXCEPTION 'claim %: a recorded submission, decision or payment cannot change', OLD.number
            USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'claim_lifecycle';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_paid_after_approval, DROP CONSTRAINT claim_payment_reference_paid,
      DROP CONSTRAINT claim_payment_recorded, DROP CONSTRAINT claim_rejection_recorded, DROP CONSTRAINT claim_approval_recorded,
      DROP CONSTRAINT claim_estimate_is_draft`);
    await q.query(`ALTER TABLE claim DROP COLUMN payment_reference, DROP COLUMN paid_fen, DROP COLUMN paid_on, DROP COLUMN rejected_on,
      DROP COLUMN approved_fen, DROP COLUMN approved_on, DROP COLUMN estimate`);
  }
}
