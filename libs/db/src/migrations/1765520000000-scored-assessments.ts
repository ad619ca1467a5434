import { MigrationInterface, QueryRunner } from 'typeorm';

const GRADES = `'INTACT', 'MILD', 'MODERATE', 'SEVERE', 'COMPLETE'`;
const LEVELS = `'SELF_CARE', 'SEMI_DISABLED', 'FULLY_DISABLED'`;
const VIEW = `CREATE OR REPLACE VIEW assessment WITH (security_invoker = true) AS SELECT * FROM assessment_entry WHERE voided_at IS NULL`;

/**
 * docs/rules.md §4a: the scored ability assessment (GB/T 42195-2022) and the grade → level policy.
 *
 * `level_policy` holds, per division and effective date, which care level each grade maps to; versions
 * are only added (like `subsidy_policy`), the most specific division and then the latest date wins, and
 * the national default of docs/rules.md §4 is seeded. The fixed CHECK tying grade to level goes: the
 * policy in force decides now, and the row keeps which version it used.
 *
 * `assessment_entry` gains the scored record: instrument (null = not scored, the old body), reason,
 * assessed date, the assessors, the 26 item scores, Part A facts, the total, the grade before the
 * adjustments and the adjustments. A scored row is complete, its total is the sum of its 26 items and
 * its base grade follows the thresholds; nothing takes effect before it was assessed.
 */
