import { buildWorld, idNumberFor, World } from './support/world';

/** Day centers: enrolment, attendance, the six helps 六助 (docs/rules.md §2, §4). */
describe('day care', () => {
  let w: World;
  let base: string;
  let member: string;
  const auth = { type: 'bearer' } as const;

  beforeAll(async () => {
    w = await buildWorld();
    base = `/api/facilities/${w.B}`; // a street center: full-time care and day care
    member = (
      await w.t.http
        .post(`${base}/residents`)
        .auth(w.token.managerB, auth)
        .send({ name: '刘德胜', gender: 'M', dateOfBirth: '1944-08-08', idNumber: idNumberFor('1944-08-08', 11, '370102') })
        .expect(201)
    ).body.id;
  });
  afterAll(() => w?.close());

  it('enrols a member with a care level, and lists the members of a day with it', async () => {
    const m = (
      await w.t.http
        .post(`${base}/day-members`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, enrolledOn: '2026-11-01', careLevel: 'SEMI_DISABLED' })
        .expect(201)
    ).body;
    expect(m).toMatchObject({ residentId: member, name: '刘德胜', enrolledOn: '2026-11-01', leftOn: null });
    await w.t.http
      .post(`${base}/day-members`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, enrolledOn: '2026-11-05' })
      .expect(409);
    const on = (await w.t.http.get(`${base}/day-members?date=2026-11-02`).auth(w.token.managerB, auth).expect(200)).body;
    expect(on).toEqual([expect.objectContaining({ residentId: member, careLevel: 'SEMI_DISABLED' })]);
    expect((await w.t.http.get(`${base}/day-members?date=2026-10-31`).auth(w.token.managerB, auth).expect(200)).body).toEqual([]);
  });

  it('attendance: check in and out once a day; the sheet lists every member, present or not', async () => {
    const a = (
      await w.t.http
        .post(`${base}/attendance`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, day: '2026-11-02', checkIn: '08:30' })
        .expect(201)
    ).body;
    await w.t.http
      .post(`${base}/attendance`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, day: '2026-11-02', checkIn: '09:00' })
      .expect(409);
    await w.t.http.patch(`${base}/attendance/${a.id}`).auth(w.token.managerB, auth).send({ checkOut: '08:00' }).expect(422);
    expect(
      (await w.t.http.patch(`${base}/attendance/${a.id}`).auth(w.token.managerB, auth).send({ checkOut: '16:45' }).expect(200)).body,
    ).toEqual({ id: a.id, residentId: member, day: '2026-11-02', checkIn: '08:30', checkOut: '16:45' });
    expect((await w.t.http.get(`${base}/attendance?date=2026-11-02`).auth(w.token.reg370000, auth).expect(200)).body).toEqual([
      expect.objectContaining({ name: '刘德胜', checkIn: '08:30', checkOut: '16:45' }),
    ]);
    expect((await w.t.http.get(`${base}/attendance?date=2026-11-03`).auth(w.token.managerB, auth).expect(200)).body).toEqual([
      expect.objectContaining({ name: '刘德胜', checkIn: null, attendanceId: null }),
    ]);
    const notMember = await w.t.http
      .post(`${base}/attendance`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, day: '2026-10-20', checkIn: '08:30' })
      .expect(422);
    expect(notMember.body.message).toEqual(['the resident is not a member on 2026-10-20 (该老人当日不是会员)']);
    expect(notMember.body.code).toBe('MEMBER_NOT_ENROLLED');
  });

  it('service records of the six helps: who served, what, when; listed by calendar day', async () => {
    for (const kind of ['MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'MEDICAL', 'EMERGENCY']) {
      await w.t.http
        .post(`${base}/service-records`)
        .auth(w.token.managerB, auth)
        .send({ residentId: member, kind, servedAt: '2026-11-02T23:30:00+08:00', servedBy: '张护理员' })
        .expect(201);
    }
    await w.t.http
      .post(`${base}/service-records`)
      .auth(w.token.managerB, auth)
      .send({ residentId: member, kind: 'MASSAGE', servedAt: '2026-11-02T10:00:00+08:00', servedBy: 'x' })
      .expect(400);
    // 23:30 in Shanghai on the 2nd is the 2nd, though it is 15:30 UTC.
    const day = (await w.t.http.get(`${base}/service-records?from=2026-11-02&to=2026-11-03`).auth(w.token.managerB, auth).expect(200)).body;
    expect(day.map((s: { kind: string }) => s.kind).sort()).toEqual(['BATH', 'CLEANING', 'EMERGENCY', 'MEAL', 'MEDICAL', 'MOBILITY']);
    expect(
      (await w.t.http.get(`${base}/service-records?from=2026-11-03&to=2026-11-04`).auth(w.token.managerB, auth).expect(200)).body,
    ).toEqual([]);
  });

  it('a care home has no day care (422)', async () => {
    const [home] = await w.sql<{ id: string }>(
      `INSERT INTO facility (name, type, division_code) VALUES ('纯养老院', 'CARE_HOME', '370102') RETURNING id`,
    );
    const res = await w.t.http
      .post(`/api/users`)
      .auth(w.token.admin, auth)
      .send({ username: 'home.mgr', password: 'Lotus-Pond-7731', role: 'FACILITY_MANAGER', facilityId: home.id })
      .expect(201);
    expect(res.body.role).toBe('FACILITY_MANAGER');
    const login = await w.t.http.post('/api/auth/login').send({ username: 'home.mgr', password: 'Lotus-Pond-7731' }).expect(200);
    const r = await w.t.http
      .post(`/api/facilities/${home.id}/residents`)
      .auth(login.body.accessToken, auth)
      .send({ name: '钱大爷', gender: 'M', dateOfBirth: '1940-01-01', idNumber: idNumberFor('1940-01-01', 5, '370102') })
      .expect(201);
    const refused = await w.t.http
      .post(`/api/facilities/${home.id}/day-members`)
      .auth(login.body.accessToken, auth)
      .send({ residentId: r.body.id, enrolledOn: '2026-11-01' })
      .expect(422);
    expect(refused.body.message).toEqual(['day care is for day centers and street centers (仅日间照料中心/街道综合养老服务中心)']);
    expect(refused.body.code).toBe('NOT_A_DAY_CENTER');
  });
});
