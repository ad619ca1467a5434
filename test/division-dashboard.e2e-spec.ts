import { buildWorld, login, PASSWORD, World } from './support/world';

/**
 * The regulator's dashboard (docs/rules.md §11): the trend of a division's ratios month by month,
 * the drill-down into one facility, and the platform's archive taking a facility out of every figure.
 *
 * A hand-built county, 410423 鲁山县: 甲院 10 beds (6 nursing), one resident from 2026-08-16;
 * 乙院 4 beds (1 nursing), empty. No one assessed: nothing required, every day staffed; two
 * caregivers of 甲院, one certified until 2026-08-31.
 */
describe('division dashboard: trend, drill-down, archive', () => {
  let w: World;
  let jia: string;
  let yi: string;
  let managerYi: string;
  const auth = { type: 'bearer' } as const;
  const get = (path: string, token: string) => w.t.http.get(`/api${path}`).auth(token, auth);
  const post = (path: string, body: object, token: string) => w.t.http.post(`/api${path}`).auth(token, auth).send(body);

  const facility = async (name: string, beds: number, nursing: number) => {
    const { body } = await post(
      '/facilities',
      { name, type: 'STREET_CENTER', divisionCode: '410423', buildingAreaM2: 2000, inOperationSince: '2026-01-01' },
      w.token.admin,
    ).expect(201);
    const [room] = await w.sql<{ id: string }>(
      `INSERT INTO room (facility_id, building, floor, number) VALUES ($1, '1号楼', 1, '101') RETURNING id`,
      [body.id],
    );
    await w.sql(
      `INSERT INTO bed (facility_id, room_id, code, kind)
       SELECT $1, $2, 'B' || g, CASE WHEN g <= $4 THEN 'NURSING' ELSE 'GENERAL' END FROM generate_series(1, $3::int) g`,
      [body.id, room.id, beds, nursing],
    );
    return body.id as string;
  };

  beforeAll(async () => {
    w = await buildWorld();
    jia = await facility('鲁山县甲院', 10, 6);
    yi = await facility('鲁山县乙院', 4, 1);
    await w.sql(
      `WITH r AS (INSERT INTO resident (facility_id, name, gender, date_of_birth, id_cipher, id_key_version, id_hmac, id_masked)
                  VALUES ($1, '老人甲', 'F', '1940-01-01', '\\x00', 1, '\\x01', '410423********0012') RETURNING id),
            a AS (INSERT INTO admission (facility_id, resident_id, period) SELECT $1, id, daterange('2026-08-16', NULL) FROM r RETURNING id, resident_id)
       INSERT INTO stay (facility_id, admission_id, resident_id, bed_id, period)
       SELECT $1, a.id, a.resident_id, (SELECT id FROM bed WHERE facility_id = $1 AND code = 'B1'), daterange('2026-08-16', NULL) FROM a`,
      [jia],
    );
    // Two caregivers of 甲院 since 2026-01-01; one holds a certificate valid [2026-01-01, 2026-08-31): 持证上岗率
    // on the month's last day 1 of 2 in July (50 %), none in August and September (0 %).
    const staff = await w.sql<{ id: string; name: string }>(
      `INSERT INTO staff (facility_id, name, role, employed_from, fte_hundredths)
       VALUES ($1, '护理员甲', 'CAREGIVER', '2026-01-01', 100), ($1, '护理员乙', 'CAREGIVER', '2026-01-01', 100) RETURNING id, name`,
      [jia],
    );
    await w.sql(
      `INSERT INTO staff_certificate (facility_id, staff_id, type, number, issued_on, expires_on) VALUES ($1, $2, '养老护理员', 'C-1', '2026-01-01', '2026-08-31')`,
      [jia, staff.find((x) => x.name === '护理员甲')?.id],
    );
    await post('/users', { username: 'manager.yi', password: PASSWORD, role: 'FACILITY_MANAGER', facilityId: yi }, w.token.admin).expect(
      201,
    );
    managerYi = await login(w.t, 'manager.yi');
  });
  afterAll(() => w?.close());

  const ratios = (months: Record<string, unknown>[]) =>
    months.map((m) => [
      m['month'],
      m['facilities'],
      m['nursingBedRatioPct'],
      m['occupancyPct'],
      m['staffingCompliancePct'],
      m['certificationPct'],
    ]);

  it('the trend: each month the ratios of sums over the division’s facilities, oldest first', async () => {
    const { body } = await get('/divisions/410423/trend?months=3&to=2026-09', w.token.reg410400).expect(200);
    expect(body).toMatchObject({ divisionCode: '410423', divisionName: '鲁山县', facilityId: null });
    // Nursing 7 of 14 beds = 50 %; occupied 16 bed-days of 14 × 31 = 434 → 3.69 %; 30 of 14 × 30 = 420 → 7.14 %.
    expect(ratios(body.months)).toEqual([
      ['2026-07', 2, 50, 0, 100, 50],
      ['2026-08', 2, 50, 3.69, 100, 0],
      ['2026-09', 2, 50, 7.14, 100, 0],
    ]);
    // Twelve by default; a year boundary crossed.
    const year = (await get('/divisions/410423/trend?to=2026-02', w.token.reg410400).expect(200)).body.months;
    expect(year.map((m: { month: string }) => m.month)).toEqual([
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    await get('/divisions/410423/trend?months=3&to=2026-13', w.token.reg410400).expect(400);
    await get('/divisions/410423/trend?months=25&to=2026-09', w.token.reg410400).expect(400);
    await get('/divisions/410423/trend?months=3&to=2026-09', w.token.reg370000).expect(404);
    await get('/divisions/410423/trend?months=3&to=2026-09', w.token.managerA).expect(403);
  });

  it('the drill-down: one facility’s trend, figures, documents and monthly reports for the regulator of its division', async () => {
    const one = (await get(`/divisions/410423/trend?months=2&to=2026-09&facilityId=${jia}`, w.token.reg410400).expect(200)).body;
    // 甲院 alone: 6 of 10 nursing; 16 of 310, 30 of 300 bed-days.
    expect(ratios(one.months)).toEqual([
      ['2026-08', 1, 60, 5.16, 100, 0],
      ['2026-09', 1, 60, 10, 100, 0],
    ]);
    // A facility outside the division named, or one the regulator may not see: 404.
    expect((await get(`/divisions/410423/trend?months=2&to=2026-09&facilityId=${w.A}`, w.token.reg410400).expect(404)).body.code).toBe(
      'FACILITY_NOT_FOUND',
    );
    await get(`/divisions/370102/trend?months=2&to=2026-09&facilityId=${w.B}`, w.token.reg410400).expect(404);
    const metrics = (await get(`/facilities/${jia}/metrics?month=2026-09`, w.token.reg410400).expect(200)).body;
    expect(metrics).toMatchObject({ nursingBedRatioPct: 60, occupancyPct: 10 });
    // Its documents: an operations report issued by the platform is in the register the regulator reads.
    await w.t.http.get(`/api/facilities/${jia}/reports/operations.pdf?month=2026-09`).auth(w.token.admin, auth).expect(200);
    const docs = (await get(`/facilities/${jia}/documents`, w.token.reg410400).expect(200)).body;
    expect(docs).toEqual([
      expect.objectContaining({ kind: 'OPERATIONS', period: '2026-09', version: 1, number: expect.stringMatching(/^OPS-/) }),
    ]);
    // Its monthly reports.
    await post(`/facilities/${jia}/monthly-reports`, { month: '2026-09' }, w.token.admin).expect(201);
    const monthly = (await get(`/facilities/${jia}/monthly-reports`, w.token.reg410400).expect(200)).body;
    expect(JSON.stringify(monthly)).toContain('2026-09');
    await get(`/facilities/${jia}/documents`, w.token.reg370000).expect(404);
    await get(`/facilities/${jia}/documents`, w.token.managerA).expect(404);
  });

  it('archive: only the platform; the facility leaves the summary, groups, trend, task list and monthly reports; its users cannot sign in', async () => {
    expect((await post(`/facilities/${yi}/archive`, { reason: '停业注销' }, w.token.reg410400).expect(403)).body.code).toBeDefined();
    await post(`/facilities/${yi}/archive`, { reason: '停业注销' }, managerYi).expect(403);
    await post(`/facilities/${yi}/archive`, { reason: '  ' }, w.token.admin).expect(400);
    const before = (await get('/divisions/410423/summary?month=2026-09', w.token.reg410400).expect(200)).body;
    expect(before.rows.map((r: { facilityId: string }) => r.facilityId).sort()).toEqual([jia, yi].sort());

    const archived = (await post(`/facilities/${yi}/archive`, { reason: '停业注销' }, w.token.admin).expect(200)).body;
    expect(archived).toMatchObject({ id: yi, archiveReason: '停业注销' });
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect((await post(`/facilities/${yi}/archive`, { reason: '再次' }, w.token.admin).expect(409)).body.code).toBe('FACILITY_ARCHIVED');
    const [audit] = await w.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'facility.archive' AND entity_id = $1`,
      [yi],
    );
    expect(audit.n).toBe(1);

    const summary = (await get('/divisions/410423/summary?month=2026-09', w.token.reg410400).expect(200)).body;
    expect(summary.rows.map((r: { facilityId: string }) => r.facilityId)).toEqual([jia]);
    expect(summary.total).toMatchObject({ facilities: 1, bedsInService: 10, nursingBeds: 6 });
    const city = (await get('/divisions/410400/summary?month=2026-09', w.token.reg410400).expect(200)).body;
    expect(city.rows.map((r: { facilityId: string }) => r.facilityId)).not.toContain(yi);
    expect(city.groups.find((g: { divisionCode: string }) => g.divisionCode === '410423').facilityIds).toEqual([jia]);
    const trend = (await get('/divisions/410423/trend?months=1&to=2026-09', w.token.reg410400).expect(200)).body;
    expect(ratios(trend.months)).toEqual([['2026-09', 1, 60, 10, 100, 0]]);
    await get(`/divisions/410423/trend?months=1&to=2026-09&facilityId=${yi}`, w.token.reg410400).expect(404);
    const tasks = (await get('/divisions/410423/tasks?year=2026', w.token.reg410400).expect(200)).body;
    expect(tasks.total.indicators.STREET_CENTERS.done).toBe(1);
    const reports = (await get('/divisions/410423/monthly-reports?month=2026-09', w.token.reg410400).expect(200)).body;
    expect(reports.rows.map((r: { facilityId: string }) => r.facilityId)).toEqual([jia]);

    // Its users: refused at sign-in and on the next request with a token from before.
    await w.t.http.post('/api/auth/login').send({ username: 'manager.yi', password: PASSWORD }).expect(401);
    await get(`/facilities/${yi}`, managerYi).expect(401);

    // Unarchived: counted again, and its manager signs in again.
    expect((await post(`/facilities/${yi}/unarchive`, {}, w.token.admin).expect(200)).body).toMatchObject({
      archivedAt: null,
      archiveReason: null,
    });
    expect((await post(`/facilities/${yi}/unarchive`, {}, w.token.admin).expect(409)).body.code).toBe('FACILITY_NOT_ARCHIVED');
    expect((await get('/divisions/410423/summary?month=2026-09', w.token.reg410400).expect(200)).body.rows).toHaveLength(2);
    await login(w.t, 'manager.yi');
  });
});
