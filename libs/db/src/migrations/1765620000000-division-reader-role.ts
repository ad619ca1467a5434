import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLES_SQL, DIVISION_READER_ROLE } from '../app-role';

/** The facility data the division figures and the task list read (migrations 1765550000000, 1765590000000). */
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
  'home_care_bed',
];
/** What the reader may SELECT: those tables, the facility table whose policy decides which facilities, the views over them. */
const GRANTED = [...READ, 'facility', 'stay', 'assessment'];

/**
 * The division read becomes a role instead of a setting (docs/architecture.md, "Reading a division";
 * docs/scale.md).
 *
 * Before, every facility table read by the division figures had two permissive policies: the
 * tenant's (`facility_id = careops_tenant()`) and the division read's, on for everyone and switched
 * by `app.division_read`. PostgreSQL ORs permissive policies, and the division arm (a hashed
 * sub-plan) can use no index, so EVERY facility-scoped query on those tables — a facility's own bed
 * board, metrics, claim, PDF — scanned all tenants' rows: one of a facility's metrics queries took
 * 110 ms on the 1,000-facility province, 3.3 ms with this migration (bench/load.bench.mjs: 22.9 → 88
 * requests/s).
 *
 * Now the division read policies apply TO `careops_division_reader` only. A facility's queries see the
 * tenant policy alone, an equality on `facility_id` that every index leads with. The division queries
 * run under `SET LOCAL ROLE careops_division_reader` (TenantDb.asDivisionReader) and see both, as before,
 * reaching only the facilities the caller's own row-level security on `facility` shows. The role has
 * SELECT and nothing else: a division read cannot write, by privilege as well as by policy.
 *
 * `careops_app` may SET ROLE to the reader but does not inherit it (APP_ROLES_SQL): were it inherited,
 * the reader's policies would apply to the app's own queries again. The role is cluster-wide, so it is
 * created once and kept by `down`.
 */
export class DivisionReaderRole1765620000000 implements MigrationInterface {
  name = 'DivisionReaderRole1765620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(APP_ROLES_SQL);
    await q.query(`GRANT USAGE ON SCHEMA public TO ${DIVISION_READER_ROLE}`);
    await q.query(`GRANT SELECT ON ${GRANTED.join(', ')} TO ${DIVISION_READER_ROLE}`);
    for (const t of READ) {
      await q.query(`DROP POLICY ${t}_division_read ON ${t}`);
      await q.query(`
        CREATE POLICY ${t}_division_read ON ${t} FOR SELECT TO ${DIVISION_READER_ROLE}
        USING (facility_id IN (SELECT f.id FROM facility f))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of READ) {
      await q.query(`DROP POLICY ${t}_division_read ON ${t}`);
      await q.query(`
        CREATE POLICY ${t}_division_read ON ${t} FOR SELECT
        USING ((SELECT careops_division_read()) AND facility_id IN (SELECT f.id FROM facility f))`);
    }
    await q.query(`REVOKE SELECT ON ${GRANTED.join(', ')} FROM ${DIVISION_READER_ROLE}`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM ${DIVISION_READER_ROLE}`);
  }
}
