import fc from 'fast-check';
import { Client } from 'pg';
import { addDays } from '@careops/care';
import { connectionTenantDb, createTestDatabase, TestDatabase } from '@careops/db/testing';
import { MetricsRepository } from './metrics.repository';

/**
 * docs/rules.md §7: the daily bed counts, set-based (outages and stays spread over the days they
 * cover), equal the definition read literally — per day and bed: in service when no outage covers
 * the day, occupied when a stay does — on random facilities.
 */
describe('MetricsRepository.bedDays: set-based counts equal the per-bed, per-day definition', () => {
  let db: TestDatabase;
  let sql: Client;
  let facilityId: string;
  let repo: MetricsRepository;
  const FROM = '2026-02-01';
  const DAYS = 28;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    [{ id: facilityId }] = (
      await sql.query(`INSERT INTO facility (name, type, division_code) VALUES ('床日一致性', 'CARE_HOME', '410421') RETURNING id`)
    ).rows;
    await sql.query(`SELECT set_config('app.facility_id', $1, false)`, [facilityId]);
    // The repository's only dependency is the transaction's `query`; here a real connection's.
    repo = new MetricsRepository(connectionTenantDb(() => sql));
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  /** Back-to-back intervals on one bed (days from FROM; null: open-ended), never overlapping. */
  const intervals = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 12 }), fc.boolean()), { maxLength: 4 })
    .map((parts) => {
      let at = -10;
      return parts.map(([gap, length, open], i) => {
        const from = (at += gap);
        at += length;
        return { from, to: open && i === parts.length - 1 ? null : at };
      });
    });
  const bed = fc.record({ nursing: fc.boolean(), outages: intervals, stays: intervals });

  /** The definition of the old per-bed, per-day query. */
  const reference = async (from: string, to: string) =>
    (
      await sql.query(
        `SELECT d.day::date::text AS day,
                count(x.kind)::int AS beds,
                count(*) FILTER (WHERE x.in_service)::int AS in_service,
                count(*) FILTER (WHERE x.in_service AND x.kind = 'NURSING')::int AS nursing,
                count(*) FILTER (WHERE x.in_service AND x.occupied)::int AS occupied
         FROM generate_series($1::date, $2::date - 1, interval '1 day') AS d(day)
         LEFT JOIN LATERAL (
           SELECT b.kind,
                  NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = b.id AND o.period @> d.day::date) AS in_service,
                  EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND s.period @> d.day::date) AS occupied
           FROM bed b) x ON true
         GROUP BY d.day ORDER BY d.day`,
        [from, to],
      )
    ).rows.map((r) => ({ day: r.day, beds: r.beds, inService: r.in_service, nursing: r.nursing, occupied: r.occupied }));

  it('on 40 random facilities (outages and stays before, across and after the period, open-ended ones)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(bed, { maxLength: 6 }), async (beds) => {
        await sql.query('BEGIN');
        try {
          const [{ id: room }] = (
            await sql.query(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '主楼', 1, '101') RETURNING id`, [
              facilityId,
            ])
          ).rows;
          for (const [i, b] of beds.entries()) {
            const [{ id }] = (
              await sql.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
                facilityId,
                room,
                `B${i}`,
                b.nursing ? 'NURSING' : 'GENERAL',
              ])
            ).rows;
            const range = (p: { from: number; to: number | null }) => [addDays(FROM, p.from), p.to === null ? null : addDays(FROM, p.to)];
            for (const o of b.outages) {
              await sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, $4), '维修')`, [
                facilityId,
                id,
                ...range(o),
              ]);
            }
            for (const s of b.stays) {
              const [{ id: resident }] = (
                await sql.query(
                  `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
                   VALUES ($1, '测试', 'F', '1940-01-01', '\\x00', 1, gen_random_bytes(32), '410421********0001') RETURNING id`,
                  [facilityId],
                )
              ).rows;
              const [{ id: admission }] = (
                await sql.query(
                  `INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, $4)) RETURNING id`,
                  [facilityId, resident, ...range(s)],
                )
              ).rows;
              await sql.query(
                `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, $6))`,
                [facilityId, admission, resident, id, ...range(s)],
              );
            }
          }
          const to = addDays(FROM, DAYS);
          expect(await repo.bedDays(FROM, to)).toEqual(await reference(FROM, to));
          expect(await repo.bedDays(FROM, addDays(FROM, 1))).toEqual(await reference(FROM, addDays(FROM, 1)));
        } finally {
          await sql.query('ROLLBACK');
        }
      }),
      { numRuns: 40 },
    );
  });
});
