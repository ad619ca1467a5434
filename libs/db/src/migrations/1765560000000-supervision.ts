import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

const INDICATORS = [
  'STREET_CENTERS',
  'DAY_CENTERS',
  'HOME_CARE_BEDS',
  'CAREGIVERS_TRAINED',
  'NURSING_BED_RATIO',
  'CERTIFICATION_RATE',
  'FIRE_SAFETY_RATE',
  'MEDICAL_COVERAGE_RATE',
];
const RATIOS = ['NURSING_BED_RATIO', 'CERTIFICATION_RATE', 'FIRE_SAFETY_RATE', 'MEDICAL_COVERAGE_RATE'];
const list = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

/**
 * docs/rules.md §11: the facility attributes the task list counts, the divisions' targets per year
 * (last write wins; the audit trail keeps every earlier value), and the monthly reports 月报,
 * append-only: a resubmission is a new row with a reason, the first is kept.
 */
export class Supervision1765560000000 implements MigrationInterface {
  name = 'Supervision1765560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE facility
        ADD COLUMN in_operation_since date,
        ADD COLUMN operator text CHECK (length(btrim(operator)) > 0),
        ADD COLUMN tekun_support boolean NOT NULL DEFAULT false`);

    // Counts are whole numbers; ratios are percentages in integer hundredths (55 % → 5500).
    await q.query(`
      CREATE TABLE division_target (
        division_code char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        indicator text NOT NULL CHECK (indicator IN (${list(INDICATORS)})),
        target bigint NOT NULL CHECK (target >= 0),
        set_by uuid,
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (division_code, year, indicator),
        CONSTRAINT division_target_ratio_range CHECK (indicator NOT IN (${list(RATIOS)}) OR target <= 10000)
      )`);
    await q.query(`ALTER TABLE division_target ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE division_target FORCE ROW LEVEL SECURITY`);
    // docs/rules.md §1: the regulator of the division or of a parent (its prefix covers it), and the platform.
    await q.query(`
      CREATE POLICY division_target_access ON division_target
      USING (careops_platform() OR careops_division_visible(division_code))
      WITH CHECK (careops_platform() OR careops_division_visible(division_code))`);

    await q.query(`
      CREATE TABLE monthly_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        seq integer NOT NULL CHECK (seq >= 1),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        submitted_by uuid,
        reason text CHECK (length(btrim(reason)) > 0),
        snapshot jsonb NOT NULL,
        CONSTRAINT monthly_report_seq_key UNIQUE (facility_id, month, seq),
        CONSTRAINT monthly_report_resubmission_reason CHECK ((seq = 1) = (reason IS NULL))
      )`);
    await enableTenantRls(q, 'monthly_report');
    // The bureau reads the reports of the facilities it sees (the facility table's own policy decides which).
    await q.query(`
      CREATE POLICY monthly_report_division_read ON monthly_report FOR SELECT
      USING (careops_platform() OR EXISTS (SELECT 1 FROM facility f WHERE f.id = monthly_report.facility_id AND careops_division_visible(f.division_code)))`);
    await q.query(`
      CREATE FUNCTION careops_monthly_report_append_only() RETURNS trigger LANGUAGE plpgsql
      SET search_path = pg_catalog, public, pg_temp AS
      $$ BEGIN RAISE EXCEPTION 'monthly_report is append-only: % refused (resubmit with a reason)', TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`);
    await q.query(`
      CREATE TRIGGER monthly_report_no_update_delete BEFORE UPDATE OR DELETE ON monthly_report
      FOR EACH ROW EXECUTE FUNCTION careops_monthly_report_append_only()`);
    await q.query(`
      CREATE TRIGGER monthly_report_no_truncate BEFORE TRUNCATE ON monthly_report
      FOR EACH STATEMENT EXECUTE FUNCTION careops_monthly_report_append_only()`);
    await q.query(`REVOKE UPDATE, DELETE ON monthly_report FROM careops_app`);

    // The worker's reminder on the 20th (docs/rules.md §11).
    await q.query(`ALTER TABLE compliance_alert DROP CONSTRAINT compliance_alert_kind_check`);
    await q.query(
      `ALTER TABLE compliance_alert ADD CONSTRAINT compliance_alert_kind_check CHECK (kind IN ('STAFFING_PROJECTED_NONCOMPLIANT', 'CLAIM_NOT_SUBMITTED', 'MONTHLY_REPORT_NOT_SUBMITTED'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM compliance_alert WHERE kind = 'MONTHLY_REPORT_NOT_SUBMITTED'`);
    await q.query(`ALTER TABLE compliance_alert DROP CONSTRAINT compliance_alert_kind_check`);
    await q.query(
      `ALTER TABLE compliance_alert ADD CONSTRAINT compliance_alert_kind_check CHECK (kind IN ('STAFFING_PROJECTED_NONCOMPLIANT', 'CLAIM_NOT_SUBMITTED'))`,
    );
    await q.query(`DROP TABLE monthly_report`);
    await q.query(`DROP FUNCTION careops_monthly_report_append_only()`);
    await q.query(`DROP TABLE division_target`);
    await q.query(`ALTER TABLE facility DROP COLUMN in_operation_since, DROP COLUMN operator, DROP COLUMN tekun_support`);
  }
}
