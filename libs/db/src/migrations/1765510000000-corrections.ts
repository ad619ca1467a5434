import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/** The entries a manager may void 撤销 (docs/rules.md §12), and their exclusion constraints. */
const ENTRIES = ['admission', 'stay', 'leave', 'assessment'] as const;
const EXCLUSIONS: Record<string, { table: string; expr: string }> = {
  admission_resident_no_overlap: { table: 'admission', expr: 'facility_id WITH =, resident_id WITH =, period WITH &&' },
  stay_bed_no_overlap: { table: 'stay', expr: 'facility_id WITH =, bed_id WITH =, period WITH &&' },
  stay_resident_no_overlap: { table: 'stay', expr: 'facility_id WITH =, resident_id WITH =, period WITH &&' },
  leave_no_overlap: { table: 'leave', expr: 'facility_id WITH =, resident_id WITH =, period WITH &&' },
};

/**
 * The one-programme-a-day check of migration 1764900000000, naming the table admissions live in
 * (its trigger fires there); it reads admissions in force through the view `admission`.
 */
const homeOrCare = (admissionTable: string) => `
      CREATE OR REPLACE FUNCTION careops_home_or_care() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        PERFORM 1 FROM resident WHERE facility_id = NEW.facility_id AND id = NEW.resident_id FOR UPDATE;
        IF (TG_TABLE_NAME = '${admissionTable}' AND EXISTS (SELECT 1 FROM home_care_bed h WHERE h.facility_id = NEW.facility_id AND h.resident_id = NEW.resident_id AND h.period && NEW.period))
           OR (TG_TABLE_NAME = 'home_care_bed' AND EXISTS (SELECT 1 FROM admission a WHERE a.facility_id = NEW.facility_id AND a.resident_id = NEW.resident_id AND a.period && NEW.period)) THEN
          RAISE EXCEPTION 'a resident is either in a home-care bed or admitted on a day, not both'
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'resident_home_or_care';
        END IF;
        RETURN NEW;
      END $$`;

/**
 * docs/rules.md §12, corrections: an entry made in error is voided, never deleted.
 *
 * Each of admission, stay, leave and assessment becomes a table `<name>_entry` holding every entry
 * ever made, with `voided_at`; the name itself is now a view of the entries in force (`voided_at IS
 * NULL`, security_invoker so row-level security applies to the caller). Every query that read the
 * table — the board, claims, metrics, staffing, documents — reads the view and so ignores voided
 * entries without knowing they exist; inserts and updates through the view reach the table. The
 * exclusion constraints now hold among entries in force only: a voided stay frees its bed.
 *
 * `correction` keeps each void: what was voided (kind, entry, what it said), why, who and when;
 * append-only. A voided entry is frozen (a trigger); no entry is ever deleted.
 */
export class Corrections1765510000000 implements MigrationInterface {
  name = 'Corrections1765510000000';

