import fc from 'fast-check';
import { Client } from 'pg';
import { addDays, CARE_LEVELS, type CareLevel, monthSpan, summaryFigures } from '@careops/care';
import type { TenantDb } from '@careops/db';
import { connectionTenantDb, createTestDatabase, TestDatabase } from '@careops/db/testing';
import type { FacilitiesService, Facility } from '@careops/facilities';
import { StaysRepository } from '@careops/admissions';
import { CareLevelsRepository } from '@careops/residents';
import { StaffingService } from '@careops/staff';
import { DivisionsRepository } from './divisions.repository';
import { MetricsRepository } from './metrics.repository';
import { MetricsService, summaryOf } from './metrics.service';

/**
 * docs/rules.md §7: the division figures computed for all facilities at once by range arithmetic
 * (DivisionsRepository.figures) equal those of the one-facility path (MetricsService.period, the
 * per-facility computation `GET metrics?month=` answers and the summary looped over), on random
 * facilities: beds, outages, stays with transfers, voided stays, leaves, assessments (several on one
 * day, voided ones), caregivers with trainings and certificates. Read as the application role,
 * under row-level security: a regulator's read never reaches a facility outside its division. Several
 * months read together (the trend's one query) equal each month read alone.
 */
describe('DivisionsRepository.figures: set-based figures equal the per-facility computation', () => {
  let db: TestDatabase;
  let sql: Client;
  const MONTH = '2026-02';
  const { from: FROM, to: TO } = monthSpan(MONTH);
  const CODES = ['410421', '410422', '410402', '410502', '370102'];

  let current: Facility;
  const scoped = connectionTenantDb(
    () => sql,
    () => current.id,
  );
  // The one-facility path, wired as Nest wires it (the staff repository is not exported: its class from the service's metadata).
  const [StaffRepositoryClass] = Reflect.getMetadata('design:paramtypes', StaffingService) as [new (db: TenantDb) => unknown];
  const staffing = new StaffingService(
    new StaffRepositoryClass(scoped) as never,
    new StaysRepository(scoped),
    new CareLevelsRepository(scoped),
  );
  const metrics = new MetricsService(
    new MetricsRepository(scoped),
    { current: async () => current } as unknown as FacilitiesService,
    staffing,
  );
  const divisions = new DivisionsRepository(scoped);

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });
  afterAll(async () => {
    await sql.end();
    await db.drop();
  });

  /** A day number relative to FROM: the history starts before the month and runs past it. */
  const day = fc.integer({ min: -45, max: 40 });
  const span = fc.tuple(day, fc.integer({ min: 1, max: 35 }), fc.integer({ min: 0, max: 5 })).map(([a, len, open]) => ({
    from: a,
    to: open === 0 ? null : a + len,
  }));
  const facility = fc.record({
    code: fc.constantFrom(...CODES),
    beds: fc.array(fc.record({ nursing: fc.boolean(), outages: fc.array(span, { maxLength: 2 }) }), { maxLength: 6 }),
    residents: fc.array(
      fc.record({
        // Consecutive stays: a transfer when there are two (the second on another bed, starting the day the first ends).
        stays: fc.array(fc.tuple(fc.nat(5), fc.integer({ min: 1, max: 25 })), { minLength: 1, maxLength: 2 }),
        start: day,
        open: fc.boolean(),
        voided: fc.integer({ min: 0, max: 7 }),
        leave: fc.option(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 6 }))),
        assessments: fc.array(
          fc.record({
            on: fc.oneof(day, fc.constantFrom(-3, 2, 9)),
            level: fc.constantFrom<CareLevel>(...CARE_LEVELS),
            voided: fc.integer({ min: 0, max: 5 }),
          }),
          {
            maxLength: 4,
          },
        ),
      }),
      { maxLength: 6 },
    ),
    staff: fc.array(
      fc.record({
        caregiver: fc.integer({ min: 0, max: 4 }),
        employed: span,
        fte: fc.constantFrom(100, 100, 50, 75, 33),
        trainings: fc.array(fc.record({ on: day, passed: fc.boolean() }), { maxLength: 2 }),
        certificates: fc.array(fc.tuple(day, fc.integer({ min: 1, max: 60 })), { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ),
  });

  const d = (n: number | null) => (n === null ? null : addDays(FROM, n));

  /** Inserts one facility's history as the owner (no row-level security), freeing beds as stays are placed. */
  async function load(f: typeof facility extends fc.Arbitrary<infer T> ? T : never, index: number): Promise<Facility> {
    const [row] = (
      await sql.query(
        `INSERT INTO facility (name, type, division_code) VALUES ($1, 'CARE_HOME', $2) RETURNING id, name, type, division_code`,
        [`机构${index}`, f.code],
      )
    ).rows;
    const fid: string = row.id;
    const [{ id: room }] = (
      await sql.query(`INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '主楼', 1, '101') RETURNING id`, [fid])
    ).rows;
    const beds: { id: string; busy: [number, number][] }[] = [];
    for (const [i, b] of f.beds.entries()) {
      const [{ id }] = (
        await sql.query(`INSERT INTO bed (facility_id, room_id, code, kind) VALUES ($1, $2, $3, $4) RETURNING id`, [
          fid,
          room,
          `B${i}`,
          b.nursing ? 'NURSING' : 'GENERAL',
        ])
      ).rows;
      beds.push({ id, busy: [] });
      const taken: [number, number][] = [];
      for (const o of b.outages) {
        const end = o.to ?? 10_000;
        if (taken.some(([a, z]) => o.from < z && a < end)) continue;
        taken.push([o.from, end]);
        await sql.query(`INSERT INTO bed_outage (facility_id, bed_id, period, reason) VALUES ($1, $2, daterange($3, $4), '维修')`, [
          fid,
          id,
          d(o.from),
          d(o.to),
        ]);
      }
    }
    for (const r of f.residents) {
      const [{ id: resident }] = (
        await sql.query(
          `INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked, categories)
           VALUES ($1, '测试', 'F', '1940-01-01', '\\x00', 1, gen_random_bytes(32), '410421********0001', $2) RETURNING id`,
          [fid, r.voided % 2 === 0 ? ['TEKUN', 'ADVANCED_AGE'] : []],
        )
      ).rows;
      // Consecutive stays on free beds; the admission spans them all.
      let at = r.start;
      const placed: { bed: string; from: number; to: number | null }[] = [];
      for (const [i, [bedPick, len]] of r.stays.entries()) {
        const last = i === r.stays.length - 1;
        const end = last && r.open ? null : at + len;
        const bed =
          beds.length === 0
            ? undefined
            : [...beds.keys()]
                .map((k) => beds[(k + bedPick) % beds.length])
                .find((b) => !b.busy.some(([a, z]) => at < z && a < (end ?? 10_000)));
        if (!bed || (placed.length > 0 && placed[placed.length - 1].bed === bed.id)) break;
        bed.busy.push([at, end ?? 10_000]);
        placed.push({ bed: bed.id, from: at, to: end });
        if (end === null) break;
        at = end;
      }
      if (placed.length === 0) continue;
      const end = placed[placed.length - 1].to;
      const [{ id: admission }] = (
        await sql.query(`INSERT INTO admission (facility_id, resident_id, period) VALUES ($1, $2, daterange($3, $4)) RETURNING id`, [
          fid,
          resident,
          d(placed[0].from),
          d(end),
        ])
      ).rows;
      for (const [i, p] of placed.entries()) {
        const [{ id: stay }] = (
          await sql.query(
            `INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period) VALUES ($1, $2, $3, $4, daterange($5, $6)) RETURNING id`,
            [fid, admission, resident, p.bed, d(p.from), d(p.to)],
          )
        ).rows;
        // Now and then the last stay was entered in error: voided, it counts nowhere (docs/rules.md §12).
        if (r.voided === 0 && i === placed.length - 1) await sql.query(`UPDATE stay_entry SET voided_at = now() WHERE id = $1`, [stay]);
      }
      if (r.leave) {
        const [off, len] = r.leave;
        const lf = placed[0].from + off;
        if (end === null || lf + len <= end) {
          await sql.query(
            `INSERT INTO leave (facility_id, admission_id, resident_id, period, kind, reason) VALUES ($1, $2, $3, daterange($4, $5), 'LEAVE', '探亲')`,
            [fid, admission, resident, d(lf), d(lf + len)],
          );
        }
      }
      for (const a of r.assessments) {
        const [{ id }] = (
          await sql.query(
            `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor) VALUES ($1, $2, $3, $4, '评估员') RETURNING id`,
            [fid, resident, d(a.on), a.level],
          )
        ).rows;
        if (a.voided === 0) await sql.query(`UPDATE assessment_entry SET voided_at = now() WHERE id = $1`, [id]);
      }
    }
    for (const [i, s] of f.staff.entries()) {
      const [{ id: staff }] = (
        await sql.query(
          `INSERT INTO staff (facility_id, name, role, employed_from, employed_to, fte_hundredths) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [fid, `员工${i}`, s.caregiver === 0 ? 'NURSE' : 'CAREGIVER', d(s.employed.from), d(s.employed.to), s.fte],
        )
      ).rows;
      for (const t of s.trainings) {
        await sql.query(
          `INSERT INTO staff_training (facility_id, staff_id, course, completed_on, passed) VALUES ($1, $2, '岗前培训', $3, $4)`,
          [fid, staff, d(t.on), t.passed],
        );
      }
      for (const [j, [issued, len]] of s.certificates.entries()) {
        await sql.query(
          `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on) VALUES ($1, $2, '养老护理员', $3, $4, $5)`,
          [fid, staff, `${index}-${i}-${j}`, d(issued), d(issued + len)],
        );
      }
    }
    return { id: fid, name: row.name, type: row.type, divisionCode: row.division_code } as Facility;
  }

  /** The transaction as the application role with a scope, as the tenancy sets it. */
  async function as(scope: { facilityId?: string; platform?: boolean; prefix?: string }) {
    await sql.query(`SET LOCAL ROLE careops_app`);
    await sql.query(
      `SELECT set_config('app.facility_id', $1, true), set_config('app.platform', $2, true), set_config('app.division_prefix', $3, true)`,
      [scope.facilityId ?? '', scope.platform ? 'on' : '', scope.prefix ?? ''],
    );
  }

  it('on 25 random divisions of a few facilities (a regulator of 41 sees its own; another province stays out)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(facility, { minLength: 1, maxLength: 4 }), async (facilities) => {
        await sql.query('BEGIN');
        try {
          const loaded: Facility[] = [];
          for (const [i, f] of facilities.entries()) loaded.push(await load(f, i));
          // The old path: each facility in its own tenant scope.
          const expected = new Map<string, object>();
          for (const f of loaded) {
            await sql.query('SAVEPOINT one');
            await as({ facilityId: f.id });
            current = f;
            const m = await metrics.period(FROM, TO, { month: MONTH });
            expected.set(f.id, {
              ...summaryOf(m),
              residentsTotal: m.residentsTotal,
              residentsByLevel: m.residentsByLevel,
              residentsByCategory: m.residentsByCategory,
              caregivers: m.certification.caregivers,
              certified: m.certification.certified,
            });
            await sql.query('ROLLBACK TO SAVEPOINT one');
          }
          // The new path: the regulator of province 41, all its facilities in one query.
          await sql.query('SAVEPOINT one');
          await as({ prefix: '41' });
          const rows = await divisions.figures('', FROM, TO);
          await sql.query('ROLLBACK TO SAVEPOINT one');
          const mine = loaded.filter((f) => f.divisionCode.startsWith('41'));
          expect(rows.map((r) => r.facilityId).sort()).toEqual(mine.map((f) => f.id).sort());
          for (const r of rows) {
            const got = {
              ...summaryFigures({
                bedsInService: r.bedsInService,
                nursingBeds: r.nursingBeds,
                occupiedBedDays: r.occupiedBedDays,
                inServiceBedDays: r.inServiceBedDays,
                staffingDays: r.staffingDays,
                compliantDays: r.compliantDays,
              }),
              residentsTotal: r.residentsTotal,
              residentsByLevel: r.residentsByLevel,
              residentsByCategory: r.residentsByCategory,
              caregivers: r.caregivers,
              certified: r.certified,
            };
            expect({ facility: r.facilityId, ...got }).toEqual({ facility: r.facilityId, ...expected.get(r.facilityId) });
          }
          // Several months in one query (the trend) equal each month's own query, the history running across all three.
          await sql.query('SAVEPOINT one');
          await as({ prefix: '41' });
          const spans = ['2026-01', '2026-02', '2026-03'].map((m) => monthSpan(m));
          const together = await divisions.figuresOfPeriods('', spans);
          const apart = [];
          for (const span of spans) apart.push(await divisions.figures('', span.from, span.to));
          await sql.query('ROLLBACK TO SAVEPOINT one');
          expect(together).toEqual(apart);
          expect(together[1]).toEqual(rows);
          // The platform sees every facility; a city's prefix narrows to it.
          await sql.query('SAVEPOINT one');
          await as({ platform: true });
          expect((await divisions.figures('4104', FROM, TO)).map((r) => r.facilityId).sort()).toEqual(
            loaded
              .filter((f) => f.divisionCode.startsWith('4104'))
              .map((f) => f.id)
              .sort(),
          );
          await sql.query('ROLLBACK TO SAVEPOINT one');
        } finally {
          await sql.query('ROLLBACK');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a regulator reads no facility data outside its division, even asking for everything', async () => {
    await sql.query('BEGIN');
    try {
      const inside = await load({ code: '410421', beds: [{ nursing: true, outages: [] }], residents: [], staff: [] }, 1);
      const outside = await load({ code: '370102', beds: [{ nursing: true, outages: [] }], residents: [], staff: [] }, 2);
      await as({ prefix: '4104' });
      await sql.query(`SET LOCAL ROLE careops_division_reader`);
      const beds = (await sql.query(`SELECT DISTINCT facility_id FROM bed`)).rows.map((r) => r.facility_id);
      expect(beds).toEqual([inside.id]);
      expect(beds).not.toContain(outside.id);
      // The reader has SELECT only: a write is refused by privilege, whatever the policies say.
      await sql.query('SAVEPOINT w');
      await expect(sql.query(`UPDATE bed SET code = 'X' WHERE facility_id = $1`, [inside.id])).rejects.toThrow(/permission denied/);
      await sql.query('ROLLBACK TO SAVEPOINT w');
      // As the app itself the regulator reads no facility data at all: the reader's policies are not inherited.
      await sql.query(`SET LOCAL ROLE careops_app`);
      expect((await sql.query(`SELECT count(*)::int AS n FROM bed`)).rows[0].n).toBe(0);
    } finally {
      await sql.query('ROLLBACK');
    }
  });

  it('a division read runs as the reader and gives the caller its own role back, after an answer or an error', async () => {
    await sql.query('BEGIN');
    try {
      await load({ code: '410421', beds: [{ nursing: true, outages: [] }], residents: [], staff: [] }, 1);
      await as({ prefix: '4104' });
      const who = async () => (await sql.query('SELECT current_user AS u')).rows[0].u;
      expect(await scoped.asDivisionReader(who)).toBe('careops_division_reader');
      expect(await who()).toBe('careops_app');
      expect(await divisions.figures('4104', FROM, TO)).toHaveLength(1);
      expect(await who()).toBe('careops_app');
      await expect(
        scoped.asDivisionReader(async () => {
          throw new Error('refused in the middle');
        }),
      ).rejects.toThrow('refused in the middle');
      expect(await who()).toBe('careops_app');
    } finally {
      await sql.query('ROLLBACK');
    }
  });

  it("a facility's own queries see only the tenant policy: no division arm, so its facility_id indexes serve them", async () => {
    await sql.query('BEGIN');
    try {
      const one = await load({ code: '410421', beds: [{ nursing: true, outages: [] }], residents: [], staff: [] }, 1);
      await as({ facilityId: one.id });
      // Every table with a division-read policy: that policy is the reader's alone.
      const tables = (
        await sql.query(`SELECT DISTINCT tablename AS t FROM pg_policies WHERE 'careops_division_reader' = ANY (roles) ORDER BY 1`)
      ).rows.map((r) => r.t);
      expect(tables).toEqual(expect.arrayContaining(['bed', 'bed_outage', 'stay_entry', 'assessment_entry', 'resident', 'staff']));
      expect(tables).toHaveLength(10);
      for (const table of tables) {
        const plan = (await sql.query(`EXPLAIN (COSTS OFF) SELECT * FROM ${table}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect({ table, plan }).toEqual({ table, plan: expect.not.stringMatching(/facility f|SubPlan/) });
        expect(plan).toMatch(/current_setting\('app\.facility_id'/);
      }
    } finally {
      await sql.query('ROLLBACK');
    }
  });
});
