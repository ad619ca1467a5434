import fc from 'fast-check';
import { Client } from 'pg';
import { addDays, CARE_LEVELS, levelSegments, type CareLevel, type LevelAssessment } from '@careops/care';
import { createTestDatabase, TestDatabase } from './testing';

/**
 * docs/rules.md §4 exists twice, once per world: `careops_care_level_on` in SQL (the bed board,
 * metrics, day care and documents ask it) and `levelSegments` in libs/care (claims and staffing).
 * On random histories — several assessments a day, out of order, back-dated — both say the same
 * level for every day.
 */
describe('the care level on a day: SQL and libs/care agree', () => {
  let db: TestDatabase;
  let sql: Client;
  let facilityId: string;
  const FIRST = '2026-01-01';
  const DAYS = 40;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    [{ id: facilityId }] = (
      await sql.query(`INSERT INTO facility (name, type, division_code) VALUES ('等级一致性', 'CARE_HOME', '410421') RETURNING id`)
    ).rows;
    await sql.query(`SELECT set_config('app.facility_id', $1, false)`, [facilityId]);
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  const assessment = fc.record({
    day: fc.integer({ min: -5, max: DAYS + 5 }),
    careLevel: fc.constantFrom<CareLevel>(...CARE_LEVELS),
  });

  it('for every day of a window, on 60 random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(assessment, { maxLength: 8 }), async (history) => {
        const [{ id }] = (
          await sql.query(
            `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
           VALUES ($1, '测试', 'F', '1940-01-01', '\\x00', 1, gen_random_bytes(32), '410421********0001') RETURNING id`,
            [facilityId],
          )
        ).rows;
        const recorded: LevelAssessment[] = [];
        for (const a of history) {
          const effectiveOn = addDays(FIRST, a.day);
          const { rows } = await sql.query(
            `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor) VALUES ($1, $2, $3, $4, '评估员') RETURNING seq`,
            [facilityId, id, effectiveOn, a.careLevel],
          );
          recorded.push({ effectiveOn, careLevel: a.careLevel, recordedSeq: Number(rows[0].seq) });
        }
        const { rows } = await sql.query<{ day: string; level: CareLevel | null }>(
          `SELECT d::date::text AS day, careops_care_level_on($1, d::date) AS level
           FROM generate_series($2::date, $2::date + $3::int - 1, '1 day') AS d ORDER BY d`,
          [id, FIRST, DAYS],
        );
        const expected = rows.map(({ day }) => {
          const [segment] = levelSegments(recorded, [{ from: day, to: addDays(day, 1) }], { from: day, to: addDays(day, 1) });
          return { day, level: segment.careLevel };
        });
        expect(rows).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
