import { buildWorld, World } from './support/world';

/**
 * docs/rules.md §7 metrics and the regulator's division summary: ten
 * facilities of 卫东区 (410403) with figures computed by hand below; the total is a ratio of sums.
 */
describe('metrics and the division summary', () => {
  let w: World;
  const auth = { type: 'bearer' } as const;
  // name, beds, nursing, out of service (general beds, all September), occupied all September
  const FACILITIES: [string, number, number, number, number][] = [
    ['一号院', 20, 12, 0, 15],
    ['二号院', 10, 5, 1, 9],
    ['三号院', 0, 0, 0, 0],
    ['四号院', 7, 3, 0, 2],
    ['五号院', 33, 20, 3, 10],
    ['六号院', 12, 6, 0, 12],
    ['七号院', 3, 1, 0, 1],
    ['八号院', 50, 30, 5, 40],
    ['九号院', 16, 9, 0, 4],
    ['十号院', 11, 6, 2, 3],
  ];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await buildWorld();
    for (const [name, beds, nursing, out, occupied] of FACILITIES) {
      const res = await w.t.http
        .post('/api/facilities')
        .auth(w.token.admin, auth)
        .send({ name, type: 'CARE_HOME', divisionCode: '410403', buildingAreaM2: 1000 })
        .expect(201);
      const f = res.body.id as string;
      ids[name] = f;
      if (beds === 0) continue;
      // Facts written as the owner, straight into the tables the metrics read.
      const [room] = await w.sql<{ id: string }>(
        `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '主楼', 1, '101') RETURNING id`,
        [f],
      );
      await w.sql(
        `INSERT INTO bed (facility_id, room_id, code, kind) SELECT $1, $2, 'B' || i, CASE WHEN i <= $4 THEN 'NURSING' ELSE 'GENERAL' END
                   FROM generate_series(1, $3::int) i`,
        [f, room.id, beds, nursing],
      );
      await w.sql(
        `INSERT INTO bed_outage (facility_id, bed_id, period, reason) SELECT $1, id, daterange('2026-08-01', '2026-11-01'), '维修'
                   FROM bed WHERE facility_id = $1 AND kind = 'GENERAL' ORDER BY code DESC LIMIT $2`,
        [f, out],
      );
      // The occupied beds: the first `occupied` in-service beds, nursing first.
      await w.sql(
        `
        WITH b AS (SELECT id, row_number() OVER (ORDER BY (substring(code from 2))::int) AS n FROM bed
                   WHERE facility_id = $1 AND NOT EXISTS (SELECT 1 FROM bed_outage o WHERE o.bed_id = bed.id) ORDER BY n LIMIT $2),
        r AS (INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
              SELECT $1, '老人' || n, 'F', '1940-01-01', '\\x00', 1, int4send(n::int), '410403********0012' FROM b RETURNING id, (get_byte(id_hmac, 3)) AS n),
        a AS (INSERT INTO admission (facility_id, resident_id, period) SELECT $1, r.id, daterange('2026-08-20', NULL) FROM r RETURNING id, resident_id)
        INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
        SELECT $1, a.id, a.resident_id, b.id, daterange('2026-08-20', NULL) FROM a JOIN r ON r.id = a.resident_id JOIN b ON b.n = r.n`,
        [f, occupied],
      );
    }
    // Staffing (docs/rules.md §6): 一号院 has three 全失能 residents all month and no caregiver → required 2, counted 0;
    // 二号院 one 全失能 resident from 09-16 → required 1 on 15 days. Elsewhere no one is assessed: nothing required.
    await w.sql(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor)
                 SELECT facility_id, id, '2026-01-01', 'FULLY_DISABLED', '评估员' FROM resident WHERE facility_id = $1 ORDER BY name LIMIT 3`,
      [ids['一号院']],
    );
    await w.sql(
      `INSERT INTO assessment (facility_id, resident_id, effective_on, care_level, assessor)
                 SELECT facility_id, id, '2026-09-16', 'FULLY_DISABLED', '评估员' FROM resident WHERE facility_id = $1 ORDER BY name LIMIT 1`,
      [ids['二号院']],
    );
  });
  afterAll(() => w?.close());

  it('reproduces the hand-computed ratios of ten facilities; the total is Σ ÷ Σ; 0 beds shows null ("—")', async () => {
    const res = await w.t.http.get('/api/divisions/410403/summary?month=2026-09').auth(w.token.reg410400, auth).expect(200);
    const rows = Object.fromEntries(
      res.body.rows.map((r: Record<string, unknown>) => [
        r['name'],
        [r['bedsInService'], r['nursingBeds'], r['nursingBedRatioPct'], r['occupancyPct'], r['staffingCompliancePct']],
      ]),
    );
    expect(rows).toEqual({
      一号院: [20, 12, 60, 75, 0],
      二号院: [9, 5, 55.56, 100, 50],
      三号院: [0, 0, null, null, 100],
      四号院: [7, 3, 42.86, 28.57, 100],
      五号院: [30, 20, 66.67, 33.33, 100],
      六号院: [12, 6, 50, 100, 100],
      七号院: [3, 1, 33.33, 33.33, 100],
      八号院: [45, 30, 66.67, 88.89, 100],
      九号院: [16, 9, 56.25, 25, 100],
      十号院: [9, 6, 66.67, 33.33, 100],
    });
    // Σ nursing 92 ÷ Σ beds 151 = 60.93 %; occupied bed-days 96 × 30 ÷ 151 × 30 = 63.58 %; 255 of 300 facility-days compliant.
    expect(res.body.total).toMatchObject({
      facilities: 10,
      bedsInService: 151,
      nursingBeds: 92,
      nursingBedRatioPct: 60.93,
      occupiedBedDays: 2880,
      inServiceBedDays: 4530,
      occupancyPct: 63.58,
      staffingDays: 300,
      compliantDays: 255,
      staffingCompliancePct: 85,
      nursingBedTargetMet: true,
    });
    const mean =
      res.body.rows
        .filter((r: { nursingBedRatioPct: number | null }) => r.nursingBedRatioPct !== null)
        .reduce((s: number, r: { nursingBedRatioPct: number }) => s + r.nursingBedRatioPct, 0) / 9;
    expect(mean).not.toBeCloseTo(60.93, 1); // a mean of ratios would be another number
    expect(res.body.rows.find((r: { name: string }) => r.name === '四号院').nursingBedTargetMet).toBe(false);
  });

  it('names every division (GB/T 2260) and groups the rows city → county, each subtotal a ratio of sums', async () => {
    const res = await w.t.http.get('/api/divisions/410403/summary?month=2026-09').auth(w.token.reg410400, auth).expect(200);
    expect(res.body.divisionName).toBe('卫东区');
    expect(res.body.total.divisionName).toBe('卫东区');
    expect(new Set(res.body.rows.map((r: { divisionName: string }) => r.divisionName))).toEqual(new Set(['卫东区']));
    // The ten facilities of 卫东区 under 平顶山市: both subtotals are the hand-computed total above.
    const ten = {
      facilities: 10,
      bedsInService: 151,
      nursingBeds: 92,
      nursingBedRatioPct: 60.93,
      occupancyPct: 63.58,
      staffingCompliancePct: 85,
    };
    expect(res.body.groups).toMatchObject([
      { divisionCode: '410400', divisionName: '平顶山市', level: 'CITY', parentCode: null, figures: ten },
      { divisionCode: '410403', divisionName: '卫东区', level: 'COUNTY', parentCode: '410400', figures: ten },
    ]);
    expect(res.body.groups[1].facilityIds).toEqual(res.body.rows.map((r: { facilityId: string }) => r.facilityId));
    // 一号院: three 全失能 residents on 09-30, no caregiver (持证上岗率 has no denominator).
    expect(res.body.rows.find((r: { name: string }) => r.name === '一号院')).toMatchObject({
      residentsByLevel: { FULLY_DISABLED: 3 },
      certification: { certified: 0, caregivers: 0, pct: null },
    });

    const province = await w.t.http.get('/api/divisions/410000/summary?month=2026-09').auth(w.token.reg410000, auth).expect(200);
    expect(province.body.divisionName).toBe('河南省');
    const cities = province.body.groups.filter((g: { level: string }) => g.level === 'CITY');
    // The cities partition the rows and their subtotals add up to the total, whose ratios are again Σ ÷ Σ.
    expect(cities.flatMap((g: { facilityIds: string[] }) => g.facilityIds).sort()).toEqual(
      province.body.rows.map((r: { facilityId: string }) => r.facilityId).sort(),
    );
    for (const k of ['bedsInService', 'nursingBeds', 'occupiedBedDays', 'inServiceBedDays', 'staffingDays', 'compliantDays']) {
      expect(cities.reduce((s: number, g: { figures: Record<string, number> }) => s + g.figures[k], 0)).toBe(province.body.total[k]);
    }
    expect(province.body.groups.find((g: { divisionCode: string }) => g.divisionCode === '410403').figures).toMatchObject(ten);
  });

  it('a regulator sees only its division: 370000 gets 404, a city regulator its county; a manager 403', async () => {
    await w.t.http.get('/api/divisions/410403/summary?month=2026-09').auth(w.token.reg370000, auth).expect(404);
    await w.t.http.get('/api/divisions/410000/summary?month=2026-09').auth(w.token.reg410400, auth).expect(404);
    await w.t.http.get('/api/divisions/410403/summary?month=2026-09').auth(w.token.managerA, auth).expect(403);
    await w.t.http.get('/api/divisions/410403/summary?month=2026-9').auth(w.token.reg410400, auth).expect(400);
    // The same bad code answers the same everywhere: malformed 400, uncovered or in no province 404.
    expect(
      (await w.t.http.get('/api/divisions/410000/summary?month=2026-09').auth(w.token.reg410400, auth).expect(404)).body,
    ).toMatchObject({ code: 'DIVISION_NOT_FOUND', message: ['division not found (辖区不存在)'] });
    expect((await w.t.http.get('/api/divisions/990000/summary?month=2026-09').auth(w.token.admin, auth).expect(404)).body.code).toBe(
      'DIVISION_NOT_FOUND',
    );
    expect((await w.t.http.get('/api/divisions/4104/summary?month=2026-09').auth(w.token.reg410400, auth).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await w.t.http.get('/api/divisions/410403/summary?month=2026-9').auth(w.token.reg410400, auth).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    const province = await w.t.http.get('/api/divisions/410000/summary?month=2026-09').auth(w.token.reg410000, auth).expect(200);
    // The province sees 卫东区's ten and the world's two Henan facilities, never Shandong's.
    expect(province.body.rows).toHaveLength(12);
    expect(province.body.rows.map((r: { divisionCode: string }) => r.divisionCode.slice(0, 2))).toEqual(Array(12).fill('41'));
  });

  it('GET metrics?month= and ?date= for one facility, each figure against its target', async () => {
    const two = ids['二号院'];
    const month = await w.t.http.get(`/api/facilities/${two}/metrics?month=2026-09`).auth(w.token.reg410400, auth).expect(200);
    expect(month.body).toMatchObject({
      month: '2026-09',
      asOf: '2026-09-30',
      bedsInService: 9,
      nursingBeds: 5,
      nursingBedRatioPct: 55.56,
      occupancyPct: 100,
      residentsTotal: 9,
      residentsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 0, FULLY_DISABLED: 1, UNASSESSED: 8 },
      staffing: { days: 30, compliantDays: 15, compliancePct: 50, worstDay: { date: '2026-09-16', required: 1, counted: 0 } },
      targets: {
        nursingBedRatio: { targetPct: 55, met: true },
        staffingCompliance: { met: false },
        certification: { targetPct: 100, met: null },
      },
    });
    expect(month.body.daily).toHaveLength(30);
    const day = await w.t.http.get(`/api/facilities/${ids['一号院']}/metrics?date=2026-09-10`).auth(w.token.reg410400, auth).expect(200);
    expect(day.body).toMatchObject({
      date: '2026-09-10',
      bedsInService: 20,
      occupiedBeds: 15,
      occupancyPct: 75,
      residentsByLevel: { FULLY_DISABLED: 3 },
    });
    await w.t.http.get(`/api/facilities/${two}/metrics`).auth(w.token.reg410400, auth).expect(400);
    expect((await w.t.http.get(`/api/facilities/${two}/metrics`).auth(w.token.reg410400, auth).expect(400)).body.code).toBe(
      'DATE_OR_MONTH_REQUIRED',
    );
    expect((await w.t.http.get(`/api/facilities/${two}/metrics?month=2026-9`).auth(w.token.reg410400, auth).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    await w.t.http.get(`/api/facilities/${two}/metrics?date=2026-09-10&month=2026-09`).auth(w.token.reg410400, auth).expect(400);
    await w.t.http.get(`/api/facilities/${two}/metrics?month=2026-09`).auth(w.token.managerA, auth).expect(404);
  });
});
