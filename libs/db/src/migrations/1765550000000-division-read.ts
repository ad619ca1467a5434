import { MigrationInterface, QueryRunner } from 'typeorm';

/** The facility data the division figures read (docs/rules.md §7): beds, outages, stays, levels, residents, staff, documents. */
const READ = [
  'bed',
  'bed_outage',
  'stay_entry',
  'assessment_entry',
  'resident',
  'staff',
  'staff_training',
  'staff_certificate',
  'document',
];

/**
 * docs/rules.md §7 at division scale: one set-based query over every facility of a division, not a
 * tenant switch per facility (docs/architecture.md, "Reading a division").
 *
 * A transaction that sets `app.division_read = on` may READ (never write) the rows of the
 * facilities it can already see in `facility` — whose own policy gives a regulator the facilities of
 * its division prefix, the platform all of them, a facility user its own. The new policies only
 * ever widen a read to facilities the caller's row-level security on `facility` shows, evaluated by
 * the database with the caller's settings, so no query can reach a facility outside the division
 * whatever it filters. The setting is transaction-local and set only around the division queries.
 * It is read once per query (an InitPlan), the facilities once per table (a hashed sub-plan): a
 * province's 300,000 rows cost a hash probe each, not a function call.
 */
export class DivisionRead1765550000000 implements MigrationInterface {
  name = 'DivisionRead1765550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION careops_division_read() RETURNS boolean LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.division_read', true), '') = 'on' $$`);
    for (const t of READ) {
      await q.query(`
        CREATE POLICY ${t}_division_read ON ${t} FOR SELECT
        USING ((SELECT careops_division_read()) AND facility_id IN (SELECT f.id FROM facility f))`);
    }
    // The division figures reach stays, outages and staff by facility; the exclusion indexes lead by bed.
    await q.query(`CREATE INDEX bed_outage_facility_idx ON bed_outage (facility_id)`);
    await q.query(`CREATE INDEX stay_entry_facility_idx ON stay_entry (facility_id) WHERE voided_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stay_entry_facility_idx`);
    await q.query(`DROP INDEX bed_outage_facility_idx`);
    for (const t of READ) await q.query(`DROP POLICY ${t}_division_read ON ${t}`);
    await q.query(`DROP FUNCTION careops_division_read()`);
  }
}