export class ScoredAssessments1765520000000 implements MigrationInterface {
  name = 'ScoredAssessments1765520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE level_policy (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        division_code char(6) NOT NULL CHECK (division_code ~ '^[0-9]{6}$'),
        effective_from date NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
        mapping jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT level_policy_version_key UNIQUE (division_code, effective_from),
        CONSTRAINT level_policy_mapping_complete CHECK (
          jsonb_typeof(mapping) = 'object'
          AND mapping ?& ARRAY[${GRADES}]
          AND mapping->>'INTACT' IN (${LEVELS}) AND mapping->>'MILD' IN (${LEVELS}) AND mapping->>'MODERATE' IN (${LEVELS})
          AND mapping->>'SEVERE' IN (${LEVELS}) AND mapping->>'COMPLETE' IN (${LEVELS}))
      )`);
    await q.query(
      `CREATE TRIGGER level_policy_append_only BEFORE UPDATE OR DELETE ON level_policy FOR EACH ROW EXECUTE FUNCTION careops_append_only()`,
    );
    await q.query(`REVOKE UPDATE, DELETE ON level_policy FROM careops_app`);
    await q.query(`GRANT SELECT, INSERT ON level_policy TO careops_app`);
    await q.query(`
      INSERT INTO level_policy (division_code, effective_from, name, mapping) VALUES
        ('000000', '2020-01-01', '全国默认', '{"INTACT": "SELF_CARE", "MILD": "SEMI_DISABLED", "MODERATE": "SEMI_DISABLED", "SEVERE": "FULLY_DISABLED", "COMPLETE": "FULLY_DISABLED"}')`);

    // The sum of the item scores and their number, for the CHECKs below.
    await q.query(`
      CREATE FUNCTION careops_ability_items_total(items jsonb) RETURNS integer LANGUAGE sql IMMUTABLE
      SET search_path = pg_catalog AS
      $$ SELECT CASE WHEN jsonb_typeof(items) = 'object'
                     THEN (SELECT sum((value #>> '{}')::integer)::integer FROM jsonb_each(items) WHERE jsonb_typeof(value) = 'number') END $$`);
    await q.query(`
      CREATE FUNCTION careops_ability_items_complete(items jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE
      SET search_path = pg_catalog AS
      $$ SELECT jsonb_typeof(items) = 'object'
           AND (SELECT count(*) FROM jsonb_object_keys(items)) = 26
           AND items ?& ARRAY['B1.1','B1.2','B1.3','B1.4','B1.5','B1.6','B1.7','B1.8','B2.1','B2.2','B2.3','B2.4',
                              'B3.1','B3.2','B3.3','B3.4','B3.5','B3.6','B3.7','B3.8','B3.9','B4.1','B4.2','B4.3','B4.4','B4.5'] $$`);

    await q.query(`ALTER TABLE assessment_entry DROP CONSTRAINT assessment_grade_matches_level`);
    await q.query(`
      ALTER TABLE assessment_entry
        ADD COLUMN instrument text CONSTRAINT assessment_instrument_known CHECK (instrument = 'GB/T 42195-2022'),
        ADD COLUMN reason text CONSTRAINT assessment_reason_known CHECK (reason IN ('FIRST', 'ROUTINE', 'IMMEDIATE', 'DISPUTE')),
        ADD COLUMN assessed_on date,
        ADD COLUMN assessors text[],
        ADD COLUMN items jsonb,
        ADD COLUMN diagnoses text[] NOT NULL DEFAULT '{}',
        ADD COLUMN risk_events jsonb NOT NULL DEFAULT '{}' CONSTRAINT assessment_risk_events_object CHECK (jsonb_typeof(risk_events) = 'object'),
        ADD COLUMN coma boolean NOT NULL DEFAULT false,
        ADD COLUMN total_score integer CONSTRAINT assessment_total_range CHECK (total_score BETWEEN 0 AND 90),
        ADD COLUMN base_grade text CONSTRAINT assessment_base_grade_known CHECK (base_grade IN (${GRADES})),
        ADD COLUMN adjustments jsonb NOT NULL DEFAULT '[]' CONSTRAINT assessment_adjustments_array CHECK (jsonb_typeof(adjustments) = 'array'),
        ADD COLUMN level_policy_id uuid REFERENCES level_policy (id),
        ADD CONSTRAINT assessment_effective_after_assessed CHECK (effective_on >= assessed_on),
        ADD CONSTRAINT assessment_scored_complete CHECK (instrument IS NULL OR (
          reason IS NOT NULL AND assessed_on IS NOT NULL AND grade IS NOT NULL AND base_grade IS NOT NULL
          AND cardinality(assessors) >= 2 AND array_position(assessors, NULL) IS NULL
          AND careops_ability_items_complete(items) AND total_score = careops_ability_items_total(items))),
        ADD CONSTRAINT assessment_base_grade_of_total CHECK (total_score IS NULL OR base_grade = CASE
          WHEN total_score >= 90 THEN 'INTACT' WHEN total_score >= 66 THEN 'MILD' WHEN total_score >= 46 THEN 'MODERATE'
          WHEN total_score >= 30 THEN 'SEVERE' ELSE 'COMPLETE' END)`);
    await q.query(VIEW);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW assessment`);
    await q.query(`
      ALTER TABLE assessment_entry DROP CONSTRAINT assessment_effective_after_assessed, DROP CONSTRAINT assessment_scored_complete,
        DROP CONSTRAINT assessment_base_grade_of_total, DROP COLUMN instrument, DROP COLUMN reason, DROP COLUMN assessed_on,
        DROP COLUMN assessors, DROP COLUMN items, DROP COLUMN diagnoses, DROP COLUMN risk_events, DROP COLUMN coma,
        DROP COLUMN total_score, DROP COLUMN base_grade, DROP COLUMN adjustments, DROP COLUMN level_policy_id`);
    await q.query(`CREATE VIEW assessment WITH (security_invoker = true) AS SELECT * FROM assessment_entry WHERE voided_at IS NULL`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON assessment TO careops_app`);
    await q.query(`REVOKE UPDATE ON assessment FROM careops_app`);
    await q.query(`
      ALTER TABLE assessment_entry ADD CONSTRAINT assessment_grade_matches_level CHECK (grade IS NULL
        OR (grade = 'INTACT' AND care_level = 'SELF_CARE')
        OR (grade IN ('MILD', 'MODERATE') AND care_level = 'SEMI_DISABLED')
        OR (grade IN ('SEVERE', 'COMPLETE') AND care_level = 'FULLY_DISABLED')) NOT VALID`);
    await q.query(`DROP FUNCTION careops_ability_items_complete(jsonb), careops_ability_items_total(jsonb)`);
    await q.query(`DROP TABLE level_policy`);
  }
}
