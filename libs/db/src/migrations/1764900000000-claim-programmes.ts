import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * the rest of the policy model (docs/rules.md §5): day-counting options per policy version,
 * yearly or monthly claiming, home-care beds 家庭养老床位 as dated enrolments, and claim lines
 * that belong to the facility rather than to a resident (the day-center operating subsidy).
 */
export class ClaimProgrammes1764900000000 implements MigrationInterface {
  name = 'ClaimProgrammes1764900000000';

  async up(q: QueryRunner): Promise<void> {
    // Adding columns with constant defaults rewrites no row, so the append-only trigger is untouched.
    await q.query(`
      ALTER TABLE subsidy_policy
        ADD COLUMN day_counting jsonb NOT NULL DEFAULT '{"admissionDay": true, "dischargeDay": false, "leaveDays": true}'
          CONSTRAINT subsidy_policy_day_counting_shape CHECK (
            jsonb_typeof(day_counting -> 'admissionDay') = 'boolean' AND jsonb_typeof(day_counting -> 'dischargeDay') = 'boolean'
            AND jsonb_typeof(day_counting -> 'leaveDays') = 'boolean'),
        ADD COLUMN claim_period text NOT NULL DEFAULT 'MONTHLY' CHECK (claim_period IN ('MONTHLY', 'YEARLY'))`);
    await q.query(`ALTER TABLE subsidy_policy ADD CONSTRAINT subsidy_policy_annual_programme
      CHECK ((programme = 'DAY_CENTER_OPERATION') = (annual_fen IS NOT NULL))`);

    // A home-care bed is a dated enrolment [from, to) of a registered resident living at home.
    await q.query(`
      CREATE TABLE home_care_bed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        period daterange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period) AND NOT lower_inf(period)),
        address text NOT NULL CHECK (length(btrim(address)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT home_care_bed_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id),
        CONSTRAINT home_care_bed_no_overlap EXCLUDE USING gist (facility_id WITH =, resident_id WITH =, period WITH &&)
      )`);
    await enableTenantRls(q, 'home_care_bed');
    // One programme per person and day: never in a home-care bed and admitted on the same day. The
    // resident's row is locked first, so two concurrent requests for one person run one after the other.
    await q.query(`
      CREATE FUNCTION careops_home_or_care() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        PERFORM 1 FROM resident WHERE facility_id = NEW.facility_id AND id = NEW.resident_id FOR UPDATE;
        IF (TG_TABLE_NAME = 'admission' AND EXISTS (SELECT 1 FROM home_care_bed h WHERE h.facility_id = NEW.facility_id AND h.resident_id = NEW.resident_id AND h.period && NEW.period))
           OR (TG_TABLE_NAME = 'home_care_bed' AND EXISTS (SELECT 1 FROM admission a WHERE a.facility_id = NEW.facility_id AND a.resident_id = NEW.resident_id AND a.period && NEW.period)) THEN
          RAISE EXCEPTION 'a resident is either in a home-care bed or admitted on a day, not both'
            USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'resident_home_or_care';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER admission_home_or_care BEFORE INSERT OR UPDATE OF period ON admission FOR EACH ROW EXECUTE FUNCTION careops_home_or_care()`,
    );
    await q.query(
      `CREATE TRIGGER home_care_bed_home_or_care BEFORE INSERT OR UPDATE OF period ON home_care_bed FOR EACH ROW EXECUTE FUNCTION careops_home_or_care()`,
    );

    await q.query(
      `ALTER TABLE claim ADD CONSTRAINT claim_programme_known CHECK (programme IN ('INSTITUTIONAL_CARE', 'HOME_CARE_BED', 'DAY_CENTER_OPERATION'))`,
    );
    // A facility line (the operating subsidy) has no resident and no level; a resident line has both.
    await q.query(`
      ALTER TABLE claim_line
        ALTER COLUMN resident_id DROP NOT NULL,
        ALTER COLUMN care_level DROP NOT NULL,
        DROP CONSTRAINT claim_line_days_check,
        ADD CONSTRAINT claim_line_days_check CHECK (days BETWEEN 0 AND 366),
        ADD CONSTRAINT claim_line_subject CHECK ((resident_id IS NULL) = (care_level IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_line DROP CONSTRAINT claim_line_subject, DROP CONSTRAINT claim_line_days_check,
      ADD CONSTRAINT claim_line_days_check CHECK (days BETWEEN 0 AND 31),
      ALTER COLUMN care_level SET NOT NULL, ALTER COLUMN resident_id SET NOT NULL`);
    await q.query(`ALTER TABLE claim DROP CONSTRAINT claim_programme_known`);
    await q.query(`DROP TRIGGER admission_home_or_care ON admission`);
    await q.query(`DROP TABLE home_care_bed`);
    await q.query(`DROP FUNCTION careops_home_or_care()`);
    await q.query(
      `ALTER TABLE subsidy_policy DROP CONSTRAINT subsidy_policy_annual_programme, DROP COLUMN claim_period, DROP COLUMN day_counting`,
    );
  }
}
