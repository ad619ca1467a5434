import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report job and its result (claim PDFs full of personal data) are the requester's alone: row-level
 * security on `report_job` by the user id each transaction sets (`app.user_id`), the platform aside
 * (the worker, which runs every job). The controller's own check stays; this backs it up.
 */
export class ReportJobOwner1765100000000 implements MigrationInterface {
  name = 'ReportJobOwner1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION careops_user() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_user() TO careops_app`);
    await q.query(`ALTER TABLE report_job ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE report_job FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY report_job_owner ON report_job
      USING (requested_by = careops_user() OR careops_platform())
      WITH CHECK (requested_by = careops_user() OR careops_platform())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY report_job_owner ON report_job`);
    await q.query(`ALTER TABLE report_job NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION careops_user()`);
  }
}
