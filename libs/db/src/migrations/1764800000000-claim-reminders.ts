import { MigrationInterface, QueryRunner } from 'typeorm';

/** the worker reminds facilities whose previous month's claim is not submitted by the 20th. */
export class ClaimReminders1764800000000 implements MigrationInterface {
  name = 'ClaimReminders1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE compliance_alert DROP CONSTRAINT compliance_alert_kind_check`);
    await q.query(
      `ALTER TABLE compliance_alert ADD CONSTRAINT compliance_alert_kind_check CHECK (kind IN ('STAFFING_PROJECTED_NONCOMPLIANT', 'CLAIM_NOT_SUBMITTED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM compliance_alert WHERE kind = 'CLAIM_NOT_SUBMITTED'`);
    await q.query(`ALTER TABLE compliance_alert DROP CONSTRAINT compliance_alert_kind_check`);
    await q.query(
      `ALTER TABLE compliance_alert ADD CONSTRAINT compliance_alert_kind_check CHECK (kind IN ('STAFFING_PROJECTED_NONCOMPLIANT'))`,
    );
  }
}
