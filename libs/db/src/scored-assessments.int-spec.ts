import { Client } from 'pg';
import { ScoredAssessments1765520000000 } from './migrations/1765520000000-scored-assessments';
import { runMigrations } from './migrator';
import { createTestDatabaseBefore, TestDatabase } from './testing';

const CODES = ['B1.1', 'B1.2', 'B1.3', 'B1.4', 'B1.5', 'B1.6', 'B1.7', 'B1.8', 'B2.1', 'B2.2', 'B2.3', 'B2.4'].concat([
  'B3.1',
  'B3.2',
  'B3.3',
  'B3.4',
  'B3.5',
  'B3.6',
  'B3.7',
  'B3.8',
  'B3.9',
  'B4.1',
  'B4.2',
  'B4.3',
  'B4.4',
  'B4.5',
]);
/** 26 items of 2 points: 52 → 中度失能. */
const items = (over: Record<string, number> = {}) => JSON.stringify({ ...Object.fromEntries(CODES.map((c) => [c, 2])), ...over });

/**
 * Migration 1765520000000 (docs/rules.md §4a) over existing assessments: they stay, not scored, and
 * the database holds a scored row to its rules — complete, two assessors, the total the sum of the
 * items, the base grade by the thresholds, effective no earlier than assessed; the grade → level
 * policy is seeded with the national default and only ever added to.
 */
describe('migration ScoredAssessments1765520000000', () => {
  let db: TestDatabase;
  let owner: Client;
  let f: string;
  let r: string;
  beforeAll(async () => {
    db = await createTestDatabaseBefore(ScoredAssessments1765520000000);
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });
  const one = async <T>(sql: string, values: unknown[] = []) => (await owner.query(sql, values)).rows[0] as T;

  it('keeps the assessments made before, not scored; a grade no longer has to match the §4 level', async () => {
    f = (
      await one<{ id: string }>(
        `INSERT INTO facility (name, type, division_code) VALUES ('评估测试养老院', 'CARE_HOME', '410421') RETURNING id`,
      )
    ).id;
    r = (
      await one<{ id: string }>(
        `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
         VALUES ($1, '王秀英', 'F', '1940-01-01', '\\x00', 1, '\\x01', '410421********0021') RETURNING id`,
        [f],
      )
    ).id;
    await owner.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, grade, assessor) VALUES ($1, $2, '2025-03-01', 'SEMI_DISABLED', 'MILD', '王院长')`,
      [f, r],
    );
    expect((await runMigrations({ url: db.url }))[0]).toBe('ScoredAssessments1765520000000');
    expect(await one(`SELECT instrument, total_score, diagnoses, risk_events, coma, adjustments, grade FROM assessment`)).toEqual({
      instrument: null,
      total_score: null,
      diagnoses: [],
      risk_events: {},
      coma: false,
      adjustments: [],
      grade: 'MILD',
    });
    await owner.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, grade, assessor) VALUES ($1, $2, '2025-04-01', 'FULLY_DISABLED', 'MODERATE', '王院长')`,
      [f, r],
    );
  });

  it('seeds the national default policy, append-only', async () => {
    expect((await owner.query(`SELECT division_code, effective_from::text, mapping FROM level_policy`)).rows).toEqual([
      {
        division_code: '000000',
        effective_from: '2020-01-01',
        mapping: {
          INTACT: 'SELF_CARE',
          MILD: 'SEMI_DISABLED',
          MODERATE: 'SEMI_DISABLED',
          SEVERE: 'FULLY_DISABLED',
          COMPLETE: 'FULLY_DISABLED',
        },
      },
    ]);
    await expect(owner.query(`UPDATE level_policy SET name = 'x'`)).rejects.toThrow(/append-only/);
    await expect(
      owner.query(
        `INSERT INTO level_policy (division_code, effective_from, name, mapping) VALUES ('410400', '2026-01-01', 'x', '{"INTACT": "SELF_CARE"}')`,
      ),
    ).rejects.toThrow(/level_policy_mapping_complete/);
  });

  it('holds a scored row to its rules', async () => {
    const insert = (over: { items?: string; total?: number; base?: string; assessors?: string[]; assessedOn?: string }) =>
      owner.query(
        `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, grade, assessor, instrument, reason, assessed_on, assessors,
                                 items, total_score, base_grade)
         VALUES ($1, $2, '2025-05-01', 'SEMI_DISABLED', 'MODERATE', '甲、乙', 'GB/T 42195-2022', 'ROUTINE', $3, $4, $5, $6, $7)`,
        [
          f,
          r,
          over.assessedOn ?? '2025-04-30',
          over.assessors ?? ['甲', '乙'],
          over.items ?? items(),
          over.total ?? 52,
          over.base ?? 'MODERATE',
        ],
      );
    await insert({});
    await expect(insert({ total: 53 })).rejects.toThrow(/assessment_scored_complete/);
    await expect(insert({ items: items({ 'B9.9': 0 }), total: 52 })).rejects.toThrow(/assessment_scored_complete/);
    await expect(insert({ assessors: ['甲'] })).rejects.toThrow(/assessment_scored_complete/);
    await expect(insert({ base: 'MILD' })).rejects.toThrow(/assessment_base_grade_of_total/);
    await expect(insert({ assessedOn: '2025-05-02' })).rejects.toThrow(/assessment_effective_after_assessed/);
    // Still changed only by being voided.
    await expect(owner.query(`UPDATE assessment_entry SET total_score = 90 WHERE instrument IS NOT NULL`)).rejects.toThrow(/append-only/);
  });
});