  async up(q: QueryRunner): Promise<void> {
    for (const t of ENTRIES) {
      await q.query(`ALTER TABLE ${t} RENAME TO ${t}_entry`);
      await q.query(`ALTER TABLE ${t}_entry ADD COLUMN voided_at timestamptz`);
    }
    await q.query(`DROP TRIGGER assessment_append_only ON assessment_entry`);
    // The level recorded with an admission belongs to it: voiding the admission voids that level too.
    await q.query(`
      ALTER TABLE assessment_entry ADD COLUMN admission_id uuid,
        ADD CONSTRAINT assessment_admission_fk FOREIGN KEY (facility_id, admission_id) REFERENCES admission_entry (facility_id, id)`);
    // Levels recorded with admissions before: same resident, effective on the admission day, noted so (tenant by tenant: RLS is forced).
    await q.query(`SELECT set_config('app.platform', 'on', true)`);
    const facilities: { id: string }[] = await q.query(`SELECT id FROM facility`);
    await q.query(`SELECT set_config('app.platform', '', true)`);
    for (const f of facilities) {
      await q.query(`SELECT set_config('app.facility_id', $1, true)`, [f.id]);
      await q.query(`
        UPDATE assessment_entry a SET admission_id = ad.id FROM admission_entry ad
        WHERE ad.resident_id = a.resident_id AND lower(ad.period) = a.effective_on AND a.notes = '入住时记录'`);
    }
    await q.query(`SELECT set_config('app.facility_id', '', true)`);
    for (const [name, { table, expr }] of Object.entries(EXCLUSIONS)) {
      await q.query(`ALTER TABLE ${table}_entry DROP CONSTRAINT ${name}`);
      await q.query(`ALTER TABLE ${table}_entry ADD CONSTRAINT ${name} EXCLUDE USING gist (${expr}) WHERE (voided_at IS NULL)`);
    }
    for (const t of ENTRIES) {
      await q.query(`CREATE VIEW ${t} WITH (security_invoker = true) AS SELECT * FROM ${t}_entry WHERE voided_at IS NULL`);
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${t} TO careops_app`);
    }
    // The assessment history stays append-only for the app: it may insert, and void (only that column).
    await q.query(`REVOKE UPDATE ON assessment FROM careops_app`);
    await q.query(`GRANT UPDATE (voided_at) ON assessment_entry TO careops_app`);

    // The home-or-care check named its table; it now fires on admission_entry and reads the view.
    await q.query(homeOrCare('admission_entry'));

    // A voided entry is frozen, voiding is one way, and nothing is deleted. An assessment changes only by being voided.
    await q.query(`
      CREATE FUNCTION careops_entry_frozen() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION '% entries are never deleted; void them (docs/rules.md §12)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.voided_at IS NOT NULL THEN
          RAISE EXCEPTION 'a voided % entry is frozen', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF TG_TABLE_NAME = 'assessment_entry' AND (NEW.voided_at IS NULL OR to_jsonb(NEW) - 'voided_at' <> to_jsonb(OLD) - 'voided_at') THEN
          RAISE EXCEPTION 'assessment is append-only: an entry can only be voided' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const t of ENTRIES) {
      await q.query(
        `CREATE TRIGGER ${t}_entry_frozen BEFORE UPDATE OR DELETE ON ${t}_entry FOR EACH ROW EXECUTE FUNCTION careops_entry_frozen()`,
      );
    }

    await q.query(`
      CREATE TABLE correction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        kind text NOT NULL CHECK (kind IN ('ADMISSION', 'TRANSFER', 'LEAVE', 'DISCHARGE', 'ASSESSMENT')),
        entry_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0 AND length(reason) <= 500),
        voided_by uuid,
        voided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT correction_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);
    // An entry is voided once; a discharge may be voided, made again and voided again.
    await q.query(`CREATE UNIQUE INDEX correction_once ON correction (facility_id, kind, entry_id) WHERE kind <> 'DISCHARGE'`);
    await q.query(`CREATE INDEX correction_resident_idx ON correction (facility_id, resident_id, voided_at)`);
    await enableTenantRls(q, 'correction');
    await q.query(
      `CREATE TRIGGER correction_append_only BEFORE UPDATE OR DELETE ON correction FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    await q.query(`REVOKE UPDATE, DELETE ON correction FROM careops_app`);
    await q.query(`GRANT SELECT, INSERT ON correction TO careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE correction`);
    for (const t of ENTRIES) await q.query(`DROP TRIGGER ${t}_entry_frozen ON ${t}_entry`);
    await q.query(`DROP FUNCTION careops_entry_frozen()`);
    for (const t of ENTRIES) await q.query(`DROP VIEW ${t}`);
    await q.query(`ALTER TABLE assessment_entry DROP COLUMN admission_id`);
    for (const [name, { table, expr }] of Object.entries(EXCLUSIONS)) {
      await q.query(`ALTER TABLE ${table}_entry DROP CONSTRAINT ${name}`);
      await q.query(`ALTER TABLE ${table}_entry ADD CONSTRAINT ${name} EXCLUDE USING gist (${expr})`);
    }
    for (const t of ENTRIES) {
      await q.query(`ALTER TABLE ${t}_entry DROP COLUMN voided_at`);
      await q.query(`ALTER TABLE ${t}_entry RENAME TO ${t}`);
    }
    await q.query(
      `CREATE TRIGGER assessment_append_only BEFORE UPDATE OR DELETE ON assessment FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    await q.query(`REVOKE UPDATE ON assessment FROM careops_app`);
    await q.query(homeOrCare('admission'));
  }
}
