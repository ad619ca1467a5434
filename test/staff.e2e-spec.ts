import { createDataSource } from '@careops/db';
import { projectStaffingAlerts } from '@careops/staff';
import { buildWorld, genderOf, idNumberFor, World } from './support/world';

/** Staff, qualifications and the caregiver-ratio compliance engine (docs/rules.md §6). */
describe('staffing compliance over HTTP', () => {
  let w: World;
  let base: string;
  const auth = { type: 'bearer' } as const;
  const post = (path: string, body: object) => w.t.http.post(`${base}${path}`).auth(w.token.managerA, auth).send(body);

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.A}`;
    const room = (await post('/rooms', { building: '1号楼', floor: 1, number: '101' }).expect(201)).body.id;
    // 2 全失能 + 1 半失能 + 1 自理 (who becomes 全失能 on the 20th): 2 caregivers needed, then 3.
    const people: [string, string, string][] = [
      ['王秀英', 'FULLY_DISABLED', '1940-01-01'],
      ['李桂兰', 'FULLY_DISABLED', '1941-02-02'],
      ['张淑珍', 'SEMI_DISABLED', '1942-03-03'],
      ['赵德胜', 'SELF_CARE', '1943-04-04'],
    ];
    for (const [i, [name, level, dob]] of people.entries()) {
      const bed = (await post('/beds', { code: `S-${i}`, roomId: room, kind: 'NURSING' }).expect(201)).body.id;
      const r = (
        await post('/residents', {
          name,
          gender: genderOf(idNumberFor(dob, 500 + i)),
          dateOfBirth: dob,
          idNumber: idNumberFor(dob, 500 + i),
        }).expect(201)
      ).body.id;
      await post('/admissions', { residentId: r, bedId: bed, admittedOn: '2026-01-01', careLevel: level }).expect(201);
      if (level === 'SELF_CARE')
        await post(`/residents/${r}/assessments`, { careLevel: 'FULLY_DISABLED', effectiveOn: '2026-03-20', assessor: '李评估员' }).expect(
          201,
        );
    }
    for (const [name, expiresOn] of [
      ['李护理员', '2028-01-01'],
      ['王护理员', '2026-03-12'],
    ]) {
      const s = (await post('/staff', { name, role: 'CAREGIVER', employedFrom: '2025-06-01', fte: 1 }).expect(201)).body;
      await post(`/staff/${s.id}/trainings`, { course: '养老护理员岗前培训', completedOn: '2025-06-01', passed: true }).expect(201);
      const withCert = (
        await post(`/staff/${s.id}/certificates`, {
          type: '养老护理员职业技能等级证书',
          number: `S${name}`,
          level: '四级',
          issuedOn: '2025-06-01',
          expiresOn,
        }).expect(201)
      ).body;
      expect(withCert.certificates).toEqual([expect.objectContaining({ issuedOn: '2025-06-01', expiresOn })]);
    }
    await post('/staff', { name: '陈院长', role: 'MANAGER', employedFrom: '2024-01-01', fte: 1 }).expect(201);
  });
  afterAll(() => w?.close());

  it('a month: non-compliant from the 12th exactly (certificate expired, person named), requirement 3 from the 20th', async () => {
    const res = await w.t.http.get(`${base}/compliance/staffing?from=2026-03-01&to=2026-04-01`).auth(w.token.reg410400, auth).expect(200);
    const on = (date: string) => res.body.days.find((d: { date: string }) => d.date === date);
    expect(res.body.days).toHaveLength(31);
    expect(on('2026-03-11')).toMatchObject({ required: 2, counted: 2, compliant: true, excluded: [] });
    expect(on('2026-03-12')).toMatchObject({
      residentsByLevel: { SELF_CARE: 1, SEMI_DISABLED: 1, FULLY_DISABLED: 2 },
      required: 2,
      counted: 1,
      compliant: false,
      excluded: [{ staffId: expect.any(String), reason: 'CERTIFICATE_EXPIRED', reasonLabel: '证书已于当日或之前到期' }],
    });
    expect(on('2026-03-20')).toMatchObject({ residentsByLevel: { SELF_CARE: 0, SEMI_DISABLED: 1, FULLY_DISABLED: 3 }, required: 3 });
    expect(res.body.summary).toMatchObject({
      days: 31,
      compliantDays: 11,
      compliancePct: 35.48,
      worstDay: { date: '2026-03-20', required: 3, counted: 1 },
      certification: { certified: 1, caregivers: 2, pct: 50 },
      dayCenterMinimum: { required: 3, daysMet: 31 }, // a street center: 3 staff on the roster every day
    });
  });

  it('periods are checked: ≤ 366 days, to after from', async () => {
    await w.t.http.get(`${base}/compliance/staffing?from=2026-01-01&to=2027-01-03`).auth(w.token.managerA, auth).expect(422);
    expect(
      (await w.t.http.get(`${base}/compliance/staffing?from=2026-01-01&to=2027-01-03`).auth(w.token.managerA, auth).expect(422)).body.code,
    ).toBe('PERIOD_TOO_LONG');
    await w.t.http.get(`${base}/compliance/staffing?from=2026-03-01&to=2026-03-01`).auth(w.token.managerA, auth).expect(422);
    await w.t.http.get(`${base}/compliance/staffing?from=2026-03-01`).auth(w.token.managerA, auth).expect(400);
    await w.t.http.get(`${base}/compliance/staffing?from=2026-01-01&to=2027-01-02`).auth(w.token.managerA, auth).expect(200);
  });

  it('staff input is checked: fte in (0, 1], certificate dates ordered, duplicates refused; regulators only read', async () => {
    expect((await post('/staff', { name: 'x', role: 'CAREGIVER', employedFrom: '2026-01-01', fte: 1.5 }).expect(400)).body.message).toEqual(
      ['fte must be between 0.01 and 1'],
    );
    const s = (await post('/staff', { name: '兼职护理员', role: 'CAREGIVER', employedFrom: '2026-01-01', fte: 0.5 }).expect(201)).body;
    expect(s.fte).toBe(0.5);
    await post(`/staff/${s.id}/certificates`, { type: 'T', number: 'N1', issuedOn: '2026-02-01', expiresOn: '2026-01-01' }).expect(422);
    await post(`/staff/${s.id}/certificates`, { type: 'T', number: 'N1', issuedOn: '2026-01-01', expiresOn: '2027-01-01' }).expect(201);
    const dup = await post(`/staff/${s.id}/certificates`, {
      type: 'T',
      number: 'N1',
      issuedOn: '2026-01-01',
      expiresOn: '2027-01-01',
    }).expect(409);
    expect(dup.body).toMatchObject({
      code: 'CERTIFICATE_DUPLICATE',
      message: ['certificate T N1 is already recorded in this facility (证书已登记)'],
    });
    expect(
      (await w.t.http.get(`${base}/staff/00000000-0000-4000-8000-000000000001`).auth(w.token.managerA, auth).expect(404)).body.code,
    ).toBe('STAFF_NOT_FOUND');
    await w.t.http
      .post(`${base}/staff`)
      .auth(w.token.reg410400, auth)
      .send({ name: 'x', role: 'OTHER', employedFrom: '2026-01-01', fte: 1 })
      .expect(403);
    expect((await w.t.http.get(`${base}/staff`).auth(w.token.reg410400, auth).expect(200)).body.length).toBeGreaterThanOrEqual(4);
  });

  it('the worker projects tomorrow; the alert is listed by the API', async () => {
    const owner = await createDataSource({ url: w.db.url, poolSize: 1 }).initialize();
    try {
      expect(await projectStaffingAlerts(owner, '2026-03-11')).toMatchObject({ alerts: expect.any(Number) });
    } finally {
      await owner.destroy();
    }
    const alerts = (await w.t.http.get(`${base}/compliance/alerts`).auth(w.token.managerA, auth).expect(200)).body;
    expect(alerts).toEqual([
      expect.objectContaining({
        day: '2026-03-12',
        kind: 'STAFFING_PROJECTED_NONCOMPLIANT',
        detail: expect.objectContaining({ required: 2, counted: 1 }),
      }),
    ]);
  });
});
