import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * docs/rules.md §4, written once in SQL: a resident's care level on a day is that of the latest
 * assessment effective on or before it (of two effective the same day, the later recorded). Its
 * twin in TypeScript is `levelSegments` of libs/care; care-level-on.int-spec.ts checks the two
 * agree on random histories. A plain SQL function (no SECURITY DEFINER, no SET): the caller's
 * row-level security applies. PostgreSQL does not inline it (its body is a sub-select); it runs
 * one index probe per call (500 beds: the board query 4.8 → 6.0 ms). Null before any assessment.
 */
export class CareLevelOn1765300000000 implements MigrationInterface {
  name = 'CareLevelOn1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION careops_care_level_on(p_resident uuid, p_day date) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS
      $$ SELECT (SELECT a.care_level FROM public.assessment a
                 WHERE a.resident_id = p_resident AND a.effective_on <= p_day
                 ORDER BY a.effective_on DESC, a.seq DESC LIMIT 1) $$`);
    await q.query(`REVOKE ALL ON FUNCTION careops_care_level_on(uuid, date) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION careops_care_level_on(uuid, date) TO careops_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION careops_care_level_on(uuid, date)`);
  }
}
