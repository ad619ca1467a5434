import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenant-rls';

/**
 * docs/rules.md §5: subsidy policies as versioned data per division, and the monthly claims
 * with their lines. A claim that left DRAFT is frozen by triggers, whatever code path tries.
 */
export class SubsidyClaims1764500000000 implements MigrationInterface {
  name = 'SubsidyClaims1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE subsidy_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        programme text NOT NULL CHECK (programme IN ('INSTITUTIONAL_CARE', 'HOME_CARE_BED', 'DAY_CENTER_OPERATION')),
        division_code char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
        effective_from date NOT NULL,
        rates jsonb NOT NULL,
        annual_fen bigint CHECK (annual_fen >= 0),
        min_age integer NOT NULL DEFAULT 60 CHECK (min_age BETWEEN 0 AND 120),
        excluded_categories text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT subsidy_policy_version_key UNIQUE (programme, division_code, effective_from)
      )`);
    // A version is never changed: a new one is added (and a claim keeps pointing at the one it used).
    await q.query(
      `CREATE TRIGGER subsidy_policy_append_only BEFORE UPDATE OR DELETE ON subsidy_policy FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    await q.query(`
      INSERT INTO subsidy_policy (programme, division_code, effective_from, rates, annual_fen) VALUES
        ('INSTITUTIONAL_CARE', '000000', '2020-01-01', '{"SELF_CARE": 10000, "SEMI_DISABLED": 15000, "FULLY_DISABLED": 30000}', NULL),
        ('HOME_CARE_BED', '000000', '2020-01-01', '{"SEMI_DISABLED": 20000, "FULLY_DISABLED": 30000}', NULL),
        ('DAY_CENTER_OPERATION', '000000', '2020-01-01', '{}', 2000000)`);

    await q.query(`
      CREATE TABLE claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL REFERENCES facility (id),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        programme text NOT NULL DEFAULT 'INSTITUTIONAL_CARE',
        number text NOT NULL CHECK (number ~ '^[0-9]{4}-[0-9]{4}$'),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PAID')),
        policy_id uuid NOT NULL REFERENCES subsidy_policy (id),
        total_fen bigint NOT NULL DEFAULT 0,
        totals_by_level jsonb NOT NULL DEFAULT '{}',
        rejection_reason text,
        submitted_at timestamptz, submitted_by uuid,
        decided_at timestamptz, decided_by uuid,
        paid_at timestamptz, paid_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT claim_month_key UNIQUE (facility_id, month, programme),
        CONSTRAINT claim_number_key UNIQUE (facility_id, number),
        CONSTRAINT claim_facility_key UNIQUE (facility_id, id),
        CONSTRAINT claim_rejection_has_reason CHECK (state <> 'REJECTED' OR rejection_reason IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE claim_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        facility_id uuid NOT NULL,
        claim_id uuid NOT NULL,
        resident_id uuid NOT NULL,
        care_level text NOT NULL CHECK (care_level IN ('SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED')),
        days integer NOT NULL CHECK (days BETWEEN 0 AND 31),
        rate_fen bigint NOT NULL CHECK (rate_fen >= 0),
        amount_fen bigint NOT NULL,
        kind text NOT NULL DEFAULT 'REGULAR' CHECK (kind IN ('REGULAR', 'ADJUSTMENT')),
        explanation jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT claim_line_claim_fk FOREIGN KEY (facility_id, claim_id) REFERENCES claim (facility_id, id) ON DELETE CASCADE,
        CONSTRAINT claim_line_resident_fk FOREIGN KEY (facility_id, resident_id) REFERENCES resident (facility_id, id)
      )`);
    await q.query(`CREATE INDEX claim_line_claim_idx ON claim_line (facility_id, claim_id)`);
    await q.query(`
      CREATE TABLE claim_counter (
        facility_id uuid NOT NULL REFERENCES facility (id),
        year integer NOT NULL,
        last integer NOT NULL DEFAULT 0,
        PRIMARY KEY (facility_id, year)
      )`);

    // Frozen means frozen: lines of a claim that left DRAFT never change, nor its sums.
    await q.query(`
      CREATE FUNCTION careops_claim_line_frozen() RETURNS trigger LANGUAGE plpgsql AS
      $$ DECLARE s text;
      BEGIN
        SELECT state INTO s FROM claim WHERE id = coalesce(NEW.claim_id, OLD.claim_id);
        IF s IS DISTINCT FROM 'DRAFT' THEN
          RAISE EXCEPTION 'claim is % and frozen: its lines cannot change', s USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN coalesce(NEW, OLD);
      END $$`);
    await q.query(
      `CREATE TRIGGER claim_line_frozen BEFORE INSERT OR UPDATE OR DELETE ON claim_line FOR EACH ROW EXECUTE FUNCTION careops_claim_line_frozen()`,
    );
    await q.query(`
      CREATE FUNCTION careops_claim_frozen() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.state <> 'DRAFT' THEN RAISE EXCEPTION 'claim % is % and frozen', OLD.number, OLD.state USING ERRCODE = 'integrity_constraint_violation'; END IF;
          RETURN OLD;
        END IF;
        IF OLD.state <> 'DRAFT' AND (NEW.total_fen, NEW.totals_by_level, NEW.month, NEW.number, NEW.policy_id, NEW.facility_id)
             IS DISTINCT FROM (OLD.total_fen, OLD.totals_by_level, OLD.month, OLD.number, OLD.policy_id, OLD.facility_id) THEN
          RAISE EXCEPTION 'claim % is % and frozen', OLD.number, OLD.state USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER claim_frozen BEFORE UPDATE OR DELETE ON claim FOR EACH ROW EXECUTE FUNCTION careops_claim_frozen()`);

    for (const t of ['claim', 'claim_line', 'claim_counter']) {
      await enableTenantRls(q, t);
    }
    await q.query(`REVOKE UPDATE, DELETE ON subsidy_policy FROM careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['claim_counter', 'claim_line', 'claim', 'subsidy_policy']) await q.query(`DROP TABLE ${t}`);
    await q.query(`DROP FUNCTION careops_claim_frozen()`);
    await q.query(`DROP FUNCTION careops_claim_line_frozen()`);
  }
}
