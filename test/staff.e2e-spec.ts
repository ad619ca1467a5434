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

  it('a wrongly entered training or certificate is corrected (PATCH) or removed (DELETE), each audited with what it was', async () => {
    const patch = (path: string, body: object) => w.t.http.patch(`${base}${path}`).auth(w.token.managerA, auth).send(body);
    const del = (path: string) => w.t.http.delete(`${base}${path}`).auth(w.token.managerA, auth);
    const audited = async (requestId: string) =>
      (await w.sql<{ action: string; diff: unknown }>(`SELECT action, diff FROM audit_event WHERE request_id = $1`, [requestId]))[0];
    const s = (await post('/staff', { name: '周护理员', role: 'CAREGIVER', employedFrom: '2026-01-01', fte: 1 }).expect(201)).body;
    const trainingId = (
      await post(`/staff/${s.id}/trainings`, { course: '岗前培训', completedOn: '2026-01-05', passed: false }).expect(201)
    ).body.trainings[0].id;
    const certificateId = (
      await post(`/staff/${s.id}/certificates`, {
        type: '养老护理员职业技能等级证书',
        number: 'ZHOU-1',
        issuedOn: '2026-01-10',
        expiresOn: '2029-01-10',
      }).expect(201)
    ).body.certificates[0].id;

    const fixedTraining = await patch(`/staff/${s.id}/trainings/${trainingId}`, { passed: true }).expect(200);
    expect(fixedTraining.body.trainings).toEqual([{ id: trainingId, course: '岗前培训', completedOn: '2026-01-05', passed: true }]);
    expect(await audited(fixedTraining.headers['x-request-id'])).toMatchObject({ action: 'staff.training.update' });

    const fixedCert = await patch(`/staff/${s.id}/certificates/${certificateId}`, { number: 'ZHOU-2', expiresOn: '2029-06-01' }).expect(
      200,
    );
    expect(fixedCert.body.certificates).toEqual([
      {
        id: certificateId,
        type: '养老护理员职业技能等级证书',
        number: 'ZHOU-2',
        level: null,
        issuedOn: '2026-01-10',
        expiresOn: '2029-06-01',
      },
    ]);
    const bad = await patch(`/staff/${s.id}/certificates/${certificateId}`, { expiresOn: '2026-01-10' }).expect(422);
    expect(bad.body).toMatchObject({
      code: 'CERTIFICATE_EXPIRY_BEFORE_ISSUE',
      message: ['expiresOn 2026-01-10 must be after issuedOn 2026-01-10 (到期日须晚于发证日)'],
    });
    await patch(`/staff/${s.id}/certificates/${certificateId}`, {}).expect(400);

    // Another staff member's certificate is not found through this one.
    const other = (await post('/staff', { name: '吴护士', role: 'NURSE', employedFrom: '2026-01-01', fte: 1 }).expect(201)).body;
    expect((await del(`/staff/${other.id}/certificates/${certificateId}`).expect(404)).body.code).toBe('CERTIFICATE_NOT_FOUND');
    expect((await del(`/staff/${other.id}/trainings/${trainingId}`).expect(404)).body.code).toBe('TRAINING_NOT_FOUND');

    const removed = await del(`/staff/${s.id}/certificates/${certificateId}`).expect(200);
    expect(removed.body.certificates).toEqual([]);
    expect(await audited(removed.headers['x-request-id'])).toMatchObject({ action: 'staff.certificate.delete' });
    expect((await del(`/staff/${s.id}/trainings/${trainingId}`).expect(200)).body.trainings).toEqual([]);
    await w.t.http.delete(`${base}/staff/${s.id}/trainings/${trainingId}`).auth(w.token.reg410400, auth).expect(403);
  });

  it('ending employment (employedTo) must come after employedFrom, and the message names both', async () => {
    const s = (await post('/staff', { name: '郑护理员', role: 'CAREGIVER', employedFrom: '2026-02-01', fte: 1 }).expect(201)).body;
    const refused = await w.t.http
      .patch(`${base}/staff/${s.id}`)
      .auth(w.token.managerA, auth)
      .send({ employedTo: '2026-02-01' })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'EMPLOYMENT_END_BEFORE_START' });
    expect(refused.body.message[0]).toContain('employedTo 2026-02-01 must be after employedFrom 2026-02-01');
    const ended = await w.t.http.patch(`${base}/staff/${s.id}`).auth(w.token.managerA, auth).send({ employedTo: '2026-06-30' }).expect(200);
    expect(ended.body).toMatchObject({ employedFrom: '2026-02-01', employedTo: '2026-06-30' });
    // A leave recorded by mistake is cleared (employed again), and so is a phone number; other fields stay.
    await w.t.http.patch(`${base}/staff/${s.id}`).auth(w.token.managerA, auth).send({ phone: '13903751234' }).expect(200);
    const cleared = await w.t.http
      .patch(`${base}/staff/${s.id}`)
      .auth(w.token.managerA, auth)
      .send({ employedTo: null, phone: null })
      .expect(200);
    expect(cleared.body).toMatchObject({ name: '郑护理员', employedFrom: '2026-02-01', employedTo: null, phone: null, fte: 1 });
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
