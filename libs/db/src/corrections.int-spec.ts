import { Client } from 'pg';
import { Corrections1765510000000 } from './migrations/1765510000000-corrections';
import { runMigrations } from './migrator';
import { createTestDatabaseBefore, TestDatabase } from './testing';

/**
 * Migration 1765510000000 (docs/rules.md §12, corrections) on a database that already holds stays:
 * the tables become views of the entries in force with every row kept, and the level recorded with
 * an admission is linked to it (so voiding the admission voids that level); a later assessment is not.
 */
describe('migration Corrections1765510000000 over existing admissions', () => {
  let db: TestDatabase;
  let owner: Client;
  beforeAll(async () => {
    db = await createTestDatabaseBefore(Corrections1765510000000);
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('keeps every row, links levels recorded on admission, and the views show entries in force', async () => {
    const one = async <T>(sql: string, values: unknown[] = []) => (await owner.query(sql, values)).rows[0] as T;
    const f = await one<{ id: string }>(
      `INSERT INTO facility (name, type, division_code) VALUES ('迁移测试养老院', 'CARE_HOME', '410421') RETURNING id`,
    );
    const room = await one<{ id: string }>(
      `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '1号楼', 1, '101') RETURNING id`,
      [f.id],
    );
    const bed = await one<{ id: string }>(
      `INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, 'M-1', 'NURSING') RETURNING id`,
      [f.id, room.id],
    );
    const resident = await one<{ id: string }>(
      `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
       VALUES ($1, '王秀英', 'F', '1940-01-01', '\\x00', 1, '\\x01', '410421********0021') RETURNING id`,
      [f.id],
    );
    const admission = await one<{ id: string }>(
      `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange('2025-03-01', NULL)) RETURNING id`,
      [f.id, resident.id],
    );
    await owner.query(
      `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange('2025-03-01', NULL))`,
      [f.id, admission.id, resident.id, bed.id],
    );
    await owner.query(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor, notes) VALUES
         ($1, $2, '2025-03-01', 'SEMI_DISABLED', '王院长', '入住时记录'),
         ($1, $2, '2025-06-01', 'FULLY_DISABLED', '刘医生', NULL)`,
      [f.id, resident.id],
    );

    expect((await runMigrations({ url: db.url }))[0]).toBe('Corrections1765510000000');

    const levels = await owner.query(`SELECT effective_on::text, admission_id FROM assessment_entry ORDER BY effective_on`);
    expect(levels.rows).toEqual([
      { effective_on: '2025-03-01', admission_id: admission.id },
      { effective_on: '2025-06-01', admission_id: null },
    ]);
    for (const t of ['admission', 'stay', 'assessment']) {
      const counts = await one<{ all: number; live: number }>(
        `SELECT (SELECT count(*)::int FROM ${t}_entry) AS all, (SELECT count(*)::int FROM ${t}) AS live`,
      );
      expect({ t, ...counts }).toEqual({ t, all: t === 'assessment' ? 2 : 1, live: t === 'assessment' ? 2 : 1 });
    }
    // Voided, the stay frees the bed for the same days; the view no longer shows it.
    await owner.query(`UPDATE stay_entry SET voided_at = now()`);
    expect(await one(`SELECT count(*)::int AS n FROM stay`)).toEqual({ n: 0 });
    const other = await one<{ id: string }>(
      `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
       VALUES ($1, '李桂兰', 'F', '1941-01-01', '\\x02', 1, '\\x03', '410421********0041') RETURNING id`,
      [f.id],
    );
    const second = await one<{ id: string }>(
      `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange('2025-03-01', NULL)) RETURNING id`,
      [f.id, other.id],
    );
    await owner.query(
      `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange('2025-03-01', NULL))`,
      [f.id, second.id, other.id, bed.id],
    );
    expect(await one(`SELECT count(*)::int AS n FROM stay_entry WHERE bed_id = $1`, [bed.id])).toEqual({ n: 2 });
  });
});
