import fc from 'fast-check';
import { Client } from 'pg';
import { addDays } from '@careops/care';
import { connectionTenantDb, createTestDatabase, TestDatabase } from '@careops/db/testing';
import { type FacilityTaskFigures, TasksRepository } from './tasks.repository';

/**
 * docs/rules.md §11 at division scale: the task list's figures of every facility of a division read
 * in one query (TasksRepository.figuresOf, under the read-only division read) equal each facility's
 * own counted in its tenant scope — the query the task list ran once per facility before — on random
 * facilities: beds and outages, caregivers and nurses employed or not on the day, certificates valid
 * or not, trainings passed or failed in the year or not, home-care beds enrolled in the year or not.
 * Read as the application role under row-level security, the regulator of the province.
 */
describe('TasksRepository.figuresOf: one query for a division equals one per facility', () => {
  let db: TestDatabase;
  let sql: Client;
  const AS_OF = '2026-06-15';
  const YEAR_FROM = '2026-01-01';
  const YEAR_TO = '2027-01-01';
  const repository = new TasksRepository(connectionTenantDb(() => sql));

  /** The per-facility query the task list ran in each facility's tenant scope before (the reference). */
  const PER_FACILITY = `
    WITH in_service AS (
      SELECT b.kind FROM bed b
      WHERE NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.facility_id = b.facility_id AND o.bed_id = b.id AND o.period @> $1::date)),
    caregivers AS (
      SELECT s.id, EXISTS (SELECT 1 FROM staff_certificate c WHERE c.facility_id = s.facility_id AND c.staff_id = s.id
                            AND c.issued_on <= $1::date AND c.expires_on > $1::date) AS certified
      FROM staff s
      WHERE s.role = 'CAREGIVER' AND s.employed_from <= $1::date AND (s.employed_to IS NULL OR s.employed_to > $1::date))
    SELECT
      (SELECT count(*) FROM home_care_bed h WHERE lower(h.period) >= $2::date AND lower(h.period) < $3::date)::int AS "homeCareBeds",
      (SELECT count(DISTINCT t.staff_id) FROM staff_training t JOIN staff s ON s.facility_id = t.facility_id AND s.id = t.staff_id
        WHERE s.role = 'CAREGIVER' AND t.passed AND t.completed_on >= $2::date AND t.completed_on < $3::date)::int AS "caregiversTrained",
      (SELECT count(*) FROM in_service)::int AS beds,
      (SELECT count(*) FROM in_service WHERE kind = 'NURSING')::int AS "nursingBeds",
      (SELECT count(*) FROM caregivers)::int AS caregivers,
      (SELECT count(*) FROM caregivers WHERE certified)::int AS certified`;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  /** A day number relative to AS_OF: the history runs across the year's start and the day. */
  const day = fc.integer({ min: -220, max: 220 });
  const facility = fc.record({
    code: fc.constantFrom('410421', '410402', '410502', '370102'),
    beds: fc.array(fc.record({ nursing: fc.boolean(), outage: fc.option(fc.tuple(day, fc.integer({ min: 1, max: 60 }))) }), {
      maxLength: 5,
    }),
    staff: fc.array(
      fc.record({
        caregiver: fc.integer({ min: 0, max: 3 }),
        from: day,
        length: fc.option(fc.integer({ min: 1, max: 300 })),
        trainings: fc.array(fc.record({ on: day, passed: fc.boolean() }), { maxLength: 2 }),
        certificates: fc.array(fc.tuple(day, fc.integer({ min: 1, max: 200 })), { maxLength: 2 }),
      }),
      { maxLength: 4 },
    ),
    homeCare: fc.array(fc.tuple(day, fc.option(fc.integer({ min: 1, max: 90 }))), { maxLength: 3 }),
  });
  const d = (n: number) => addDays(AS_OF, n);

  async function load(f: typeof facility extends fc.Arbitrary<infer T> ? T : never, index: number): Promise<string> {
    const [{ id: fid }] = (
      await sql.query(`INSERT INTO facility (name, type, division_code) VALUES ($1, 'CARE_HOME', $2) RETURNING id`, [
        `机构${index}`,
        f.code,
      ])
    ).rows;
    const [{ id: room }] = (
      await sql.query(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '主楼', 1, '101') RETURNING id`, [fid])
    ).rows;
    for (const [i, b] of f.beds.entries()) {
      const [{ id }] = (
        await sql.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
          fid,
          room,
          `B${i}`,
          b.nursing ? 'NURSING' : 'GENERAL',
        ])
      ).rows;
      if (b.outage)
        await sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, $4), '维修')`, [
          fid,
          id,
          d(b.outage[0]),
          d(b.outage[0] + b.outage[1]),
        ]);
    }
    for (const [i, s] of f.staff.entries()) {
      const [{ id: staff }] = (
        await sql.query(
          `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths) VALUES ($1, $2, $3, $4, $5, 100) RETURNING id`,
          [fid, `员工${i}`, s.caregiver === 0 ? 'NURSE' : 'CAREGIVER', d(s.from), s.length === null ? null : d(s.from + s.length)],
        )
      ).rows;
      for (const t of s.trainings)
        await sql.query(
          `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed) VALUES ($1, $2, '岗前培训', $3, $4)`,
          [fid, staff, d(t.on), t.passed],
        );
      for (const [j, [issued, len]] of s.certificates.entries())
        await sql.query(
          `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on) VALUES ($1, $2, '养老护理员', $3, $4, $5)`,
          [fid, staff, `${index}-${i}-${j}`, d(issued), d(issued + len)],
        );
    }
    for (const [i, [from, length]] of f.homeCare.entries()) {
      const [{ id: resident }] = (
        await sql.query(
          `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
           VALUES ($1, $2, 'F', '1940-01-01', '\\x00', 1, gen_random_bytes(32), '410421********0001') RETURNING id`,
          [fid, `老人${i}`],
        )
      ).rows;
      await sql.query(`INSERT INTO home_care_bed (facility_id, resident_id, period, address) VALUES ($1, $2, daterange($3, $4), '家中')`, [
        fid,
        resident,
        d(from),
        length === null ? null : d(from + length),
      ]);
    }
    return fid;
  }

  async function as(scope: { facilityId?: string; prefix?: string }) {
    await sql.query(`SET LOCAL ROLE careops_app`);
    await sql.query(
      `SELECT set_config('app.facility_id', $1, true), set_config('app.platform', '', true), set_config('app.division_prefix', $2, true)`,
      [scope.facilityId ?? '', scope.prefix ?? ''],
    );
  }

  it('on 25 random divisions of a few facilities (the regulator of 41 reads its own, never another province’s)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(facility, { minLength: 1, maxLength: 4 }), async (facilities) => {
        await sql.query('BEGIN');
        try {
          const ids: string[] = [];
          for (const [i, f] of facilities.entries()) ids.push(await load(f, i));
          const expected = new Map<string, FacilityTaskFigures>();
          for (const id of ids) {
            await sql.query('SAVEPOINT one');
            await as({ facilityId: id });
            expected.set(id, (await sql.query(PER_FACILITY, [AS_OF, YEAR_FROM, YEAR_TO])).rows[0]);
            await sql.query('ROLLBACK TO SAVEPOINT one');
          }
          await sql.query('SAVEPOINT one');
          await as({ prefix: '41' });
          const got = await repository.figuresOf(ids, AS_OF, YEAR_FROM, YEAR_TO);
          await sql.query('ROLLBACK TO SAVEPOINT one');
          const mine = ids.filter((_, i) => facilities[i].code.startsWith('41'));
          expect([...got.keys()].sort()).toEqual([...mine].sort());
          for (const id of mine) expect({ id, ...got.get(id) }).toEqual({ id, ...expected.get(id) });
        } finally {
          await sql.query('ROLLBACK');
        }
      }),
      { numRuns: 25 },
    );
  });
});
